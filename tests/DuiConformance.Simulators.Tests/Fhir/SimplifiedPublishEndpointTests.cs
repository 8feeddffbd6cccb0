using System.Net;
using System.Security.Cryptography;
using System.Text;
using DuiConformance.Core.Evidence;
using DuiConformance.Simulators.Fhir;
using DuiConformance.Simulators.Tests.Support;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace DuiConformance.Simulators.Tests.Fhir;

/// <summary>ITI-105 Simplified Publish (PDSm_SimplifiedPublish, domain.md §3.4, PDSM-08) over HTTP on loopback.</summary>
[Category("Network")]
public sealed class SimplifiedPublishEndpointTests : FhirSimulatorTestBase
{
    private const string Ins = "255069999999942";
    private static readonly byte[] Cda = Encoding.UTF8.GetBytes("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>DLU</title></ClinicalDocument>");

    [Test, Description("PDSm st_ajout_simplifie.md: 201 with Location and the created resource; the server stores the bytes, sets url, size and hash")]
    public async System.Threading.Tasks.Task Publication_gets_201_with_location_and_the_created_document()
    {
        using var response = await PublishAsync(PdsmDocuments.Publication(Ins, Cda));

        var body = await response.Content.ReadAsByteArrayAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, Encoding.UTF8.GetString(body));
        var created = Iti65Bundles.Parse<DocumentReference>(body);
        created.Id.ShouldNotBeNullOrEmpty();
        created.Meta!.VersionId.ShouldBe("1");
        response.Headers.Location.ShouldBe(new Uri($"{Simulator.BaseAddress}/DocumentReference/{created.Id}/_history/1"));
        response.Headers.ETag!.Tag.ShouldBe("\"1\"");
        var attachment = created.Content.ShouldHaveSingleItem().Attachment!;
        attachment.Data.ShouldBeNull();
        attachment.Url.ShouldStartWith("Binary/");
        SimplifiedPublishRules.SizeOf(attachment).ShouldBe(Cda.Length);
        attachment.Hash.ShouldBe(SHA1.HashData(Cda));
        var binary = (Binary)Simulator.Documents.Find("Binary", attachment.Url!["Binary/".Length..]).ShouldNotBeNull();
        binary.Data.ShouldBe(Cda);
        binary.ContentType.ShouldBe("text/xml");
    }

    [Test, Description("ITI-68 on the url ITI-105 set gives back the published bytes")]
    public async System.Threading.Tasks.Task Published_document_is_retrievable_at_its_attachment_url()
    {
        using var response = await PublishAsync(PdsmDocuments.Publication(Ins, Cda));
        var created = Iti65Bundles.Parse<DocumentReference>(await response.Content.ReadAsByteArrayAsync());

        using var retrieve = await Http.GetAsync(new Uri(Simulator.BaseAddress + "/" + created.Content[0].Attachment!.Url)).WithTimeout("ITI-68");

        retrieve.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await retrieve.Content.ReadAsByteArrayAsync()).ShouldBe(Cda);
    }

    [Test, Description("IHE MHD ITI-105: the recipient makes the SubmissionSet, which ITI-66 then finds by the patient's INS")]
    public async System.Threading.Tasks.Task Publication_makes_a_submission_set_that_iti_66_finds()
    {
        using var response = await PublishAsync(PdsmDocuments.Publication(Ins, Cda));
        var created = Iti65Bundles.Parse<DocumentReference>(await response.Content.ReadAsByteArrayAsync());

        using var search = await Http.GetAsync(new Uri($"{Simulator.BaseAddress}/List?code=submissionset&patient.identifier={PdsmDocuments.InsSystem}|{Ins}")).WithTimeout("ITI-66");

        search.StatusCode.ShouldBe(HttpStatusCode.OK);
        var list = (List)Iti65Bundles.Parse<Bundle>(await search.Content.ReadAsByteArrayAsync()).Entry.ShouldHaveSingleItem().Resource!;
        list.Entry.ShouldHaveSingleItem().Item!.Reference.ShouldBe("DocumentReference/" + created.Id);
        list.Code!.Coding[0].Code.ShouldBe("submissionset");
    }

    [Test, Description("DESIGN.md §6: the exact request bytes are recorded as fhir-request ITI-105, then the 201")]
    public async System.Threading.Tasks.Task Publication_is_recorded_as_iti_105()
    {
        var bytes = new FhirJsonSerializer().SerializeToBytes(PdsmDocuments.Publication(Ins, Cda));
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/fhir+json");

        using var response = await Http.PostAsync(new Uri(Simulator.BaseAddress + "/DocumentReference"), content).WithTimeout("ITI-105");

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var (request, answer) = (Evidence.Store.Items[0], Evidence.Store.Items[1]);
        request.Kind.ShouldBe(EvidenceKinds.FhirRequest);
        request.Property(FhirProperties.Interaction).ShouldBe("ITI-105");
        request.Property(FhirProperties.Path).ShouldBe("/DocumentReference");
        Evidence.Store.ReadContent(request).ShouldBe(bytes);
        answer.Property(FhirProperties.Status).ShouldBe("201");
        answer.Property(FhirProperties.Related).ShouldBe(request.Id);
    }

    [TestCase("status", "FHIR-5921", "DocumentReference.status")]
    [TestCase("data", "FHIR-5922", "DocumentReference.content[0].attachment.data")]
    [TestCase("url", "FHIR-5923", "DocumentReference.content[0].attachment.url")]
    [TestCase("contentType", "FHIR-5924", "DocumentReference.content[0].attachment.contentType")]
    [TestCase("title", "FHIR-5924", "DocumentReference.content[0].attachment.title")]
    [TestCase("subject", "FHIR-5924", "DocumentReference.subject")]
    [TestCase("author", "FHIR-5924", "DocumentReference.author")]
    [TestCase("date", "FHIR-5924", "DocumentReference.date")]
    [TestCase("custodian", "FHIR-5924", "DocumentReference.custodian")]
    [TestCase("size", "FHIR-5925", "DocumentReference.content[0].attachment.size")]
    [TestCase("hash", "FHIR-5925", "DocumentReference.content[0].attachment.hash")]
    public async System.Threading.Tasks.Task Publication_breaking_the_profile_gets_422_with_code_and_fhirpath(string defect, string code, string expression)
    {
        var document = PdsmDocuments.Publication(Ins, Cda);
        var attachment = document.Content[0].Attachment;
        switch (defect)
        {
            case "status": document.Status = DocumentReferenceStatus.Superseded; break;
            case "data": attachment.Data = null; break;
            case "url": attachment.Url = "http://example.org/doc.xml"; break;
            case "contentType": attachment.ContentType = null; break;
            case "title": attachment.Title = null; break;
            case "subject": document.Subject = null; break;
            case "author": document.Author.Clear(); break;
            case "date": document.Date = null; break;
            case "custodian": document.Custodian = null; break;
            case "size": attachment.SizeElement = new UnsignedInt(Cda.Length + 1); break;
            case "hash": attachment.Hash = SHA1.HashData("autre"u8.ToArray()); break;
            default: throw new ArgumentOutOfRangeException(nameof(defect));
        }

        using var response = await PublishAsync(document);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var issue = Iti65Bundles.Parse<OperationOutcome>(await response.Content.ReadAsByteArrayAsync()).Issue.ShouldHaveSingleItem();
        issue.Details!.Coding.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            coding => coding.System.ShouldBe(FhirSimulatorFindings.System),
            coding => coding.Code.ShouldBe(code));
        issue.Expression.ShouldBe([expression]);
        Simulator.Documents.Count.ShouldBe(0);
    }

    [Test]
    public async System.Threading.Tasks.Task Declared_size_and_hash_that_match_the_data_are_accepted()
    {
        var document = PdsmDocuments.Publication(Ins, Cda);
        document.Content[0].Attachment.SizeElement = new UnsignedInt(Cda.Length);
        document.Content[0].Attachment.Hash = SHA1.HashData(Cda);

        using var response = await PublishAsync(document);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Test, Description("domain.md §3.4: a document already stored is refused, not duplicated; nothing more is stored")]
    public async System.Threading.Tasks.Task Republishing_the_same_master_identifier_gets_422_fhir_5926()
    {
        var first = PdsmDocuments.Publication(Ins, Cda);
        using (var accepted = await PublishAsync(first))
        {
            accepted.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var stored = Simulator.Documents.Count;
        var again = PdsmDocuments.Publication(Ins, Cda);
        again.MasterIdentifier = first.MasterIdentifier;

        using var response = await PublishAsync(again);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var issue = Iti65Bundles.Parse<OperationOutcome>(await response.Content.ReadAsByteArrayAsync()).Issue.ShouldHaveSingleItem();
        issue.Details!.Coding[0].Code.ShouldBe("FHIR-5926");
        issue.Code.ShouldBe(OperationOutcome.IssueType.Duplicate);
        issue.Expression.ShouldBe(["DocumentReference.masterIdentifier"]);
        Simulator.Documents.Count.ShouldBe(stored);
    }

    [Test]
    public async System.Threading.Tasks.Task Other_resource_type_gets_400_fhir_5920()
    {
        using var response = await PostAsync(new FhirJsonSerializer().SerializeToBytes(new Patient()), "application/fhir+json");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var issue = Iti65Bundles.Parse<OperationOutcome>(await response.Content.ReadAsByteArrayAsync()).Issue.ShouldHaveSingleItem();
        issue.Details!.Coding[0].Code.ShouldBe("FHIR-5920");
        issue.Expression.ShouldBe(["Patient"]);
    }

    [TestCase("{\"resourceType\":\"DocumentReference\",", "application/fhir+json", HttpStatusCode.BadRequest, "FHIR-5901")]
    [TestCase("{\"resourceType\":\"DocumentReference\",\"statut\":\"current\"}", "application/fhir+json", HttpStatusCode.BadRequest, "FHIR-5902")]
    [TestCase("<DocumentReference xmlns=\"http://hl7.org/fhir\"/>", "application/fhir+xml", HttpStatusCode.UnsupportedMediaType, "FHIR-5908")]
    public async System.Threading.Tasks.Task Unreadable_publication_gets_an_operation_outcome(string body, string contentType, HttpStatusCode status, string code)
    {
        using var response = await PostAsync(Encoding.UTF8.GetBytes(body), contentType);

        response.StatusCode.ShouldBe(status);
        Iti65Bundles.Parse<OperationOutcome>(await response.Content.ReadAsByteArrayAsync()).Issue[0].Details!.Coding[0].Code.ShouldBe(code);
        Evidence.OfKind(EvidenceKinds.FhirRequest).ShouldHaveSingleItem().Property(FhirProperties.Interaction).ShouldBe("ITI-105");
    }

    private async Task<HttpResponseMessage> PublishAsync(DocumentReference document)
    {
        using var content = PdsmDocuments.Json(document);
        return await Http.PostAsync(new Uri(Simulator.BaseAddress + "/DocumentReference"), content).WithTimeout("ITI-105");
    }

    private async Task<HttpResponseMessage> PostAsync(byte[] body, string contentType)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        return await Http.PostAsync(new Uri(Simulator.BaseAddress + "/DocumentReference"), content).WithTimeout("ITI-105");
    }
}
