using System.IO.Compression;
using System.Security.Cryptography;
using System.Xml.Linq;
using DuiConformance.ReferenceDui.Identity;
using DuiConformance.ReferenceDui.Mss;

namespace DuiConformance.ReferenceDui.Tests.Mss;

[Description("IHE XDM layout and metadata (domain.md §4.3, §3.3); requirement DUI-MSS-04.")]
public class XdmPackageBuilderTests
{
    private static readonly XNamespace Rim = "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0";
    private static readonly XNamespace Lcm = "urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0";
    private static readonly XdmPackageBuilder.Identifiers Ids =
        new(Guid.Parse("55555555-5555-4555-8555-555555555555"), Guid.Parse("66666666-6666-4666-8666-666666666666"), "2.25.4444");

    private static Dictionary<string, byte[]> Build(Usager usager, params string[] defects)
    {
        var organisation = TestData.Organisation(defects);
        var zip = new XdmPackageBuilder(organisation).Build(usager, TestData.Document(usager, organisation), "dr.girard@medecin.mssante.fr", TestData.Now, Ids);
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var content = e.Open();
            using var copy = new MemoryStream();
            content.CopyTo(copy);
            return copy.ToArray();
        });
    }

    private static XElement Metadata(Dictionary<string, byte[]> entries) =>
        XDocument.Load(new MemoryStream(entries["IHE_XDM/SUBSET01/METADATA.XML"])).Root.ShouldNotBeNull();

    private static string Slot(XElement owner, string name) =>
        owner.Elements(Rim + "Slot").Single(s => (string?)s.Attribute("name") == name).Descendants(Rim + "Value").First().Value;

    [Test]
    public void The_archive_has_the_xdm_layout()
    {
        var entries = Build(TestData.QualifiedUsager());

        entries.Keys.ShouldBe(["INDEX.HTM", "README.TXT", "IHE_XDM/SUBSET01/METADATA.XML", "IHE_XDM/SUBSET01/DOC0001.XML"], ignoreOrder: true);
        System.Text.Encoding.UTF8.GetString(entries["README.TXT"]).ShouldContain("DUI de référence DuiConformance");
        System.Text.Encoding.UTF8.GetString(entries["INDEX.HTM"]).ShouldContain("IHE_XDM/SUBSET01/DOC0001.XML");
    }

    [Test]
    public void The_metadata_hash_size_and_uri_match_the_document_file()
    {
        var entries = Build(TestData.QualifiedUsager());
        var entry = Metadata(entries).Descendants(Rim + "ExtrinsicObject").Single();
        var document = entries["IHE_XDM/SUBSET01/" + Slot(entry, "URI")];

        entry.ShouldSatisfyAllConditions(
            () => Slot(entry, "URI").ShouldBe("DOC0001.XML"),
            () => Slot(entry, "hash").ShouldBe(Convert.ToHexStringLower(SHA1.HashData(document))),
            () => Slot(entry, "size").ShouldBe(document.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            () => entry.Attribute("mimeType")!.Value.ShouldBe("text/xml"),
            () => Slot(entry, "languageCode").ShouldBe("fr-FR"),
            () => Slot(entry, "creationTime").ShouldBe("20250314093000"),
            () => Slot(entry, "serviceStartTime").ShouldBe("20250314093000"),
            () => Slot(entry, "sourcePatientId").ShouldBe("00000042^^^&" + TestData.Organisation().IppOid + "&ISO^PI"));
    }

    [Test]
    public void The_metadata_is_a_submit_objects_request_with_a_classified_submission_set_and_its_association()
    {
        var root = Metadata(Build(TestData.QualifiedUsager()));
        var entryId = root.Descendants(Rim + "ExtrinsicObject").Single().Attribute("id")!.Value;
        var package = root.Descendants(Rim + "RegistryPackage").Single();
        var setId = package.Attribute("id")!.Value;

        root.ShouldSatisfyAllConditions(
            () => root.Name.ShouldBe(Lcm + "SubmitObjectsRequest"),
            () => root.Descendants(Rim + "Classification").ShouldContain(c =>
                (string?)c.Attribute("classificationNode") == "urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd"
                && (string?)c.Attribute("classifiedObject") == setId),
            () => root.Descendants(Rim + "Association").Single().Attribute("sourceObject")!.Value.ShouldBe(setId),
            () => root.Descendants(Rim + "Association").Single().Attribute("targetObject")!.Value.ShouldBe(entryId),
            () => package.Elements(Rim + "ExternalIdentifier").Select(e => e.Attribute("value")!.Value)
                .ShouldContain("2.25.4444"));
    }

    [Test]
    public void The_document_entry_has_the_french_classifications_and_identifiers()
    {
        var entry = Metadata(Build(TestData.QualifiedUsager())).Descendants(Rim + "ExtrinsicObject").Single();
        var codes = entry.Elements(Rim + "Classification")
            .Where(c => c.Attribute("nodeRepresentation")!.Value.Length > 0)
            .ToDictionary(c => c.Attribute("classificationScheme")!.Value, c => c.Attribute("nodeRepresentation")!.Value);
        var identifiers = entry.Elements(Rim + "ExternalIdentifier")
            .ToDictionary(e => e.Attribute("identificationScheme")!.Value, e => e.Attribute("value")!.Value);

        entry.ShouldSatisfyAllConditions(
            () => codes["urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a"].ShouldBe("11"),
            () => codes["urn:uuid:f0306f51-975f-434e-a61c-c59651d33983"].ShouldBe("74207-2"),
            () => codes["urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d"].ShouldBe("urn:asip:ci-sis:dlu:2015"),
            () => codes["urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f"].ShouldBe("N"),
            () => codes["urn:uuid:f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1"].ShouldBe("SA17"),
            () => codes["urn:uuid:cccf5598-8b07-4b77-a05e-ae952c785ead"].ShouldBe("ESSMS"),
            () => identifiers["urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427"].ShouldBe(TestData.QualifiedIns + "^^^&1.2.250.1.213.1.4.10&ISO^NH"),
            () => identifiers["urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab"].ShouldBe("2.25.1111"));
    }

    [Test]
    public void A_non_qualified_identity_uses_the_ipp_as_patient_id()
    {
        var entries = Build(TestData.QualifiedUsager(IdentityStatus.Recuperee));
        var entry = Metadata(entries).Descendants(Rim + "ExtrinsicObject").Single();

        entry.Elements(Rim + "ExternalIdentifier")
            .Single(e => e.Attribute("identificationScheme")!.Value == "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427")
            .Attribute("value")!.Value.ShouldEndWith("&ISO^PI");
        System.Text.Encoding.UTF8.GetString(entries["IHE_XDM/SUBSET01/METADATA.XML"]).ShouldNotContain(TestData.QualifiedIns);
    }

    [Test]
    public void The_missing_metadata_defect_removes_metadata_xml_and_nothing_else()
    {
        var usager = TestData.QualifiedUsager();
        var correct = Build(usager);
        var defective = Build(usager, ReferenceDuiDefects.XdmMissingMetadata);

        correct.Remove("IHE_XDM/SUBSET01/METADATA.XML").ShouldBeTrue();
        defective.Keys.ShouldBe(correct.Keys, ignoreOrder: true);
        foreach (var (name, bytes) in correct)
        {
            defective[name].ShouldBe(bytes, name);
        }
    }

    [Test]
    public void The_wrong_patient_defect_puts_the_ipp_in_both_patient_ids_while_the_cda_keeps_the_ins()
    {
        var usager = TestData.QualifiedUsager();
        var correct = Build(usager);
        var defective = Build(usager, ReferenceDuiDefects.XdmMetadataWrongPatient);
        string[] schemes = ["urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427", "urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446"];
        var patientIds = Metadata(defective).Descendants(Rim + "ExternalIdentifier")
            .Where(e => schemes.Contains(e.Attribute("identificationScheme")!.Value))
            .Select(e => e.Attribute("value")!.Value)
            .ToList();

        patientIds.ShouldSatisfyAllConditions(
            () => patientIds.Count.ShouldBe(2),
            () => patientIds.ShouldAllBe(value => value == "00000042^^^&" + TestData.Organisation().IppOid + "&ISO^PI"),
            () => defective["IHE_XDM/SUBSET01/DOC0001.XML"].ShouldBe(correct["IHE_XDM/SUBSET01/DOC0001.XML"]),
            () => System.Text.Encoding.UTF8.GetString(defective["IHE_XDM/SUBSET01/DOC0001.XML"]).ShouldContain(TestData.QualifiedIns));
    }
}
