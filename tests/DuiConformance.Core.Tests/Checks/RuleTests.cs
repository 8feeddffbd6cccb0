using System.Text;
using System.Text.Json;
using DuiConformance.Core.Checks;
using DuiConformance.Core.Documents;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;
using DuiConformance.Core.Outcomes;

namespace DuiConformance.Core.Tests.Checks;

/// <summary>Rules whose edge cases the golden fixtures do not reach, built from the valid fixture's CDA.</summary>
public sealed class RuleTests
{
    private static readonly Lazy<string> ValidCda = new(() =>
    {
        using var json = JsonDocument.Parse(FixturePaths.Read("checks", "fhir", "iti65-valid-dlu.json"));
        var data = json.RootElement.GetProperty("entry")[2].GetProperty("resource").GetProperty("data").GetString()!;
        return Encoding.UTF8.GetString(Convert.FromBase64String(data));
    });

    private static byte[] Cda(Func<string, string>? edit = null) => Encoding.UTF8.GetBytes((edit ?? (text => text))(ValidCda.Value));

    private static byte[] XdmWith(params byte[][] documents) =>
        TestEvidence.Zip([("INDEX.HTM", [1]), ("README.TXT", [1]), .. documents.Select((document, index) => ($"IHE_XDM/SUBSET01/DOC{index:0000}.XML", document))]);

    private static CheckResult Run(string checkId, params (EvidenceItem Item, byte[] Content)[] evidence) =>
        CheckCatalogue.Find(checkId).ShouldNotBeNull().Evaluate(EvidenceSet.Of(evidence));

    [Test, Description("domain.md §3.2: FLUDT, FLUDR and IPS-FR share LOINC 74207-2 but are other volets")]
    public void A_fludt_with_the_dlu_code_is_not_judged_as_a_dlu()
    {
        var fludt = Cda(text => text.Replace("1.2.250.1.213.1.1.1.22", "1.2.250.1.213.1.1.1.23", StringComparison.Ordinal));

        var result = Run("cda.dlu.volet", TestEvidence.Iti65(TestEvidence.Bundle(fludt)));

        result.Outcome.ShouldBe(Outcome.Skip);
    }

    [Test]
    public void A_document_with_the_dlu_code_but_no_volet_template_is_a_dlu_missing_its_template()
    {
        var bare = Cda(text => text.Replace("<templateId root=\"1.2.250.1.213.1.1.1.22\"/>", string.Empty, StringComparison.Ordinal));

        var result = Run("cda.dlu.volet", TestEvidence.Iti65(TestEvidence.Bundle(bare)));

        result.Outcome.ShouldBe(Outcome.Fail);
        result.Findings.Select(finding => finding.Code).ShouldBe([CdaFindings.DluTemplateId.Code]);
    }

    [Test]
    public void Cda_findings_point_at_the_xpath_and_line_of_the_offending_element()
    {
        var result = Run("cda.header.participants", CheckFixtureManifest.Get("iti65-cda-two-recordtargets").ToEvidence());

        var finding = result.Findings.ShouldHaveSingleItem();
        finding.Location.ShouldSatisfyAllConditions(
            () => finding.Location.Entry.ShouldBe("Bundle.entry[2]"),
            () => finding.Location.Path.ShouldBe("/cda:ClinicalDocument/cda:recordTarget[2]"),
            () => finding.Location.Line.ShouldNotBeNull().ShouldBeGreaterThan(10),
            () => finding.Location.Column.ShouldBe(4, "IXmlLineInfo points at the element name, just after '<' (indent 2)"));
    }

