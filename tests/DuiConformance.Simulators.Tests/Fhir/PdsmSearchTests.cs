using System.Net;
using System.Text;
using DuiConformance.Core.Evidence;
using DuiConformance.Simulators.Fhir;
using DuiConformance.Simulators.Tests.Support;
using Hl7.Fhir.Model;

namespace DuiConformance.Simulators.Tests.Fhir;

/// <summary>
/// ITI-67 with the PDSm search parameters (category, setting, facility, security-label, format, isArchived, period,
/// period-start, period-end) and ITI-66 Find Document Lists over the SubmissionSets ITI-65 stored, over HTTP on loopback.
/// </summary>
[Category("Network")]
public sealed class PdsmSearchTests : FhirSimulatorTestBase
{
    private const string InsA = "255069999999942";
    private const string InsB = "180059999999936";

    [SetUp]
    public async System.Threading.Tasks.Task ProvideThreeDocuments()
    {
        await ProvideAsync(PdsmDocuments.Transaction(new PdsmDocuments.Metadata(InsA)));
        await ProvideAsync(PdsmDocuments.Transaction(new PdsmDocuments.Metadata(
            InsA,
            Category: "11",
            Facility: "SA05",
            Format: "urn:ihe:iti:xds:2017:mimeTypeSufficient",
            Label: "INVISIBLE_PATIENT",
            Archived: true,
            PeriodStart: "2026-06-01",
            PeriodEnd: null,
            DesignationCode: "SA05",
            SourceOid: "urn:oid:1.2.250.1.999.5")));
        await ProvideAsync(PdsmDocuments.Transaction(new PdsmDocuments.Metadata(InsB)));
    }

    [TestCase("category=10", 1)]
    [TestCase("category=urn:oid:1.2.250.1.213.1.1.4.1|11", 1)]
    [TestCase("category=10,11", 2)]
    [TestCase("category=http://other|10", 0)]
    [TestCase("facility=SA05", 1)]
    [TestCase("setting=ETABLISSEMENT", 2)]
    [TestCase("security-label=INVISIBLE_PATIENT", 1)]
    [TestCase("security-label=http://terminology.hl7.org/CodeSystem/v3-Confidentiality|N", 1)]
    [TestCase("format=urn:oid:1.3.6.1.4.1.19376.1.2.3|urn:asip:ci-sis:dlu:2015", 1)]
    [TestCase("isArchived=true", 1)]
    [TestCase("isArchived=false", 1)]
    [TestCase("isArchived=true,false", 2)]
    [TestCase("period=2026-03", 1)]
    [TestCase("period=ge2026-05-01", 1)]
    [TestCase("period=lt2026-04", 1)]
    [TestCase("period=2026", 1)]
    [TestCase("period-start=2026-06-01", 1)]
    [TestCase("period-start=ge2026-01-01", 2)]
    [TestCase("period-end=le2026-03-31", 1)]
    [TestCase("period-end=gt2026-12-31", 0)]
    [TestCase("category=10&isArchived=false&facility=SA07", 1)]
    [TestCase("category=10&isArchived=true", 0)]
    public async System.Threading.Tasks.Task Pdsm_parameters_narrow_the_usagers_documents(string criteria, int expected)
    {
        var bundle = await GetAsync<Bundle>($"/DocumentReference?patient.identifier={PdsmDocuments.InsSystem}|{InsA}&status=current&{criteria}", HttpStatusCode.OK);

        bundle.Total.ShouldBe(expected);
        bundle.Entry.Count.ShouldBe(expected);
    }

    [TestCase("isArchived=maybe", "isArchived")]
    [TestCase("period=yesterday", "period")]
    [TestCase("period-end=2026-03-05T18:00", "period-end")]
    [TestCase("security-label=|", "security-label")]
    public async System.Threading.Tasks.Task Unreadable_pdsm_parameter_gets_400_fhir_5912_naming_it(string criterion, string parameter)
    {
        var outcome = await GetAsync<OperationOutcome>($"/DocumentReference?patient.identifier={PdsmDocuments.InsSystem}|{InsA}&status=current&{criterion}", HttpStatusCode.BadRequest);

        var issue = outcome.Issue.ShouldHaveSingleItem();
        issue.Details!.Coding[0].Code.ShouldBe("FHIR-5912");
        issue.Expression.ShouldBe([parameter]);
    }

    [Test, Description("IHE MHD ITI-66: the SubmissionSets ITI-65 stored are found by patient identifier and code, their references rewritten")]
    public async System.Threading.Tasks.Task Submission_sets_are_found_by_ins_and_code()
    {
        var bundle = await GetAsync<Bundle>($"/List?code=submissionset&patient.identifier={PdsmDocuments.InsSystem}|{InsA}", HttpStatusCode.OK);

        bundle.Type.ShouldBe(Bundle.BundleType.Searchset);
        bundle.Total.ShouldBe(2);
        var lists = bundle.Entry.Select(entry => entry.Resource).Cast<List>().ToList();
        lists.ShouldAllBe(list => list.Subject!.Reference!.StartsWith("Patient/") && list.Entry[0].Item!.Reference!.StartsWith("DocumentReference/"));
        bundle.Entry.ShouldAllBe(entry => entry.FullUrl!.StartsWith(Simulator.BaseAddress + "/List/") && entry.Search!.Mode == Bundle.SearchEntryMode.Match);
        var documents = Simulator.Documents.All.OfType<DocumentReference>().Select(document => "DocumentReference/" + document.Id).ToList();
        lists.ShouldAllBe(list => documents.Contains(list.Entry[0].Item!.Reference!));
    }

