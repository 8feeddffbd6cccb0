using System.Text;
using System.Xml.Linq;
using DuiConformance.Core.Documents;
using DuiConformance.Core.Findings;
using DuiConformance.Core.Validation;

namespace DuiConformance.Core.Tests.Validation;

[TestFixture]
public sealed class CdaContentRulesTests
{
    private static readonly XNamespace V3 = XmlPaths.Hl7;

    private static XDocument ValidDlu() =>
        SafeXml.TryLoad(FixturePaths.Read("validation", "dlu-valid.xml"), out _) ?? throw new AssertionException("fixture illisible");

    private static CdaDocument Cda(XDocument document)
    {
        // Note: reload through SafeXml so that line information is present, as in production.
        var bytes = Encoding.UTF8.GetBytes(document.ToString());
        return new CdaDocument(SafeXml.TryLoad(bytes, out _)!, new CdaSource("test", "file", "test.xml"));
    }

    private static XElement Patient(XDocument document) =>
        document.Root!.Element(V3 + "recordTarget")!.Element(V3 + "patientRole")!.Element(V3 + "patient")!;

    [Test]
    public void The_synthetic_dlu_passes_every_content_rule()
    {
        CdaContentRules.Check(Cda(ValidDlu())).ShouldBeEmpty();
    }

    [Test]
    public void A_document_without_any_body_is_neither_n1_nor_n3()
    {
        var document = ValidDlu();
        document.Root!.Element(V3 + "component")!.Remove();

        var finding = CdaContentRules.Check(Cda(document)).ShouldHaveSingleItem();

        finding.Code.ShouldBe(CdaFindings.BodyMissing.Code);
        finding.Location.Path.ShouldBe("/cda:ClinicalDocument/cda:component/cda:structuredBody");
    }

    [Test]
    public void A_level_1_body_must_be_a_base64_pdf_and_carry_the_xds_sd_template()
    {
        var document = ValidDlu();
        var pdf = Convert.ToBase64String("%PDF-1.4\n%synthetic\n"u8.ToArray());
        document.Root!.Element(V3 + "component")!.ReplaceWith(new XElement(V3 + "component",
            new XElement(V3 + "nonXMLBody", new XElement(V3 + "text", new XAttribute("mediaType", "application/pdf"), new XAttribute("representation", "B64"), pdf))));

        var withoutTemplate = CdaContentRules.Body(Cda(document)).ToList();
        document.Root.Elements(V3 + "templateId").Last().AddAfterSelf(new XElement(V3 + "templateId", new XAttribute("root", CdaContentRules.XdsSdTemplate)));
        var withTemplate = CdaContentRules.Body(Cda(document)).ToList();

        withoutTemplate.ShouldHaveSingleItem().Message.ShouldContain(CdaContentRules.XdsSdTemplate);
        withTemplate.ShouldBeEmpty();
    }

    [Test]
    public void A_level_1_body_that_is_not_a_pdf_is_reported_at_its_text_element()
    {
        var document = ValidDlu();
        document.Root!.Elements(V3 + "templateId").Last().AddAfterSelf(new XElement(V3 + "templateId", new XAttribute("root", CdaContentRules.XdsSdTemplate)));
        document.Root.Element(V3 + "component")!.ReplaceWith(new XElement(V3 + "component",
            new XElement(V3 + "nonXMLBody", new XElement(V3 + "text", new XAttribute("mediaType", "text/plain"), "bonjour"))));

        var finding = CdaContentRules.Body(Cda(document)).ShouldHaveSingleItem();

        finding.Code.ShouldBe(CdaFindings.NonXmlBody.Code);
        finding.Location.Path.ShouldBe("/cda:ClinicalDocument/cda:component/cda:nonXMLBody/cda:text");
        finding.Location.Line.ShouldNotBeNull();
    }

    [Test]
    public void A_vsm_needs_code_synth_or_ips_fr_loinc()
    {
        var document = ValidDlu();
        document.Root!.Elements(V3 + "templateId").Last().SetAttributeValue("root", CdaContentRules.VsmTemplate);

        var wrong = CdaContentRules.Vsm(Cda(document)).ToList();
        document.Root.Element(V3 + "code")!.SetAttributeValue("code", "SYNTH");
        document.Root.Element(V3 + "code")!.SetAttributeValue("codeSystem", "1.2.250.1.213.1.1.4.12");
        var right = CdaContentRules.Vsm(Cda(document)).ToList();

        wrong.ShouldHaveSingleItem().Code.ShouldBe(CdaFindings.VsmCode.Code);
        right.ShouldBeEmpty();
    }

    [Test]
    public void With_an_ins_the_birth_name_given_name_and_gender_are_required()
    {
        var document = ValidDlu();
        var patient = Patient(document);
        patient.Element(V3 + "name")!.Element(V3 + "family")!.Attribute("qualifier")!.Remove();
        patient.Element(V3 + "administrativeGenderCode")!.Remove();

        var findings = CdaContentRules.RecordTarget(Cda(document)).ToList();

        findings.Count.ShouldBe(2);
        findings.ShouldAllBe(f => f.Code == CdaFindings.RecordTargetIdentity.Code && f.Requirements.Contains(RequirementIds.Cda03));
        findings.Select(f => f.Location.Path).ShouldContain("/cda:ClinicalDocument/cda:recordTarget/cda:patientRole/cda:patient/cda:administrativeGenderCode");
    }

    [Test]
    public void Without_an_ins_an_unqualified_name_is_accepted()
    {
        var document = ValidDlu();
        var role = document.Root!.Element(V3 + "recordTarget")!.Element(V3 + "patientRole")!;
        role.Elements(V3 + "id").First().Remove();
        Patient(document).Element(V3 + "name")!.Element(V3 + "family")!.Attribute("qualifier")!.Remove();

        CdaContentRules.RecordTarget(Cda(document)).ShouldBeEmpty();
    }

    [Test]
    public void Race_religion_ethnic_group_bad_qualifiers_and_a_null_flavor_id_are_each_reported()
    {
        var document = ValidDlu();
        var patient = Patient(document);
        patient.Add(new XElement(V3 + "raceCode", new XAttribute("code", "x")), new XElement(V3 + "religiousAffiliationCode", new XAttribute("code", "y")), new XElement(V3 + "ethnicGroupCode", new XAttribute("code", "z")));
        patient.Element(V3 + "name")!.Element(V3 + "given")!.SetAttributeValue("qualifier", "SP");
        patient.Element(V3 + "name")!.Element(V3 + "family")!.SetAttributeValue("qualifier", "XX");
        patient.Parent!.Add(new XElement(V3 + "id", new XAttribute("nullFlavor", "UNK")));

        var messages = CdaContentRules.RecordTarget(Cda(document)).Select(f => f.Message).ToList();

        messages.ShouldContain(m => m.Contains("raceCode", StringComparison.Ordinal));
        messages.ShouldContain(m => m.Contains("religiousAffiliationCode", StringComparison.Ordinal));
        messages.ShouldContain(m => m.Contains("ethnicGroupCode", StringComparison.Ordinal));
        messages.ShouldContain(m => m.Contains("given@qualifier « SP »", StringComparison.Ordinal));
        messages.ShouldContain(m => m.Contains("family@qualifier « XX »", StringComparison.Ordinal));
        messages.ShouldContain(m => m.Contains("nullFlavor", StringComparison.Ordinal));
    }
}
