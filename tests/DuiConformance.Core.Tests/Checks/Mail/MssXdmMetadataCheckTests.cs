using System.Text;
using System.Text.RegularExpressions;
using DuiConformance.Core.Checks.Mail;
using DuiConformance.Core.Documents;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;
using DuiConformance.Core.Outcomes;

namespace DuiConformance.Core.Tests.Checks.Mail;

/// <summary>
/// mss.xdm.metadata (DUI-MSS-05) on synthetic XDM packages: the conforming METADATA.XML of fixtures/checks (valid-dlu.eml),
/// then one mutation per rule, each expected to give exactly its code.
/// </summary>
public sealed class MssXdmMetadataCheckTests
{
    private static readonly Lazy<(string Metadata, byte[] Cda)> Valid = new(() =>
    {
        var message = MailMessageReader.Read(FixturePaths.Read("checks", "mail/valid-dlu.eml"));
        var attachment = message.Attachments.Single(a => a.FileName == "IHE_XDM.ZIP");
        var package = XdmPackageReader.Read(MailMessageReader.Decode(attachment, out _)!.Value);
        return (Encoding.UTF8.GetString(package.Find("IHE_XDM/SUBSET01/METADATA.XML")!.Content.Span),
            package.Find("IHE_XDM/SUBSET01/DOC0001.XML")!.Content.ToArray());
    });

    private static string Metadata => Valid.Value.Metadata;

    private static byte[] Cda => Valid.Value.Cda;

    private static IReadOnlyList<Finding> Judge(string metadata, byte[]? document = null, string documentPath = "IHE_XDM/SUBSET01/DOC0001.XML")
    {
        var zip = TestEvidence.Zip(
            ("INDEX.HTM", "<html><body>index</body></html>"u8.ToArray()),
            ("README.TXT", "readme"u8.ToArray()),
            ("IHE_XDM/SUBSET01/METADATA.XML", Encoding.UTF8.GetBytes(metadata)),
            (documentPath, document ?? Cda));
        return XdmMetadataRules.Package("e-1", "IHE_XDM.ZIP", XdmPackageReader.Read(zip));
    }

    private static string ReplaceFirst(string text, string old, string replacement)
    {
        var index = text.IndexOf(old, StringComparison.Ordinal);
        index.ShouldBeGreaterThanOrEqualTo(0, $"« {old} » absent du METADATA.XML de référence");
        return string.Concat(text.AsSpan(0, index), replacement, text.AsSpan(index + old.Length));
    }

    private static string RemoveElement(string text, string idAttribute)
    {
        var pattern = new Regex($"\\s*<rim:(\\w+)[^>]*id=\"{Regex.Escape(idAttribute)}\"[^>]*?(/>|>.*?</rim:\\1>)", RegexOptions.Singleline);
        pattern.IsMatch(text).ShouldBeTrue(idAttribute);
        return pattern.Replace(text, string.Empty, 1);
    }

    [Test]
    public void The_conforming_metadata_of_the_fixtures_gives_no_finding()
    {
        var findings = Judge(Metadata);

        findings.ShouldBeEmpty(string.Join("; ", findings.Select(f => $"{f.Code} {f.Message}")));
    }