    [Test]
    public void X_mss_ins_must_be_n_when_no_cda_carries_a_qualified_ins()
    {
        var withoutIns = Cda(text => text.Replace("1.2.250.1.213.1.4.10", "1.2.250.1.999.9.9", StringComparison.Ordinal));
        var mail = TestEvidence.Eml(XdmWith(withoutIns), "X-MSS-CODECDA: 74207-2\r\nX-MSS-INS: O\r\n");

        var result = Run("mss.header.cda-ins", TestEvidence.Mail(mail));

        result.Outcome.ShouldBe(Outcome.Fail);
        var finding = result.Findings.ShouldHaveSingleItem();
        finding.Code.ShouldBe(MailFindings.InsMismatch.Code);
        finding.Location.Path.ShouldBe("X-MSS-INS");
        finding.Location.Line.ShouldNotBeNull();
    }

    [Test]
    public void X_mss_ins_is_o_when_one_of_several_cda_is_qualified_and_codes_match_in_any_order()
    {
        var other = Cda(text => text
            .Replace("code=\"74207-2\" codeSystem=\"2.16.840.1.113883.6.1\" codeSystemName=\"LOINC\" displayName=\"Dossier", "code=\"11488-4\" codeSystem=\"2.16.840.1.113883.6.1\" codeSystemName=\"LOINC\" displayName=\"Autre", StringComparison.Ordinal)
            .Replace("1.2.250.1.213.1.4.10", "1.2.250.1.999.9.9", StringComparison.Ordinal));
        var mail = TestEvidence.Eml(XdmWith(other, Cda()), "X-MSS-CODECDA: 74207-2, 11488-4\r\nX-MSS-INS: O\r\n");

        var result = Run("mss.header.cda-ins", TestEvidence.Mail(mail));

        result.Outcome.ShouldBe(Outcome.Pass, string.Join("; ", result.Findings.Select(finding => finding.Message)));
    }

    [Test]
    public void Cda_headers_without_any_cda_are_refused()
    {
        var mail = TestEvidence.Eml(null, "X-MSS-CODECDA: 74207-2\r\nX-MSS-INS: N\r\n");

        var result = Run("mss.header.cda-ins", TestEvidence.Mail(mail));

        result.Findings.Select(finding => finding.Code).ShouldBe([MailFindings.HeaderWithoutCda.Code, MailFindings.HeaderWithoutCda.Code]);
    }

    [Test]
    public void Missing_cda_headers_are_both_reported()
    {
        var result = Run("mss.header.cda-ins", TestEvidence.Mail(TestEvidence.Eml(XdmWith(Cda()))));

        result.Findings.Select(finding => finding.Code).ShouldBe([MailFindings.CodeCdaMissing.Code, MailFindings.InsMissing.Code]);
    }

    [TestCase("<no-at-sign>", "SMTP-3011")]
    [TestCase("dlu-1@host.invalid", "SMTP-3011")]
    [TestCase("<a b@host.invalid>", "SMTP-3011")]
    [TestCase("<dlu.1@[127.0.0.1]>", null)]
    public void Message_id_syntax_follows_rfc_5322(string messageId, string? code)
    {
        var result = Run("mss.message.rfc5322", TestEvidence.Mail(TestEvidence.Eml(null, messageId: messageId)));

        result.Findings.Select(finding => finding.Code).ShouldBe(code is null ? [] : [code]);
    }

    [Test]
    public void Duplicate_and_invalid_date_and_from_are_all_reported()
    {
        var mail = Encoding.ASCII.GetBytes(
            "From: a@b.fr\r\nFrom: c@d.fr\r\nDate: 2025-01-15 10:00\r\nMessage-ID: <x@y.fr>\r\nTo: e@f.fr\r\nContent-Type: text/html\r\n\r\n<p>x</p>\r\n");

        var result = Run("mss.message.rfc5322", TestEvidence.Mail(mail));

        result.Findings.Select(finding => finding.Code).ShouldBe(
            [MailFindings.DateSyntax.Code, MailFindings.FromCount.Code, MailFindings.BodyStructure.Code], ignoreOrder: true);
        result.Findings.Single(finding => finding.Code == MailFindings.FromCount.Code).Location.Line.ShouldBe(2);
    }

