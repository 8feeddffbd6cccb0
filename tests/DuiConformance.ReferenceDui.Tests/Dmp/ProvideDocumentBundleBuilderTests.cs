// Note: Firely POCOs annotate nearly every element as nullable; these assertions fail loudly on null anyway.
#nullable disable warnings
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DuiConformance.ReferenceDui.Dmp;
using DuiConformance.ReferenceDui.Identity;
using Hl7.Fhir.Model;

namespace DuiConformance.ReferenceDui.Tests.Dmp;

[Description("PDSm ITI-65 (domain.md §3.4); requirements DUI-DMP-01..03.")]
public class ProvideDocumentBundleBuilderTests
{
    private static readonly ProvideDocumentBundleBuilder.Identifiers Ids = new(
        Guid.Parse("11111111-1111-4111-8111-111111111111"),
        "2.25.3333",
        Guid.Parse("22222222-2222-4222-8222-222222222222"),
        Guid.Parse("33333333-3333-4333-8333-333333333333"),
        Guid.Parse("44444444-4444-4444-8444-444444444444"));

    private static Bundle Build(Usager usager, params string[] defects)
    {
        var organisation = TestData.Organisation(defects);
        return new ProvideDocumentBundleBuilder(organisation).Build(usager, TestData.Document(usager, organisation), TestData.Now, Ids);
    }

    private static T Resource<T>(Bundle bundle) where T : Resource => bundle.Entry.Select(e => e.Resource).OfType<T>().Single();

    [Test]
    public void The_transaction_holds_a_submission_set_a_document_reference_a_binary_and_the_patient_all_posted()
    {
        var bundle = Build(TestData.QualifiedUsager());

        bundle.ShouldSatisfyAllConditions(
            () => bundle.Type.ShouldBe(Bundle.BundleType.Transaction),
            () => bundle.Entry.Select(e => e.Resource.TypeName).ShouldBe(["List", "DocumentReference", "Binary", "Patient"]),
            () => bundle.Entry.ShouldAllBe(e => e.Request.Method == Bundle.HTTPVerb.POST && e.Request.Url == e.Resource.TypeName),
            () => bundle.Entry.ShouldAllBe(e => e.FullUrl.StartsWith("urn:uuid:")),
            () => bundle.Entry.Select(e => e.FullUrl).Distinct().Count().ShouldBe(4));
    }

    [Test]
    public void The_attachment_points_to_the_binary_and_declares_its_size_and_sha1()
    {
        var bundle = Build(TestData.QualifiedUsager());
        var reference = Resource<DocumentReference>(bundle);
        var binary = Resource<Binary>(bundle);
        var attachment = reference.Content.Single().Attachment;

        attachment.ShouldSatisfyAllConditions(
            () => attachment.Url.ShouldBe(bundle.Entry.Single(e => e.Resource is Binary).FullUrl),
            () => attachment.ContentType.ShouldBe("text/xml"),
            () => attachment.Language.ShouldBe("fr-FR"),
            () => attachment.Title.ShouldNotBeNullOrWhiteSpace(),
            () => attachment.SizeElement.ShouldBeOfType<UnsignedInt>().Value.ShouldBe(binary.Data.Length),
            () => attachment.Hash.ShouldBe(SHA1.HashData(binary.Data)),
            () => binary.ContentType.ShouldBe("text/xml"),
            () => Encoding.UTF8.GetString(binary.Data).ShouldContain("<ClinicalDocument"));
    }

    [Test]
    public void The_document_reference_carries_the_pdsm_metadata()
    {
        var bundle = Build(TestData.QualifiedUsager());
        var reference = Resource<DocumentReference>(bundle);
        var patientUrl = bundle.Entry.Single(e => e.Resource is Patient).FullUrl;

        reference.ShouldSatisfyAllConditions(
            () => reference.MasterIdentifier.System.ShouldBe("urn:ietf:rfc:3986"),
            () => reference.MasterIdentifier.Value.ShouldBe("urn:oid:2.25.1111"),
            () => reference.Identifier.Single().Value.ShouldBe("urn:uuid:22222222-2222-4222-8222-222222222222"),
            () => reference.Status.ShouldBe(DocumentReferenceStatus.Current),
            () => reference.Type.Coding.Single().Code.ShouldBe("74207-2"),
            () => reference.Category.Single().Coding.Single().System.ShouldContain("TRE_A03"),
            () => reference.Subject.Reference.ShouldBe(patientUrl),
            () => reference.Date.ShouldBe(TestData.Now),
            () => reference.Author.Single().Reference.ShouldBe("#author"),
            () => reference.Contained.OfType<Practitioner>().Single(p => p.Id == "author").Identifier.ShouldContain(i => i.Value == "10199999995"),
            () => reference.Custodian.Reference.ShouldBe("#custodian"),
            () => reference.Contained.OfType<Organization>().Single(o => o.Id == "custodian").Identifier.ShouldContain(i => i.Value == "690999990"),
            () => reference.SecurityLabel.Single().Coding.Single().Code.ShouldBe("N"),
            () => reference.Content.Single().Format.Code.ShouldBe("urn:asip:ci-sis:dlu:2015"),
            () => reference.Context.Period.Start.ShouldNotBeNull(),
            () => reference.Context.FacilityType.Coding.Single().Code.ShouldBe("SA17"),
            () => reference.Context.PracticeSetting.Coding.Single().Code.ShouldBe("ESSMS"),
            () => reference.Context.SourcePatientInfo.Reference.ShouldBe("#source-patient"));
    }

