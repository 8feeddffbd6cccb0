using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using DuiConformance.Core.Checks;
using DuiConformance.Core.Documents;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;
using DuiConformance.Core.Outcomes;

namespace DuiConformance.Core.Tests.Checks;

/// <summary>Hostile SUT payloads become findings: no exception, bounded memory and time (STYLE.md rule 15a).</summary>
public sealed class HostileInputTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    private const string BillionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
          <!ENTITY lol "lol">
          <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <ClinicalDocument xmlns="urn:hl7-org:v3"><title>&lol9;</title></ClinicalDocument>
        """;

    private const string ExternalEntity = """
        <?xml version="1.0"?>
        <!DOCTYPE doc [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <ClinicalDocument xmlns="urn:hl7-org:v3"><title>&xxe;</title></ClinicalDocument>
        """;

    [Test]
    public void Billion_laughs_is_refused_as_a_dtd_without_expansion()
    {
        var document = SafeXml.TryLoad(Encoding.UTF8.GetBytes(BillionLaughs), out var error);

        document.ShouldBeNull();
        error.ShouldNotBeNull().Message.ShouldContain("DTD");
    }

    [Test]
    public void External_entities_are_never_resolved()
    {
        SafeXml.TryLoad(Encoding.UTF8.GetBytes(ExternalEntity), out var error).ShouldBeNull();
        error.ShouldNotBeNull().Message.ShouldContain("DTD");
    }

    [Test]
    public void Deeply_nested_xml_is_refused_with_its_line()
    {
        var xml = "<ClinicalDocument xmlns=\"urn:hl7-org:v3\">" + string.Concat(Enumerable.Repeat("<a>", 100_000)) + string.Concat(Enumerable.Repeat("</a>", 100_000)) + "</ClinicalDocument>";

        var document = SafeXml.TryLoad(Encoding.UTF8.GetBytes(xml), out var error);

        document.ShouldBeNull();
        error.ShouldNotBeNull().Message.ShouldContain("profonde");
        error.Line.ShouldBe(1);
    }

    [TestCase("billion-laughs")]
    [TestCase("deep-nesting")]
    [TestCase("garbage")]
    public void A_hostile_cda_in_an_iti65_binary_is_a_cda_1001_finding(string kind)
    {
        var payload = kind switch
        {
            "billion-laughs" => Encoding.UTF8.GetBytes(BillionLaughs),
            "deep-nesting" => Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>" + string.Concat(Enumerable.Repeat("<x>", 5_000)) + string.Concat(Enumerable.Repeat("</x>", 5_000))),
            _ => Encoding.UTF8.GetBytes("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><<<&&&"),
        };
        var evidence = EvidenceSet.Of(TestEvidence.Iti65(TestEvidence.Bundle(payload)));

        var result = Timed(() => CheckCatalogue.Find("cda.header.realm-typeid")!.Evaluate(evidence));

        result.Outcome.ShouldBe(Outcome.Fail);
        result.Findings.ShouldAllBe(finding => finding.Code == CdaFindings.Unreadable.Code);
        result.Findings.Single().Location.Entry.ShouldBe("Bundle.entry[2]");
    }

    [Test]
    public void A_zip_bomb_is_not_inflated_beyond_the_limit()
    {
        // 60 MiB of zeros compress to about 60 KiB: the declared size exceeds the 50 MiB budget.
        var zip = TestEvidence.Zip(("INDEX.HTM", "x"u8.ToArray()), ("IHE_XDM/S/BOMB.XML", new byte[60 * 1024 * 1024]));
        zip.Length.ShouldBeLessThan(1024 * 1024);

        var package = Timed(() => XdmPackageReader.Read(zip));

        package.Problems.ShouldContain(problem => problem.Definition == XdmFindings.Limits && problem.EntryPath == "IHE_XDM/S/BOMB.XML");
        package.Entries.Select(entry => entry.Path).ShouldBe(["INDEX.HTM"]);
    }

    [Test]
    public void An_entry_with_an_absurd_compression_ratio_is_refused()
    {
        var zip = TestEvidence.Zip(("IHE_XDM/S/ZEROS.XML", new byte[2 * 1024 * 1024]));

        var package = XdmPackageReader.Read(zip);

        package.Problems.ShouldHaveSingleItem().Message.ShouldContain("compression");
        package.Entries.ShouldBeEmpty();
    }

    [Test]
    public void An_entry_that_lies_about_its_size_is_refused()
    {
        var zip = TestEvidence.Zip(("IHE_XDM/S/DOC.XML", Encoding.ASCII.GetBytes(new string('a', 5000))));
        ForgeDeclaredSize(zip, "IHE_XDM/S/DOC.XML", 10);

        var package = XdmPackageReader.Read(zip);

        package.Problems.ShouldNotBeEmpty();
        package.Problems.ShouldAllBe(problem => problem.EntryPath == "IHE_XDM/S/DOC.XML");
        package.Entries.ShouldBeEmpty();
    }

    [Test]
    public void Too_many_entries_are_cut_at_the_limit()
    {
        var files = Enumerable.Range(0, 20).Select(index => ($"F{index}.TXT", new byte[] { 1 })).ToArray();

        var package = XdmPackageReader.Read(TestEvidence.Zip(files), XdmReadLimits.Default with { MaxEntries = 5 });

        package.Entries.Count.ShouldBe(5);
        package.Problems.ShouldHaveSingleItem().Definition.ShouldBe(XdmFindings.Limits);
    }

    [TestCase("../../EVIL.TXT")]
    [TestCase("IHE_XDM/../../EVIL.TXT")]
    [TestCase("/etc/EVIL.TXT")]
    [TestCase("C:/EVIL.TXT")]
    [TestCase("IHE_XDM\\EVIL.TXT")]
    public void Unsafe_entry_paths_are_refused(string path)
    {
        var package = XdmPackageReader.Read(TestEvidence.Zip(("README.TXT", [1]), (path, [2])));

        package.Problems.ShouldHaveSingleItem().Definition.ShouldBe(XdmFindings.UnsafePath);
        package.Entries.Select(entry => entry.Path).ShouldBe(["README.TXT"]);
    }

    [Test]
    public void Bytes_that_are_not_a_zip_give_a_finding()
    {
        var package = XdmPackageReader.Read("not a zip at all"u8.ToArray());

        package.IsZip.ShouldBeFalse();
        package.Problems.ShouldHaveSingleItem().Definition.ShouldBe(XdmFindings.NotAZip);
    }

    [Test]
    public void Garbage_and_deeply_nested_json_bodies_are_fhir_5001_findings()
    {
        var nested = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000));
        var evidence = EvidenceSet.Of(
            TestEvidence.Iti65("{{{ not json"u8.ToArray(), "ev-garbage"),
            TestEvidence.Iti65(nested, "ev-nested"),
            TestEvidence.Iti65("{\"resourceType\":\"Nope\"}"u8.ToArray(), "ev-unknown"));

        var result = Timed(() => CheckCatalogue.Find("fhir.iti65.bundle")!.Evaluate(evidence));

        result.Outcome.ShouldBe(Outcome.Fail);
        result.Findings.Select(finding => finding.Location.EvidenceId).ShouldBe(["ev-garbage", "ev-nested", "ev-unknown"]);
        result.Findings.ShouldAllBe(finding => finding.Code == FhirFindings.Unreadable.Code);
    }

    [Test]
    public void No_check_throws_on_any_hostile_evidence()
    {
        var random = new Random(42);
        var noise = new byte[64 * 1024];
        random.NextBytes(noise);
        var bomb = TestEvidence.Zip(("IHE_XDM/S/BOMB.XML", new byte[60 * 1024 * 1024]));
        var evidence = EvidenceSet.Of(
            TestEvidence.Mail(noise, "ev-noise"),
            TestEvidence.Mail([], "ev-empty"),
            TestEvidence.Mail(TestEvidence.Eml(noise), "ev-noise-zip"),
            TestEvidence.Mail(TestEvidence.Eml(bomb), "ev-bomb"),
            TestEvidence.Mail(TestEvidence.Eml(TestEvidence.Zip(("IHE_XDM/S/METADATA.XML", Encoding.UTF8.GetBytes(BillionLaughs)))), "ev-laughs"),
            TestEvidence.Iti65(noise, "ev-fhir-noise"),
            TestEvidence.Iti65([], "ev-fhir-empty"),
            TestEvidence.Iti65(TestEvidence.Bundle(noise), "ev-fhir-binary-noise"));

        foreach (var check in CheckCatalogue.All)
        {
            var result = Timed(() => check.Evaluate(evidence));
            result.Outcome.ShouldBeOneOf(Outcome.Pass, Outcome.Fail, Outcome.Skip);
        }
    }

    [Test]
    public void Hostile_xdm_attachments_fail_the_layout_check_with_located_findings()
    {
        var bomb = TestEvidence.Zip(("IHE_XDM/S/BOMB.XML", new byte[60 * 1024 * 1024]));
        var evidence = EvidenceSet.Of(
            TestEvidence.Mail(TestEvidence.Eml("garbage"u8.ToArray()), "ev-garbage"),
            TestEvidence.Mail(TestEvidence.Eml(bomb), "ev-bomb"),
            TestEvidence.Mail(TestEvidence.Eml(TestEvidence.Zip(("IHE_XDM/S/METADATA.XML", Encoding.UTF8.GetBytes(BillionLaughs)))), "ev-laughs"));

        var result = Timed(() => CheckCatalogue.Find("mss.xdm.layout")!.Evaluate(evidence));

        result.Outcome.ShouldBe(Outcome.Fail);
        result.Findings.ShouldContain(finding => finding.Code == XdmFindings.NotAZip.Code && finding.Location.EvidenceId == "ev-garbage");
        result.Findings.ShouldContain(finding => finding.Code == XdmFindings.Limits.Code && finding.Location.Entry == "IHE_XDM.ZIP!IHE_XDM/S/BOMB.XML");
        result.Findings.ShouldContain(finding => finding.Code == XdmFindings.MetadataInvalid.Code && finding.Location.EvidenceId == "ev-laughs" && finding.Message.Contains("DTD"));
    }

    private static T Timed<T>(Func<T> action)
    {
        var watch = Stopwatch.StartNew();
        var result = action();
        watch.Elapsed.ShouldBeLessThan(Budget);
        return result;
    }

    private static void ForgeDeclaredSize(byte[] zip, string name, uint size)
    {
        // Patch the uncompressed size in the local header (offset 22) and the central directory (offset 24).
        var encoded = Encoding.ASCII.GetBytes(name);
        for (var index = 0; index + 46 < zip.Length; index++)
        {
            if (zip[index] == 'P' && zip[index + 1] == 'K' && zip[index + 2] == 3 && zip[index + 3] == 4
                && zip.AsSpan(index + 30, encoded.Length).SequenceEqual(encoded))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(index + 22, 4), size).ShouldBeTrue();
            }

            if (zip[index] == 'P' && zip[index + 1] == 'K' && zip[index + 2] == 1 && zip[index + 3] == 2
                && zip.AsSpan(index + 46, encoded.Length).SequenceEqual(encoded))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(index + 24, 4), size).ShouldBeTrue();
            }
        }
    }
}