    [Test]
    public void A_mixed_body_must_start_with_readable_text()
    {
        var mail = Encoding.ASCII.GetBytes(
            "From: a@b.fr\r\nDate: Wed, 15 Jan 2025 10:00:00 +0100\r\nMessage-ID: <x@y.fr>\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
            + "--b\r\nContent-Type: application/pdf\r\n\r\n%PDF\r\n--b--\r\n");

        Rfc5322Check(mail).ShouldBe([MailFindings.BodyStructure.Code]);
    }

    [TestCase("Tls11", "SMTP-3021")]
    [TestCase("TLSv1.2", null)]
    [TestCase("Tls13", null)]
    public void Tls_version_must_be_1_2_or_later(string protocol, string? code)
    {
        var properties = new Dictionary<string, string>(TestEvidence.TlsSession) { [SmtpProperties.TlsProtocol] = protocol };

        var result = Run("mss.smtp.tls-before-auth", TestEvidence.Mail(TestEvidence.Eml(null), properties: properties));

        result.Findings.Select(finding => finding.Code).ShouldBe(code is null ? [] : [code]);
    }

    [Test]
    public void A_message_without_auth_is_reported()
    {
        var properties = new Dictionary<string, string>(TestEvidence.TlsSession) { [SmtpProperties.AuthMechanism] = "" };

        var result = Run("mss.smtp.tls-before-auth", TestEvidence.Mail(TestEvidence.Eml(null), properties: properties));

        result.Findings.Select(finding => finding.Code).ShouldBe([MailFindings.NoAuth.Code]);
    }

    [Test]
    public void An_xdm_archive_under_another_name_is_reported()
    {
        var result = Run("mss.xdm.layout", TestEvidence.Mail(TestEvidence.Eml(XdmWith(Cda()), fileName: "dossier.zip")));

        result.Outcome.ShouldBe(Outcome.Fail);
        result.Findings.Select(finding => finding.Code).ShouldBe([XdmFindings.AttachmentName.Code]);
    }

    [Test]
    public void A_zip_that_is_not_an_xdm_package_is_not_judged()
    {
        var result = Run("mss.xdm.layout", TestEvidence.Mail(TestEvidence.Eml(TestEvidence.Zip(("photo.jpg", [1, 2, 3])), fileName: "photos.zip")));

        result.Outcome.ShouldBe(Outcome.Skip);
    }

    [Test]
    public void Xdm_uri_slots_split_over_several_values_are_joined()
    {
        var document = Cda();
        var sha1 = Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(document));
        var metadata = Encoding.UTF8.GetBytes($"""
            <lcm:SubmitObjectsRequest xmlns:lcm="urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0" xmlns:rim="urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0">
              <rim:RegistryObjectList>
                <rim:ExtrinsicObject id="D1">
                  <rim:Slot name="URI"><rim:ValueList><rim:Value>2|0001.XML</rim:Value><rim:Value>1|DOC</rim:Value></rim:ValueList></rim:Slot>
                  <rim:Slot name="hash"><rim:ValueList><rim:Value>{sha1.ToUpperInvariant()}</rim:Value></rim:ValueList></rim:Slot>
                  <rim:Slot name="size"><rim:ValueList><rim:Value>{document.Length}</rim:Value></rim:ValueList></rim:Slot>
                </rim:ExtrinsicObject>
              </rim:RegistryObjectList>
            </lcm:SubmitObjectsRequest>
            """);
        var zip = TestEvidence.Zip(("INDEX.HTM", [1]), ("README.TXT", [1]), ("IHE_XDM/A/METADATA.XML", metadata), ("IHE_XDM/A/DOC0001.XML", document));

        var result = Run("mss.xdm.layout", TestEvidence.Mail(TestEvidence.Eml(zip)));

