using System.Net;
using System.Text;
using DuiConformance.Core.Evidence;
using DuiConformance.Simulators.Fhir;
using DuiConformance.Simulators.Tests.Support;
using Hl7.Fhir.Model;

namespace DuiConformance.Simulators.Tests.Fhir;

/// <summary>ITI-67 search, DocumentReference read and ITI-68 retrieve over what ITI-65 stored, over HTTP on loopback.</summary>
[Category("Network")]
public sealed class DocumentConsumerEndpointsTests : FhirSimulatorTestBase
{
    private const string InsA = "255069999999942";
    private const string InsB = "180059999999936";
    private static readonly byte[] CdaA = Encoding.UTF8.GetBytes("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>A</title></ClinicalDocument>");
    private static readonly DateTimeOffset March = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset May = new(2026, 5, 20, 14, 0, 0, TimeSpan.Zero);

    [SetUp]
    public async System.Threading.Tasks.Task ProvideThreeDocuments()
    {
        await ProvideAsync(Iti65Bundles.Provide(InsA, "74207-2", March, CdaA));
        await ProvideAsync(Iti65Bundles.Provide(InsA, "11488-4", May, "<ClinicalDocument/>"u8.ToArray()));
        await ProvideAsync(Iti65Bundles.Provide(InsB, "74207-2", May, "<ClinicalDocument/>"u8.ToArray()));
    }

    [Test, Description("IHE ITI-67 / PDSm st_recherche_fiche.md: patient.identifier and status select that usager's current documents")]
    public async System.Threading.Tasks.Task Search_by_ins_and_status_returns_that_usagers_documents()
    {
        var bundle = await SearchAsync($"patient.identifier={Iti65Bundles.InsSystem}|{InsA}&status=current");

        bundle.Type.ShouldBe(Bundle.BundleType.Searchset);
        bundle.Total.ShouldBe(2);
        bundle.Entry.Select(entry => ((DocumentReference)entry.Resource!).Date).ShouldBe([March, May]);
        bundle.Entry.ShouldAllBe(entry => entry.Search!.Mode == Bundle.SearchEntryMode.Match && entry.FullUrl!.StartsWith(Simulator.BaseAddress + "/DocumentReference/"));
    }

    [Test]
    public async System.Threading.Tasks.Task Search_by_patient_reference_matches_the_stored_patient()
    {
        var patient = Simulator.Documents.All.OfType<Patient>().Single(candidate => candidate.Identifier[0].Value == InsB);

        var bundle = await SearchAsync($"patient=Patient/{patient.Id}&status=current");

        bundle.Total.ShouldBe(1);
        ((DocumentReference)bundle.Entry[0].Resource!).Subject!.Reference.ShouldBe($"Patient/{patient.Id}");
    }

    [TestCase("status=superseded", 0)]
    [TestCase("status=superseded,current", 2)]
    [TestCase("type=http://loinc.org|74207-2", 1)]
    [TestCase("type=74207-2,11488-4", 2)]
    [TestCase("type=|74207-2", 0)]
    [TestCase("date=2026-03", 1)]
    [TestCase("date=ge2026-04-01", 1)]
    [TestCase("date=lt2026-03-02T09:30:00Z", 0)]
    [TestCase("date=le2026-03-02T09:30:00Z", 1)]
    [TestCase("date=ge2026-01-01&date=lt2026-12-31", 2)]
    [TestCase("date=ne2026", 0)]
    public async System.Threading.Tasks.Task Search_criteria_narrow_the_usagers_documents(string criteria, int expected)
    {
        var query = criteria.StartsWith("status=", StringComparison.Ordinal)
            ? $"patient.identifier={Iti65Bundles.InsSystem}|{InsA}&{criteria}"
            : $"patient.identifier={Iti65Bundles.InsSystem}|{InsA}&status=current&{criteria}";

        var bundle = await SearchAsync(query);

        bundle.Total.ShouldBe(expected);
    }

