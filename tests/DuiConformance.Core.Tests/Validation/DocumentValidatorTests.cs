using DuiConformance.Core.Findings;
using DuiConformance.Core.Validation;

namespace DuiConformance.Core.Tests.Validation;

[TestFixture]
public sealed class DocumentValidatorTests
{
    private static readonly DocumentValidator Validator = new(new ValidationOptions());

    [TestCase("dlu-valid.xml", "cda")]
    [TestCase("xdm-valid.zip", "xdm")]
    public void A_valid_file_is_read_as_its_kind_and_passes(string name, string kind)
    {
        var result = Validator.ValidateFile(FixturePaths.Of("validation", name));

        result.Kind.ShouldBe(kind);
        result.Findings.Where(f => f.Severity == Severity.Error).ShouldBeEmpty();
        result.Passed.ShouldBeTrue();
        result.Documents.Count.ShouldBe(1);
    }

    [TestCase("xdm-zip-bomb.eml", "XDM-2003")]
    [TestCase("xdm-path-traversal.eml", "XDM-2004")]
    [TestCase("xdm-no-metadata.eml", "XDM-2007")]
    public void A_hostile_or_broken_xdm_in_a_mail_becomes_a_finding(string name, string code)
    {
        var result = Validator.ValidateFile(FixturePaths.Of("checks", "mail", name));

        result.Kind.ShouldBe("eml");
        result.Passed.ShouldBeFalse();
        result.Findings.Select(f => f.Code).ShouldContain(code);
    }

    [Test]
    public void Xml_with_a_doctype_is_unreadable_not_a_crash()
    {
        var content = "<?xml version=\"1.0\"?><!DOCTYPE lol [<!ENTITY a \"aaaa\">]><ClinicalDocument xmlns=\"urn:hl7-org:v3\">&a;</ClinicalDocument>"u8.ToArray();

        var result = Validator.Validate("bomb.xml", content);

        result.Findings.ShouldHaveSingleItem().Code.ShouldBe(CdaFindings.Unreadable.Code);
        result.Findings[0].Message.ShouldContain("DTD");
    }

    [Test]
    public void Xml_that_is_not_a_clinical_document_is_reported_as_such()
    {
        var result = Validator.Validate("other.xml", "<root/>"u8.ToArray());

        result.Findings.ShouldHaveSingleItem().Message.ShouldContain("ClinicalDocument");
        result.Documents.ShouldBeEmpty();
    }

    [Test]
    public void Bytes_that_are_neither_xml_zip_nor_mime_are_an_unknown_format()
    {
        var result = Validator.Validate("garbage.bin", new byte[] { 0, 1, 2, 3, 255 });

        result.Kind.ShouldBe("unknown");
        result.Passed.ShouldBeFalse();
    }

    [Test]
    public void A_missing_file_is_a_finding()
    {
        var result = Validator.ValidateFile(Path.Combine(Path.GetTempPath(), "absent-" + Guid.NewGuid().ToString("N") + ".xml"));

        result.Passed.ShouldBeFalse();
        result.Findings.ShouldHaveSingleItem().Message.ShouldContain("introuvable");
    }

    [Test]
    [Category("Reference")]
    public void The_ans_cda_schema_accepts_the_official_dlu_and_rejects_an_unknown_header_element_with_its_line()
    {
        var xsd = Path.Combine(ReferencePaths.CiSisSnapshot, "infrastructure", "cda");
        var validator = new DocumentValidator(new ValidationOptions(SchemaFolder: xsd));
        var official = Path.Combine(ReferencePaths.CiSisSnapshot, "ExemplesCDA", "DLU-EHPAD-DLU_2022.01.xml");
        var broken = File.ReadAllText(official).Replace("<title>", "<intrus/><title>", StringComparison.Ordinal);

        var good = validator.ValidateFile(official);
        var bad = validator.Validate("broken.xml", System.Text.Encoding.UTF8.GetBytes(broken));

        good.Findings.Where(f => f.Code == CdaFindings.XsdInvalid.Code).ShouldBeEmpty();
        var finding = bad.Findings.First(f => f.Code == CdaFindings.XsdInvalid.Code);
        finding.Message.ShouldContain("intrus");
        finding.Location.Line.ShouldNotBeNull();
    }
}