        result.Outcome.ShouldBe(Outcome.Pass, string.Join("; ", result.Findings.Select(finding => finding.Message)));
    }

    [Test]
    public void Metadata_that_is_not_a_submit_objects_request_is_reported_with_its_root()
    {
        var zip = TestEvidence.Zip(("INDEX.HTM", [1]), ("README.TXT", [1]), ("IHE_XDM/A/METADATA.XML", "<root/>"u8.ToArray()));

        var result = Run("mss.xdm.layout", TestEvidence.Mail(TestEvidence.Eml(zip)));

        var finding = result.Findings.ShouldHaveSingleItem();
        finding.Code.ShouldBe(XdmFindings.MetadataInvalid.Code);
        finding.Location.Entry.ShouldBe("IHE_XDM.ZIP!IHE_XDM/A/METADATA.XML");
        finding.Location.Path.ShouldBe("/root");
    }

    [Test, Description("PDSm replacement example / PDSm4DMP TD2.1: the old DocumentReference is PATCHed to superseded")]
    public void A_supersede_patch_is_accepted_only_in_a_replacement_bundle()
    {
        static byte[] Body(bool replaces)
        {
            var relation = replaces ? ",\"relatesTo\":[{\"code\":\"replaces\",\"target\":{\"reference\":\"DocumentReference/old\"}}]" : "";
            var json = """
                {"resourceType":"Bundle","type":"transaction","entry":[
                  {"fullUrl":"urn:uuid:00000000-0000-4000-8000-000000000001","resource":{"resourceType":"List","status":"current","mode":"working",
                    "code":{"coding":[{"code":"submissionset"}]}},"request":{"method":"POST","url":"List"}},
                  {"fullUrl":"urn:uuid:00000000-0000-4000-8000-000000000002","resource":{"resourceType":"DocumentReference","status":"current"RELATION,
                    "content":[{"attachment":{"url":"urn:uuid:00000000-0000-4000-8000-000000000003"}}]},"request":{"method":"POST","url":"DocumentReference"}},
                  {"fullUrl":"urn:uuid:00000000-0000-4000-8000-000000000003","resource":{"resourceType":"Binary","contentType":"text/plain","data":"eA=="},
                    "request":{"method":"POST","url":"Binary"}},
                  {"fullUrl":"urn:uuid:00000000-0000-4000-8000-000000000004","resource":{"resourceType":"Binary","contentType":"application/json-patch+json","data":"W10="},
                    "request":{"method":"PATCH","url":"DocumentReference/old"}}]}
                """;
            return Encoding.UTF8.GetBytes(json.Replace("RELATION", relation, StringComparison.Ordinal));
        }

        Run("fhir.iti65.bundle", TestEvidence.Iti65(Body(replaces: true))).Findings.Select(finding => finding.Code)
            .ShouldBe([FhirFindings.OrphanBinary.Code]);
        Run("fhir.iti65.bundle", TestEvidence.Iti65(Body(replaces: false))).Findings.Select(finding => finding.Code)
            .ShouldBe([FhirFindings.EntryMethod.Code, FhirFindings.OrphanBinary.Code]);
    }

    [Test]
    public void Iti65_sent_elsewhere_than_the_base_is_reported()
    {
        var (item, content) = TestEvidence.Iti65(TestEvidence.Bundle(Cda()));
        var moved = item with { Properties = new Dictionary<string, string>(item.Properties) { [FhirProperties.Path] = "/Bundle" } };

        var result = Run("fhir.iti65.bundle", (moved, content));

        result.Findings.Select(finding => finding.Code).ShouldBe([FhirFindings.Endpoint.Code]);
    }

    [Test]
    public void Raw_headers_are_unfolded_with_their_line()
    {
        var headers = MailMessageReader.ReadHeaders("A: 1\r\nX-MSS-NIL: REF\r\n  SUITE\r\nB: 2\r\n\r\nC: body\r\n"u8);

        headers.Select(header => (header.Name, header.Value, header.Line)).ShouldBe([("A", "1", 1), ("X-MSS-NIL", "REF  SUITE", 2), ("B", "2", 4)]);
    }

    private static List<string> Rfc5322Check(byte[] mail) =>
        [.. Run("mss.message.rfc5322", TestEvidence.Mail(mail)).Findings.Select(finding => finding.Code)];
}
