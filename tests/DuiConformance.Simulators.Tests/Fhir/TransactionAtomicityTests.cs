using System.Net;
using DuiConformance.Simulators.Fhir;
using DuiConformance.Simulators.Tests.Support;
using Hl7.Fhir.Model;

namespace DuiConformance.Simulators.Tests.Fhir;

/// <summary>
/// The real service's all-or-nothing behaviour (issue 9 §2, FHIR R4 §3.1.0.11.2): a transaction with one bad entry
/// stores nothing, and a document whose masterIdentifier is already stored is refused (422, FHIR-5926), whole.
/// </summary>
[Category("Network")]
public sealed class TransactionAtomicityTests : FhirSimulatorTestBase
{
    private const string Ins = "255069999999942";

    [Test, Description("Three valid entries and a fourth the simulator refuses: nothing of the four is stored")]
    public async System.Threading.Tasks.Task Transaction_with_one_failing_entry_stores_nothing()
    {
        var bundle = PdsmDocuments.Transaction(new PdsmDocuments.Metadata(Ins));
        bundle.Entry[^1].Request!.Method = Bundle.HTTPVerb.DELETE;

        using var response = await ProvideAsync(bundle);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Iti65Bundles.Parse<OperationOutcome>(await response.Content.ReadAsByteArrayAsync()).Issue.ShouldHaveSingleItem().Expression.ShouldBe(["Bundle.entry[3].request.method"]);
        Simulator.Documents.Count.ShouldBe(0);
    }

    [Test, Description("domain.md §3.4: re-submitting a stored document is refused; the second bundle's List, Binary and Patient are not stored either")]
    public async System.Threading.Tasks.Task Resubmitted_master_identifier_gets_422_and_stores_nothing()
    {
        var metadata = new PdsmDocuments.Metadata(Ins, MasterIdentifier: "urn:oid:1.2.250.1.999.2.1.20260305.1");
        using (var first = await ProvideAsync(PdsmDocuments.Transaction(metadata)))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var stored = Simulator.Documents.All;

        using var response = await ProvideAsync(PdsmDocuments.Transaction(metadata));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var issue = Iti65Bundles.Parse<OperationOutcome>(await response.Content.ReadAsByteArrayAsync()).Issue.ShouldHaveSingleItem();
        issue.Details!.Coding[0].ShouldSatisfyAllConditions(
            coding => coding.System.ShouldBe(FhirSimulatorFindings.System),
            coding => coding.Code.ShouldBe("FHIR-5926"));
        issue.Expression.ShouldBe(["Bundle.entry[1].resource.masterIdentifier"]);
        issue.Diagnostics!.ShouldContain("DocumentReference/" + Simulator.Documents.All.OfType<DocumentReference>().Single().Id);
        Simulator.Documents.All.ShouldBe(stored, ignoreOrder: true);
    }

    [Test]
    public async System.Threading.Tasks.Task Same_master_identifier_twice_in_one_transaction_gets_422()
    {
        var bundle = PdsmDocuments.Transaction(new PdsmDocuments.Metadata(Ins, MasterIdentifier: "urn:uuid:6d1c2a57-0000-4000-8000-000000000001"));
        var copy = PdsmDocuments.Transaction(new PdsmDocuments.Metadata(Ins, MasterIdentifier: "urn:uuid:6d1c2a57-0000-4000-8000-000000000001"));
        bundle.Entry.AddRange(copy.Entry);

        using var response = await ProvideAsync(bundle);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Iti65Bundles.Parse<OperationOutcome>(await response.Content.ReadAsByteArrayAsync()).Issue[0].Expression.ShouldBe(["Bundle.entry[5].resource.masterIdentifier"]);
        Simulator.Documents.Count.ShouldBe(0);
    }

    [Test, Description("Twenty identical submissions at once: exactly one is stored, the nineteen others get 422")]
    public async System.Threading.Tasks.Task Concurrent_identical_submissions_store_the_document_once()
    {
        var metadata = new PdsmDocuments.Metadata(Ins, MasterIdentifier: "urn:uuid:6d1c2a57-0000-4000-8000-000000000002");

        var statuses = await System.Threading.Tasks.Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var response = await ProvideAsync(PdsmDocuments.Transaction(metadata));
            return response.StatusCode;
        })).WithTimeout("20 identical ITI-65");

        statuses.Count(status => status == HttpStatusCode.OK).ShouldBe(1);
        statuses.Count(status => status == HttpStatusCode.UnprocessableEntity).ShouldBe(19);
        Simulator.Documents.All.OfType<DocumentReference>().ShouldHaveSingleItem();
        Simulator.Documents.All.OfType<Binary>().ShouldHaveSingleItem();
    }

    [Test, Description("ITI-105 and ITI-65 share one store of masterIdentifiers")]
    public async System.Threading.Tasks.Task Simplified_publish_of_a_document_provided_by_iti_65_gets_422()
    {
        var metadata = new PdsmDocuments.Metadata(Ins, MasterIdentifier: "urn:uuid:6d1c2a57-0000-4000-8000-000000000003");
        using (var first = await ProvideAsync(PdsmDocuments.Transaction(metadata)))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var publication = PdsmDocuments.Publication(Ins, "<ClinicalDocument/>"u8.ToArray());
        publication.MasterIdentifier = new Identifier("urn:ietf:rfc:3986", metadata.MasterIdentifier);
        using var content = PdsmDocuments.Json(publication);

        using var response = await Http.PostAsync(new Uri(Simulator.BaseAddress + "/DocumentReference"), content).WithTimeout("ITI-105");

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Iti65Bundles.Parse<OperationOutcome>(await response.Content.ReadAsByteArrayAsync()).Issue[0].Details!.Coding[0].Code.ShouldBe("FHIR-5926");
        Simulator.Documents.All.OfType<DocumentReference>().ShouldHaveSingleItem();
    }

    private async Task<HttpResponseMessage> ProvideAsync(Bundle bundle)
    {
        using var content = PdsmDocuments.Json(bundle);
        return await Http.PostAsync(Simulator.BaseAddress, content).WithTimeout("ITI-65");
    }
}