    public static IEnumerable<TestCaseData> Mutations()
    {
        TestCaseData Case(string name, Func<string, string> mutate, string code) =>
            new TestCaseData(mutate, code).SetName($"{name} gives {code}");

        yield return Case("A root other than SubmitObjectsRequest", m => m.Replace("lcm:SubmitObjectsRequest", "lcm:AdhocQueryRequest", StringComparison.Ordinal), "XDM-2302");
        yield return Case("Malformed XML", m => m.Replace("</rim:RegistryObjectList>", string.Empty, StringComparison.Ordinal), "XDM-2302");
        yield return Case("A RegistryPackage not classified SubmissionSet", m => RemoveElement(m, "cl-ss"), "XDM-2303");
        yield return Case("An ExtrinsicObject of the on-demand type", m => m.Replace("urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1", "urn:uuid:34268e47-fdf5-41a6-ba33-82133c465248", StringComparison.Ordinal), "XDM-2304");
        yield return Case("A DocumentEntry without HasMember association", m => RemoveElement(m, "as-01"), "XDM-2305");
        yield return Case("A SubmissionSet without sourceId", m => RemoveElement(m, "ei-sssrc"), "XDM-2306");
        yield return Case("A DocumentEntry without formatCode", m => RemoveElement(m, "cl-format"), "XDM-2307");
        yield return Case("A DocumentEntry without legalAuthenticator", m => Regex.Replace(m, "\\s*<rim:Slot name=\"legalAuthenticator\">.*?</rim:Slot>", string.Empty), "XDM-2307");
        yield return Case("A CDA declared application/pdf", m => m.Replace("mimeType=\"text/xml\"", "mimeType=\"application/pdf\"", StringComparison.Ordinal), "XDM-2308");
        yield return Case("The INS of another patient", m => Regex.Replace(m, "[0-9]{15}(\\^\\^\\^&amp;1\\.2\\.250\\.1\\.213\\.1\\.4\\.10)", "123456789012345$1"), "XDM-2309");
        yield return Case("An INS without the NH type", m => m.Replace("&amp;ISO^NH", "&amp;ISO", StringComparison.Ordinal), "XDM-2309");
        yield return Case("An authorInstitution without IDNST", m => m.Replace("^IDNST^^^", "^^^^", StringComparison.Ordinal), "XDM-2310");
        yield return Case("An authorPerson without assigning authority", m => m.Replace("^^^^^^&amp;1.2.250.1.71.4.2.1&amp;ISO^D^^^IDNPS", "^^^^^^^D", StringComparison.Ordinal), "XDM-2310");
        yield return Case("A size that is not the document's", m => Regex.Replace(m, "(<rim:Slot name=\"size\"><rim:ValueList><rim:Value>)([0-9]+)", "${1}1${2}"), "XDM-2311");
        yield return Case("A hash that is not the document's", m => Regex.Replace(m, "(<rim:Slot name=\"hash\"><rim:ValueList><rim:Value>)[0-9a-f]{40}", "${1}" + new string('0', 40)), "XDM-2311");
        yield return Case("A URI to no file", m => m.Replace("<rim:Value>DOC0001.XML</rim:Value>", "<rim:Value>DOC0002.XML</rim:Value>", StringComparison.Ordinal), "XDM-2312");
        yield return Case("Confidentiality R instead of N", m => m.Replace("nodeRepresentation=\"N\"", "nodeRepresentation=\"R\"", StringComparison.Ordinal), "XDM-2313");
        yield return Case("A uniqueId that is not the CDA id", m => m.Replace("value=\"1.2.250.1.999.2.1.20250115.1\"", "value=\"1.2.250.1.999.2.1.20250115.2\"", StringComparison.Ordinal), "XDM-2314");
        yield return Case("A typeCode that is not the CDA code", m => m.Replace("nodeRepresentation=\"74207-2\"", "nodeRepresentation=\"11488-4\"", StringComparison.Ordinal), "XDM-2315");
        yield return Case("A creationTime in local time", m => ReplaceFirst(m, "<rim:Value>20250115090000</rim:Value>", "<rim:Value>20250115100000</rim:Value>"), "XDM-2316");
        yield return Case("A creationTime with an offset", m => ReplaceFirst(m, "<rim:Value>20250115090000</rim:Value>", "<rim:Value>20250115090000+0100</rim:Value>"), "XDM-2316");
        yield return Case("A serviceStartTime that is not the serviceEvent start", m => m.Replace("<rim:Value>20250115</rim:Value>", "<rim:Value>20250114</rim:Value>", StringComparison.Ordinal), "XDM-2316");
        yield return Case("A languageCode other than the CDA's", m => m.Replace("<rim:Value>fr-FR</rim:Value>", "<rim:Value>en-US</rim:Value>", StringComparison.Ordinal), "XDM-2317");
        yield return Case("A healthcareFacilityTypeCode other than the CDA's", m => ReplaceFirst(m, "nodeRepresentation=\"SA17\"", "nodeRepresentation=\"SA16\""), "XDM-2318");
        yield return Case("A sourceId that is not an OID", m => m.Replace("value=\"1.2.250.1.999.3\"", "value=\"EHPAD-ESSAIS\"", StringComparison.Ordinal), "XDM-2320");
    }

    [TestCaseSource(nameof(Mutations))]
    public void Each_broken_rule_gives_its_code_and_only_it(Func<string, string> mutate, string code)
    {
        var findings = Judge(mutate(Metadata));

        findings.Select(f => f.Code).Distinct().ShouldBe([code], string.Join("; ", findings.Select(f => $"{f.Code} {f.Message}")));
        findings.ShouldAllBe(f => f.Requirements.SequenceEqual(new[] { MssRequirementIds.Mss05 }) && f.Message.Length > 0);
        findings.ShouldAllBe(f => f.Location.EvidenceId == "e-1" && f.Location.Entry == "IHE_XDM.ZIP!IHE_XDM/SUBSET01/METADATA.XML");
    }

    [Test]
    public void A_finding_is_located_by_an_xpath_into_metadata_xml()
    {
        var findings = Judge(Metadata.Replace("nodeRepresentation=\"74207-2\"", "nodeRepresentation=\"11488-4\"", StringComparison.Ordinal));

        var finding = findings.ShouldHaveSingleItem();
        finding.Location.Path.ShouldBe("/lcm:SubmitObjectsRequest/rim:RegistryObjectList/rim:ExtrinsicObject/rim:Classification[7]");
        finding.Location.Line.ShouldNotBeNull();
        finding.Message.ShouldContain("11488-4");
        finding.Message.ShouldContain("74207-2");
    }

    [Test]
    public void A_document_declared_text_xml_that_is_not_a_cda_cannot_be_compared()
    {
        var other = "<?xml version=\"1.0\"?><note>pas un CDA</note>"u8.ToArray();
        var metadata = Regex.Replace(Metadata, "(<rim:Slot name=\"hash\"><rim:ValueList><rim:Value>)[0-9a-f]{40}", "${1}" + Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(other)));
        metadata = Regex.Replace(metadata, "(<rim:Slot name=\"size\"><rim:ValueList><rim:Value>)[0-9]+", "${1}" + other.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Judge(metadata, other).Select(f => f.Code).ShouldBe(["XDM-2319"]);
    }

