using System.Xml.Linq;
using System.Xml.XPath;
using DuiConformance.ReferenceDui.Cda;
using DuiConformance.ReferenceDui.Identity;

namespace DuiConformance.ReferenceDui.Tests.Cda;

[Description("domain.md §3.1 (CI-SIS header) and §3.2 (DLU volet); requirements DUI-CDA-01..04.")]
public class DluDocumentBuilderTests
{
    private static readonly XNamespace V3 = "urn:hl7-org:v3";

    private static XDocument Build(Usager usager, params string[] defects) =>
        Parse(new DluDocumentBuilder(TestData.Organisation(defects)).Build(usager, TestData.DluRequest).Bytes);

    private static XDocument Parse(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return XDocument.Load(stream);
    }

    private static XElement Root(XDocument document) => document.Root.ShouldNotBeNull();

    private static IEnumerable<XElement> Select(XDocument document, string xpath)
    {
        var resolver = new System.Xml.XmlNamespaceManager(new System.Xml.NameTable());
        resolver.AddNamespace("cda", V3.NamespaceName);
        return document.XPathSelectElements(xpath, resolver);
    }

    private static DateTimeOffset ParseTs(string value)
    {
        value.ShouldMatch(@"^\d{14}[+-]\d{4}$");
        return DateTimeOffset.ParseExact(value.Insert(17, ":"), "yyyyMMddHHmmsszzz", System.Globalization.CultureInfo.InvariantCulture);
    }

    [Test]
    public void The_document_carries_every_ci_sis_header_element()
    {
        var doc = Build(TestData.QualifiedUsager());
        var root = Root(doc);

        root.ShouldSatisfyAllConditions(
            () => root.Name.ShouldBe(V3 + "ClinicalDocument"),
            () => root.Elements(V3 + "realmCode").Single().Attribute("code")!.Value.ShouldBe("FR"),
            () => Select(doc, "/cda:ClinicalDocument/cda:typeId[@root='2.16.840.1.113883.1.3' and @extension='POCD_HD000040']").Count().ShouldBe(1),
            () => root.Elements(V3 + "templateId").Select(t => t.Attribute("root")!.Value)
                .ShouldBe(["2.16.840.1.113883.2.8.2.1", "1.2.250.1.213.1.1.1.1", "1.2.250.1.213.1.1.1.22"]),
            () => root.Element(V3 + "id")!.Attribute("root")!.Value.ShouldBe("2.25.1111"),
            () => root.Element(V3 + "id")!.Attribute("root")!.Value.ShouldMatch(@"^[0-2](\.(0|[1-9]\d*))+$"),
            () => Select(doc, "/cda:ClinicalDocument/cda:code[@code='74207-2' and @codeSystem='2.16.840.1.113883.6.1' and @displayName]").Count().ShouldBe(1),
            () => root.Element(V3 + "title")!.Value.ShouldNotBeNullOrWhiteSpace(),
            () => ParseTs(root.Element(V3 + "effectiveTime")!.Attribute("value")!.Value).ShouldBe(TestData.Now),
            () => root.Element(V3 + "confidentialityCode")!.Attribute("code")!.Value.ShouldBe("N"),
            () => root.Element(V3 + "languageCode")!.Attribute("code")!.Value.ShouldBe("fr-FR"),
            () => root.Element(V3 + "setId")!.Attribute("root")!.Value.ShouldBe("2.25.2222"),
            () => root.Element(V3 + "versionNumber")!.Attribute("value")!.Value.ShouldBe("1"));
    }