    [Test]
    public void The_submission_set_carries_designation_type_source_id_identifiers_and_its_entry()
    {
        var bundle = Build(TestData.QualifiedUsager());
        var list = Resource<List>(bundle);

        list.ShouldSatisfyAllConditions(
            () => list.Extension.Select(e => e.Url).ShouldBe([
                "https://profiles.ihe.net/ITI/MHD/StructureDefinition/ihe-designationType",
                "https://profiles.ihe.net/ITI/MHD/StructureDefinition/ihe-sourceId"]),
            () => ((Identifier)list.Extension[1].Value).Value.ShouldBe("urn:oid:" + TestData.Organisation().Oid),
            () => list.Identifier.Select(i => i.Value).ShouldBe(["urn:oid:2.25.3333", "urn:uuid:11111111-1111-4111-8111-111111111111"]),
            () => list.Status.ShouldBe(List.ListStatus.Current),
            () => list.Mode.ShouldBe(ListMode.Working),
            () => list.Code.Coding.Single().Code.ShouldBe("submissionset"),
            () => list.Subject.Reference.ShouldBe(bundle.Entry.Single(e => e.Resource is Patient).FullUrl),
            () => list.Date.ShouldNotBeNull(),
            () => list.Source.Reference.ShouldBe("#source"),
            () => list.Entry.Single().Item.Reference.ShouldBe(bundle.Entry.Single(e => e.Resource is DocumentReference).FullUrl));
    }

    [Test]
    public void A_qualified_patient_carries_the_ins_and_the_first_given_name_only()
    {
        var patient = Resource<Patient>(Build(TestData.QualifiedUsager()));
        var official = patient.Name.Single(n => n.Use == HumanName.NameUse.Official);

        patient.ShouldSatisfyAllConditions(
            () => patient.Identifier.Single(i => i.System == "urn:oid:1.2.250.1.213.1.4.10").Value.ShouldBe(TestData.QualifiedIns),
            () => patient.Identifier.ShouldContain(i => i.Value == "00000042"),
            () => official.Family.ShouldBe("MARTINEAU"),
            () => official.Given.ShouldBe(["HELENE"]),
            () => patient.Name.Single(n => n.Use == HumanName.NameUse.Usual).Family.ShouldBe("LEFEBVRE"),
            () => patient.Gender.ShouldBe(AdministrativeGender.Female),
            () => patient.BirthDate.ShouldBe("1942-05-17"));
    }

    [TestCase("RECUP")]
    [TestCase("PROV")]
    public void A_non_qualified_patient_never_carries_the_ins(string code)
    {
        IdentityStatusCodes.TryParse(code, out var status).ShouldBeTrue();
        var bundle = Build(TestData.QualifiedUsager(status));

        Encoding.UTF8.GetString(ProvideDocumentBundleBuilder.Serialize(bundle)).ShouldNotContain(TestData.QualifiedIns);
    }

    [Test]
    public void The_serialized_bundle_is_fhir_json_with_base64_sha1()
    {
        var bundle = Build(TestData.QualifiedUsager());
        var json = JsonNode.Parse(ProvideDocumentBundleBuilder.Serialize(bundle))!;
        var data = Convert.FromBase64String(json["entry"]![2]!["resource"]!["data"]!.GetValue<string>());
        var hash = json["entry"]![1]!["resource"]!["content"]![0]!["attachment"]!["hash"]!.GetValue<string>();

        var size = json["entry"]![1]!["resource"]!["content"]![0]!["attachment"]!["size"]!;

        size.GetValueKind().ShouldBe(System.Text.Json.JsonValueKind.Number, "R4 Attachment.size is an unsignedInt");
        size.GetValue<int>().ShouldBe(data.Length);
        json["resourceType"]!.GetValue<string>().ShouldBe("Bundle");
        json["type"]!.GetValue<string>().ShouldBe("transaction");
        hash.ShouldBe(Convert.ToBase64String(SHA1.HashData(data)));
    }

    [Test]
    public void The_hash_mismatch_defect_changes_the_declared_hash_and_nothing_else()
    {
        var usager = TestData.QualifiedUsager();
        var correct = Build(usager);
        var defective = Build(usager, ReferenceDuiDefects.DmpHashMismatch);
        var correctAttachment = Resource<DocumentReference>(correct).Content.Single().Attachment;
        var defectiveAttachment = Resource<DocumentReference>(defective).Content.Single().Attachment;

        defectiveAttachment.Hash.ShouldNotBe(SHA1.HashData(Resource<Binary>(defective).Data));
        defectiveAttachment.SizeElement.ShouldBeOfType<UnsignedInt>().Value.ShouldBe(Resource<Binary>(defective).Data.Length);

        defectiveAttachment.Hash = correctAttachment.Hash;
        ProvideDocumentBundleBuilder.Serialize(defective).ShouldBe(ProvideDocumentBundleBuilder.Serialize(correct));
    }
}