    [Test]
    public void A_patient_without_ins_may_be_identified_by_a_recordtarget_id()
    {
        var cda = Encoding.UTF8.GetString(Cda);
        var withoutIns = Regex.Replace(cda, "\\s*<id root=\"1.2.250.1.213.1.4.10\" extension=\"[0-9]+\"/>", string.Empty);
        var bytes = Encoding.UTF8.GetBytes(withoutIns);
        var metadata = Regex.Replace(Metadata, "[0-9]{15}\\^\\^\\^&amp;1.2.250.1.213.1.4.10&amp;ISO\\^NH", "IPP-000123^^^&amp;1.2.250.1.999.1.1&amp;ISO^PI");
        metadata = Regex.Replace(metadata, "(<rim:Slot name=\"hash\"><rim:ValueList><rim:Value>)[0-9a-f]{40}", "${1}" + Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(bytes)));
        metadata = Regex.Replace(metadata, "(<rim:Slot name=\"size\"><rim:ValueList><rim:Value>)[0-9]+", "${1}" + bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Judge(metadata, bytes).ShouldBeEmpty();
        Judge(metadata.Replace("IPP-000123^", "IPP-999999^", StringComparison.Ordinal), bytes).Select(f => f.Code).Distinct().ShouldBe(["XDM-2309"]);
    }

    [Test]
    public void Classifications_at_the_top_of_the_registry_object_list_count_as_the_entrys()
    {
        var format = Regex.Match(Metadata, "\\s*<rim:Classification [^>]*id=\"cl-format\".*?</rim:Classification>", RegexOptions.Singleline).Value;
        var moved = RemoveElement(Metadata, "cl-format").Replace("  </rim:RegistryObjectList>", format + "\r\n  </rim:RegistryObjectList>", StringComparison.Ordinal);

        Judge(moved).ShouldBeEmpty();
    }

    [Test]
    public void A_tre_a07_visibility_code_next_to_n_is_accepted_and_one_from_elsewhere_is_not()
    {
        static string Extra(string code, string scheme) =>
            $"<rim:Classification classificationScheme=\"urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f\" classifiedObject=\"Document01\" nodeRepresentation=\"{code}\" id=\"cl-conf2\">"
            + $"<rim:Slot name=\"codingScheme\"><rim:ValueList><rim:Value>{scheme}</rim:Value></rim:ValueList></rim:Slot></rim:Classification>\r\n      <rim:ExternalIdentifier identificationScheme=\"urn:uuid:58a6f841";

        var masked = ReplaceFirst(Metadata, "<rim:ExternalIdentifier identificationScheme=\"urn:uuid:58a6f841", Extra("MASQUE_PS", "1.2.250.1.213.1.1.4.13"));
        var foreign = ReplaceFirst(Metadata, "<rim:ExternalIdentifier identificationScheme=\"urn:uuid:58a6f841", Extra("V", "2.16.840.1.113883.5.25"));

        Judge(masked).ShouldBeEmpty();
        Judge(foreign).Select(f => f.Code).ShouldBe(["XDM-2313"]);
    }

    [Test]
    public void A_package_without_metadata_gives_xdm_2301()
    {
        var zip = TestEvidence.Zip(("INDEX.HTM", "x"u8.ToArray()), ("README.TXT", "x"u8.ToArray()), ("IHE_XDM/SUBSET01/DOC0001.XML", Cda));

        XdmMetadataRules.Package("e-1", "IHE_XDM.ZIP", XdmPackageReader.Read(zip)).Select(f => f.Code).ShouldBe(["XDM-2301"]);
        XdmMetadataRules.Package("e-1", "IHE_XDM.ZIP", XdmPackageReader.Read("pas un zip"u8.ToArray())).Select(f => f.Code).ShouldBe(["XDM-2301"]);
    }

    [Test]
    public void The_check_passes_on_a_conforming_message_and_skips_without_xdm()
    {
        var check = new MssXdmMetadataCheck();
        var zip = TestEvidence.Zip(("INDEX.HTM", "x"u8.ToArray()), ("README.TXT", "x"u8.ToArray()),
            ("IHE_XDM/SUBSET01/METADATA.XML", Encoding.UTF8.GetBytes(Metadata)), ("IHE_XDM/SUBSET01/DOC0001.XML", Cda));

        var pass = check.Evaluate(EvidenceSet.Of(TestEvidence.Mail(TestEvidence.Eml(zip), "m-1")));
        var skip = check.Evaluate(EvidenceSet.Of(TestEvidence.Mail(TestEvidence.Eml(null), "m-2")));

        pass.Outcome.ShouldBe(Outcome.Pass);
        pass.EvidenceIds.ShouldBe(["m-1"]);
        skip.Outcome.ShouldBe(Outcome.Skip);
        skip.Reason.ShouldNotBeNull().ShouldContain("IHE_XDM.ZIP");
    }
}