    [Test]
    public void The_header_participants_follow_the_ci_sis_cardinalities()
    {
        var doc = Build(TestData.QualifiedUsager());
        var root = Root(doc);

        root.ShouldSatisfyAllConditions(
            () => root.Elements(V3 + "recordTarget").Count().ShouldBe(1),
            () => root.Elements(V3 + "author").Count().ShouldBe(1),
            () => Select(doc, "/cda:ClinicalDocument/cda:author/cda:assignedAuthor/cda:id[@root='1.2.250.1.71.4.2.1' and @extension='810199999995']").Count().ShouldBe(1),
            () => Select(doc, "/cda:ClinicalDocument/cda:custodian/cda:assignedCustodian/cda:representedCustodianOrganization/cda:id[@root='1.2.250.1.71.4.2.2' and @extension='1690999990']").Count().ShouldBe(1),
            () => root.Elements(V3 + "legalAuthenticator").Count().ShouldBe(1),
            () => Select(doc, "/cda:ClinicalDocument/cda:legalAuthenticator/cda:time[@value]").Count().ShouldBe(1),
            () => Select(doc, "/cda:ClinicalDocument/cda:legalAuthenticator/cda:signatureCode[@code='S']").Count().ShouldBe(1),
            () => Select(doc, "/cda:ClinicalDocument/cda:legalAuthenticator/cda:assignedEntity/cda:assignedPerson/cda:name/cda:family").Count().ShouldBe(1),
            () => Select(doc, "/cda:ClinicalDocument/cda:participant[@typeCode='INF']/cda:functionCode[@code='PCP']").Count().ShouldBe(1),
            () => Select(doc, "/cda:ClinicalDocument/cda:participant/cda:associatedEntity/cda:associatedPerson/cda:name/cda:family").Single().Value.ShouldBe("Dr Paul GIRARD"),
            () => Select(doc, "/cda:ClinicalDocument/cda:documentationOf/cda:serviceEvent/cda:code[@code='34117-2']").Count().ShouldBe(1),
            () => Select(doc, "/cda:ClinicalDocument/cda:documentationOf/cda:serviceEvent/cda:effectiveTime/cda:low[@value]").Count().ShouldBe(1),
            () => Select(doc, "/cda:ClinicalDocument/cda:documentationOf/cda:serviceEvent/cda:performer[@typeCode='PRF']").Count().ShouldBe(1),
            () => root.Elements(V3 + "relatedDocument").ShouldBeEmpty(),
            () => Select(doc, "/cda:ClinicalDocument/cda:componentOf/cda:encompassingEncounter/cda:location/cda:healthCareFacility/cda:code[@code='SA17' and @codeSystem='1.2.250.1.71.4.2.4']").Count().ShouldBe(1));
    }

    [Test]
    public void The_six_mandatory_dlu_sections_are_present_once_each_in_a_structured_body()
    {
        var doc = Build(TestData.QualifiedUsager());
        var sectionTemplates = Select(doc, "/cda:ClinicalDocument/cda:component/cda:structuredBody/cda:component/cda:section/cda:templateId")
            .Select(t => t.Attribute("root")!.Value)
            .ToList();

        foreach (var templateId in DluDocumentBuilder.MandatorySectionTemplateIds)
        {
            sectionTemplates.Count(t => t == templateId).ShouldBe(1, $"section {templateId}");
        }
    }

    [Test]
    public void Narrative_references_point_to_existing_ids()
    {
        var doc = Build(TestData.QualifiedUsager());
        var ids = doc.Descendants().Attributes("ID").Select(a => a.Value).ToHashSet();
        var references = doc.Descendants(V3 + "reference").Select(r => r.Attribute("value")!.Value).ToList();

        references.ShouldNotBeEmpty();
        references.ShouldAllBe(r => r.StartsWith('#') && ids.Contains(r.Substring(1)));
    }

    [Test]
    public void A_qualified_identity_carries_the_ins_with_the_test_oid_and_the_ipp()
    {
        var doc = Build(TestData.QualifiedUsager());
        var ids = Select(doc, "/cda:ClinicalDocument/cda:recordTarget/cda:patientRole/cda:id").ToList();

        ids.Count.ShouldBe(2);
        ids[0].Attribute("root")!.Value.ShouldBe("1.2.250.1.213.1.4.10");
        ids[0].Attribute("extension")!.Value.ShouldBe(TestData.QualifiedIns);
        ids[1].Attribute("root")!.Value.ShouldBe(TestData.Organisation().IppOid);
        ids[1].Attribute("extension")!.Value.ShouldBe("00000042");
    }

    [Test]
    public void In_production_mode_the_ins_uses_the_production_oid()
    {
        var organisation = TestData.Organisation(new ReferenceDuiSettings { InsMode = "production" });
        var doc = Parse(new DluDocumentBuilder(organisation).Build(TestData.QualifiedUsager(), TestData.DluRequest).Bytes);

        Select(doc, "/cda:ClinicalDocument/cda:recordTarget/cda:patientRole/cda:id[@root='1.2.250.1.213.1.4.8']").Single()
            .Attribute("extension")!.Value.ShouldBe(TestData.QualifiedIns);
    }