    [TestCase("code=folder", 0)]
    [TestCase("code=https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes|submissionset", 2)]
    [TestCase("code=submissionset&status=current", 2)]
    [TestCase("code=submissionset&status=retired", 0)]
    [TestCase("code=submissionset&designationType=SA05", 1)]
    [TestCase("code=submissionset&designationType=https://mos.esante.gouv.fr/NOS/TRE_R02-SecteurActivite/FHIR/TRE-R02-SecteurActivite|SA07", 1)]
    [TestCase("code=submissionset&sourceId=urn:oid:1.2.250.1.999.5", 1)]
    [TestCase("code=submissionset&source.identifier=urn:oid:1.2.250.1.71.4.2.1|810002345678", 2)]
    [TestCase("code=submissionset&source.identifier=urn:oid:1.2.250.1.71.4.2.1|000", 0)]
    [TestCase("code=submissionset&date=2026-03-05", 2)]
    [TestCase("code=submissionset&date=lt2026-01-01", 0)]
    public async System.Threading.Tasks.Task Submission_set_criteria_narrow_the_usagers_lists(string criteria, int expected)
    {
        var bundle = await GetAsync<Bundle>($"/List?patient.identifier={PdsmDocuments.InsSystem}|{InsA}&{criteria}", HttpStatusCode.OK);

        bundle.Total.ShouldBe(expected);
    }

    [Test]
    public async System.Threading.Tasks.Task Submission_set_is_found_by_its_identifier_and_by_patient_reference()
    {
        var stored = Simulator.Documents.All.OfType<List>().First();
        var identifier = stored.Identifier[0];

        var byIdentifier = await GetAsync<Bundle>($"/List?code=submissionset&{stored.Subject!.Reference!.Replace("Patient/", "patient=Patient/", StringComparison.Ordinal)}&identifier={identifier.System}|{identifier.Value}", HttpStatusCode.OK);

        ((List)byIdentifier.Entry.ShouldHaveSingleItem().Resource!).Id.ShouldBe(stored.Id);
    }

    [TestCase("code=submissionset")]
    [TestCase("patient.identifier=urn:oid:1.2.250.1.213.1.4.8|255069999999942")]
    [TestCase("")]
    public async System.Threading.Tasks.Task List_search_without_patient_and_code_gets_400_fhir_5927(string query)
    {
        var outcome = await GetAsync<OperationOutcome>("/List?" + query, HttpStatusCode.BadRequest);

        outcome.Issue.Select(issue => issue.Details!.Coding[0].Code).ShouldBe(["FHIR-5927"]);
    }

    [Test]
    public async System.Threading.Tasks.Task Unsupported_list_parameter_gets_400_fhir_5913()
    {
        var outcome = await GetAsync<OperationOutcome>($"/List?code=submissionset&patient.identifier={PdsmDocuments.InsSystem}|{InsA}&title=x", HttpStatusCode.BadRequest);

        var issue = outcome.Issue.ShouldHaveSingleItem();
        issue.Details!.Coding[0].Code.ShouldBe("FHIR-5913");
        issue.Expression.ShouldBe(["title"]);
    }

    [Test, Description("DESIGN.md §6: an ITI-66 query is recorded with its interaction, then its response")]
    public async System.Threading.Tasks.Task List_search_is_recorded_as_iti_66()
    {
        await GetAsync<Bundle>($"/List?code=submissionset&patient.identifier={PdsmDocuments.InsSystem}|{InsB}", HttpStatusCode.OK);

        var request = Evidence.OfKind(EvidenceKinds.FhirRequest)[^1];
        request.Property(FhirProperties.Interaction).ShouldBe("ITI-66");
        request.Property(FhirProperties.Method).ShouldBe("GET");
        Evidence.OfKind(EvidenceKinds.FhirResponse)[^1].ShouldSatisfyAllConditions(
            response => response.Property(FhirProperties.Related).ShouldBe(request.Id),
            response => response.Property(FhirProperties.Status).ShouldBe("200"));
    }

    private async System.Threading.Tasks.Task ProvideAsync(Bundle bundle)
    {
        using var content = PdsmDocuments.Json(bundle);
        using var response = await Http.PostAsync(Simulator.BaseAddress, content).WithTimeout("ITI-65");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<T> GetAsync<T>(string pathAndQuery, HttpStatusCode status)
        where T : Resource
    {
        using var response = await Http.GetAsync(new Uri(Simulator.BaseAddress + pathAndQuery)).WithTimeout("GET " + pathAndQuery);
        var body = await response.Content.ReadAsByteArrayAsync();
        response.StatusCode.ShouldBe(status, Encoding.UTF8.GetString(body));
        return Iti65Bundles.Parse<T>(body);
    }
}