    [TestCase("status=current")]
    [TestCase("patient.identifier=urn:oid:1.2.250.1.213.1.4.8|255069999999942")]
    [TestCase("")]
    public async System.Threading.Tasks.Task Search_without_patient_and_status_gets_400_fhir_5911(string query)
    {
        var outcome = await SearchFailsAsync(query, HttpStatusCode.BadRequest);

        outcome.Issue.Select(issue => issue.Details!.Coding[0].Code).ShouldBe(["FHIR-5911"]);
    }

    [TestCase("relatesto=DocumentReference/1", "FHIR-5913", "relatesto")]
    [TestCase("date=yesterday", "FHIR-5912", "date")]
    [TestCase("date=2026-03-02T09:30", "FHIR-5912", "date")]
    [TestCase("type=|", "FHIR-5912", "type")]
    [TestCase("patient=Practitioner/1", "FHIR-5912", "patient")]
    public async System.Threading.Tasks.Task Unreadable_or_unsupported_parameter_gets_400_naming_it(string criterion, string code, string parameter)
    {
        var outcome = await SearchFailsAsync($"patient.identifier={Iti65Bundles.InsSystem}|{InsA}&status=current&{criterion}", HttpStatusCode.BadRequest);

        var issue = outcome.Issue.ShouldHaveSingleItem();
        issue.Details!.Coding[0].Code.ShouldBe(code);
        issue.Expression.ShouldBe([parameter]);
    }

    [Test, Description("DESIGN.md §6: an ITI-67 query is recorded with its interaction and its path relative to the base")]
    public async System.Threading.Tasks.Task Search_is_recorded_as_iti_67()
    {
        var query = $"patient.identifier={Iti65Bundles.InsSystem}|{InsA}&status=current";
        await SearchAsync(query);

        var request = Evidence.OfKind(EvidenceKinds.FhirRequest)[^1];
        request.Property(FhirProperties.Interaction).ShouldBe("ITI-67");
        request.Property(FhirProperties.Method).ShouldBe("GET");
        Uri.UnescapeDataString(request.Property(FhirProperties.Path)!).ShouldBe("/DocumentReference?" + query);
        Evidence.OfKind(EvidenceKinds.FhirResponse)[^1].Property(FhirProperties.Related).ShouldBe(request.Id);
    }

    [Test, Description("PDSm st_consultation.md / ITI-68: the attachment url gives back the exact bytes in their content type")]
    public async System.Threading.Tasks.Task Retrieve_returns_the_exact_bytes_of_the_attachment()
    {
        var document = (DocumentReference)(await SearchAsync($"patient.identifier={Iti65Bundles.InsSystem}|{InsA}&status=current&date=2026-03")).Entry[0].Resource!;

        using var response = await Http.GetAsync(new Uri(Simulator.BaseAddress + "/" + document.Content[0].Attachment!.Url)).WithTimeout("ITI-68");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/xml");
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(CdaA);
        var recorded = Evidence.OfKind(EvidenceKinds.FhirResponse)[^1];
        Evidence.Store.ReadContent(recorded).ShouldBe(CdaA);
        Evidence.OfKind(EvidenceKinds.FhirRequest)[^1].Property(FhirProperties.Interaction).ShouldBe("ITI-68");
    }