    [TestCase("RECUP")]
    [TestCase("VALI")]
    [TestCase("PROV")]
    public void A_non_qualified_identity_never_carries_an_ins(string code)
    {
        IdentityStatusCodes.TryParse(code, out var status).ShouldBeTrue();
        var doc = Build(TestData.QualifiedUsager(status));
        var roots = Select(doc, "/cda:ClinicalDocument/cda:recordTarget/cda:patientRole/cda:id").Select(i => i.Attribute("root")!.Value).ToList();

        roots.ShouldBe([TestData.Organisation().IppOid]);
        doc.ToString().ShouldNotContain(TestData.QualifiedIns);
    }

    [Test]
    public void The_patient_name_has_the_birth_name_the_used_name_and_only_the_first_given_name_as_br()
    {
        var doc = Build(TestData.QualifiedUsager());
        var name = Select(doc, "/cda:ClinicalDocument/cda:recordTarget/cda:patientRole/cda:patient/cda:name").Single();
        var patient = name.Parent!;

        patient.ShouldSatisfyAllConditions(
            () => name.Elements(V3 + "family").Single(f => (string?)f.Attribute("qualifier") == "BR").Value.ShouldBe("MARTINEAU"),
            () => name.Elements(V3 + "family").Single(f => (string?)f.Attribute("qualifier") == "SP").Value.ShouldBe("LEFEBVRE"),
            () => name.Elements(V3 + "given").Single(g => (string?)g.Attribute("qualifier") == "BR").Value.ShouldBe("HELENE"),
            () => name.Elements(V3 + "given").Single(g => g.Attribute("qualifier") is null).Value.ShouldBe("HELENE MARIE LOUISE"),
            () => patient.Element(V3 + "administrativeGenderCode")!.Attribute("code")!.Value.ShouldBe("F"),
            () => patient.Element(V3 + "administrativeGenderCode")!.Attribute("codeSystem")!.Value.ShouldBe("2.16.840.1.113883.5.1"),
            () => patient.Element(V3 + "birthTime")!.Attribute("value")!.Value.ShouldBe("19420517"),
            () => patient.Element(V3 + "birthplace")!.Element(V3 + "place")!.Element(V3 + "addr")!.Element(V3 + "county")!.Value.ShouldBe("69123"),
            () => patient.Elements().Select(e => e.Name.LocalName).ShouldNotContain("raceCode"));
    }

    [Test]
    public void Without_a_used_name_there_is_no_sp_family()
    {
        var doc = Build(TestData.ProvisionalUsager());

        Select(doc, "//cda:patient/cda:name/cda:family").Select(f => (string?)f.Attribute("qualifier")).ShouldBe(["BR"]);
    }

    [Test]
    public void The_cda_missing_realm_defect_removes_the_realm_code_and_nothing_else()
    {
        var usager = TestData.QualifiedUsager();
        var correct = Build(usager);
        var defective = Build(usager, ReferenceDuiDefects.CdaMissingRealm);

        Root(defective).Elements(V3 + "realmCode").ShouldBeEmpty();
        Root(correct).Elements(V3 + "realmCode").Single().Remove();
        defective.ToString().ShouldBe(correct.ToString());
    }

    [Test]
    public void Building_twice_gives_the_same_bytes()
    {
        var builder = new DluDocumentBuilder(TestData.Organisation());

        builder.Build(TestData.QualifiedUsager(), TestData.DluRequest).Bytes
            .ShouldBe(builder.Build(TestData.QualifiedUsager(), TestData.DluRequest).Bytes);
    }

    [Test]
    public void Free_text_with_markup_is_escaped_not_interpreted()
    {
        var usager = TestData.QualifiedUsager() with { Allergies = "<script>alert(1)</script> & co" };

        var doc = Build(usager);

        doc.Descendants(V3 + "script").ShouldBeEmpty();
        doc.Descendants(V3 + "item").Select(i => i.Value).ShouldContain("<script>alert(1)</script> & co");
    }
}