    [Test, Description("FHIR R4 §3.1.0.1.10: asking for FHIR JSON gives the Binary resource itself")]
    public async System.Threading.Tasks.Task Retrieve_with_fhir_accept_header_returns_the_binary_resource()
    {
        var binary = Simulator.Documents.All.OfType<Binary>().First(candidate => candidate.Data!.SequenceEqual(CdaA));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Simulator.BaseAddress + "/Binary/" + binary.Id));
        request.Headers.Accept.ParseAdd("application/fhir+json");

        using var response = await Http.SendAsync(request).WithTimeout("ITI-68 as FHIR");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Iti65Bundles.Parse<Binary>(await response.Content.ReadAsByteArrayAsync()).Data.ShouldBe(CdaA);
    }

    [TestCase("/Binary/no-such-id")]
    [TestCase("/DocumentReference/no-such-id")]
    public async System.Threading.Tasks.Task Unknown_id_gets_404_fhir_5914(string path)
    {
        using var response = await Http.GetAsync(new Uri(Simulator.BaseAddress + path)).WithTimeout("GET unknown");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Iti65Bundles.Parse<OperationOutcome>(await response.Content.ReadAsByteArrayAsync()).Issue[0].Details!.Coding[0].Code.ShouldBe("FHIR-5914");
    }

    [Test]
    public async System.Threading.Tasks.Task Read_returns_the_stored_document_reference()
    {
        var stored = Simulator.Documents.All.OfType<DocumentReference>().First();

        using var response = await Http.GetAsync(new Uri(Simulator.BaseAddress + "/DocumentReference/" + stored.Id)).WithTimeout("read");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Iti65Bundles.Parse<DocumentReference>(await response.Content.ReadAsByteArrayAsync()).Id.ShouldBe(stored.Id);
    }

    [Test]
    public async System.Threading.Tasks.Task Capability_statement_declares_search_and_retrieve()
    {
        using var response = await Http.GetAsync(new Uri(Simulator.BaseAddress + "/metadata")).WithTimeout("metadata");

        var capabilities = Iti65Bundles.Parse<CapabilityStatement>(await response.Content.ReadAsByteArrayAsync());
        var rest = capabilities.Rest.ShouldHaveSingleItem();
        rest.Resource.Single(resource => resource.Type == "DocumentReference").SearchParam.Select(parameter => parameter.Name)
            .ShouldBe(["patient", "patient.identifier", "status", "type", "category", "date", "period", "setting", "facility", "security-label", "format", "isArchived", "period-start", "period-end"]);
        rest.Resource.Single(resource => resource.Type == "List").SearchParam.Select(parameter => parameter.Name).ShouldContain("designationType");
        rest.Resource.Single(resource => resource.Type == "Binary").Interaction[0].Code.ShouldBe(CapabilityStatement.TypeRestfulInteraction.Read);
        rest.Security.ShouldBeNull();
    }

    [Test, Description("Searches running while new bundles are stored each see a consistent result and all succeed")]
    public async System.Threading.Tasks.Task Concurrent_searches_and_submissions_all_succeed()
    {
        var query = $"patient.identifier={Iti65Bundles.InsSystem}|{InsB}&status=current";
        var submissions = Enumerable.Range(0, 20).Select(_ => ProvideAsync(Iti65Bundles.Provide(InsB, "74207-2", May, "<ClinicalDocument/>"u8.ToArray())));
        var searches = Enumerable.Range(0, 100).Select(async _ => (int)(await SearchAsync(query)).Total!);

        await System.Threading.Tasks.Task.WhenAll(submissions).WithTimeout("20 ITI-65");
        var totals = await System.Threading.Tasks.Task.WhenAll(searches).WithTimeout("100 ITI-67");

        totals.ShouldAllBe(total => total >= 1 && total <= 21);
        (await SearchAsync(query)).Total.ShouldBe(21);
    }

    private async System.Threading.Tasks.Task ProvideAsync(Bundle bundle)
    {
        using var content = Iti65Bundles.Content(bundle);
        using var response = await Http.PostAsync(Simulator.BaseAddress, content).WithTimeout("ITI-65");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<Bundle> SearchAsync(string query)
    {
        using var response = await Http.GetAsync(new Uri(Simulator.BaseAddress + "/DocumentReference?" + query)).WithTimeout("ITI-67");
        var body = await response.Content.ReadAsByteArrayAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, Encoding.UTF8.GetString(body));
        return Iti65Bundles.Parse<Bundle>(body);
    }

    private async Task<OperationOutcome> SearchFailsAsync(string query, HttpStatusCode status)
    {
        using var response = await Http.GetAsync(new Uri(Simulator.BaseAddress + "/DocumentReference?" + query)).WithTimeout("ITI-67");
        response.StatusCode.ShouldBe(status);
        return Iti65Bundles.Parse<OperationOutcome>(await response.Content.ReadAsByteArrayAsync());
    }
}
