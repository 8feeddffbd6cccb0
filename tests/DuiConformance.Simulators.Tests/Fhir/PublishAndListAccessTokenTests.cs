using System.Net;
using System.Net.Http.Headers;
using DuiConformance.Core.Evidence;
using DuiConformance.Simulators.Fhir;
using DuiConformance.Simulators.Psc;
using DuiConformance.Simulators.Tests.Support;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Time.Testing;

namespace DuiConformance.Simulators.Tests.Fhir;

/// <summary>ITI-105 and ITI-66 behind Pro Santé Connect tokens (RFC 6750), like every other interaction but /metadata.</summary>
[Category("Network")]
public sealed class PublishAndListAccessTokenTests
{
    private static readonly PscProfessional Professional = new("10199999995", "card", "Dr Claire Martin");
    private static readonly PscOrganisation Organisation = new("690999990", "dui-reference", "client-secret");

    private FakeTimeProvider _time = null!;
    private PscSigningKey _key = null!;
    private PscTokenIssuer _issuer = null!;
    private TemporaryEvidence _evidence = null!;
    private FhirSimulator _simulator = null!;
    private HttpClient _http = null!;

    [SetUp]
    public async System.Threading.Tasks.Task StartSimulatorRequiringTokens()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        _key = PscSigningKey.Generate();
        _issuer = new PscTokenIssuer(_key, new Uri("http://127.0.0.1:1/auth/realms/esante-wallet"), PscSimulatorOptions.DefaultAudience, TimeSpan.FromMinutes(10), _time);
        _evidence = new TemporaryEvidence();
        _simulator = await FhirSimulator.StartAsync(new FhirSimulatorOptions { AccessTokens = PscTokenValidator.For(_issuer, _key, _time) }, _evidence.Store, _time).WithTimeout("FHIR start");
        _http = new HttpClient { Timeout = TaskTimeouts.Network };
    }

    [TearDown]
    public async System.Threading.Tasks.Task StopSimulator()
    {
        _http.Dispose();
        await _simulator.DisposeAsync().AsTask().WithTimeout("FHIR stop");
        _evidence.Dispose();
        _key.Dispose();
    }

    [Test]
    public async System.Threading.Tasks.Task Publication_without_a_token_gets_401_is_recorded_as_iti_105_and_stores_nothing()
    {
        using var response = await PublishAsync(token: null);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        Iti65Bundles.Parse<OperationOutcome>(await response.Content.ReadAsByteArrayAsync()).Issue[0].Details!.Coding[0].Code.ShouldBe("FHIR-5910");
        _evidence.OfKind(EvidenceKinds.FhirRequest).ShouldHaveSingleItem().Property(FhirProperties.Interaction).ShouldBe("ITI-105");
        _simulator.Documents.Count.ShouldBe(0);
    }

    [Test]
    public async System.Threading.Tasks.Task Publication_with_a_valid_token_gets_201_and_records_the_subject()
    {
        using var response = await PublishAsync(_issuer.IssueForProfessional(Professional, Organisation, PscClaims.DefaultScope).AccessToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        _evidence.OfKind(EvidenceKinds.FhirRequest).ShouldHaveSingleItem().Property(DocumentSharingEndpoints.AccessTokenSubjectProperty).ShouldBe("810199999995");
    }

    [Test]
    public async System.Threading.Tasks.Task List_search_without_a_token_gets_401()
    {
        using var response = await _http.GetAsync(new Uri(_simulator.BaseAddress + "/List?code=submissionset&patient=Patient/1")).WithTimeout("ITI-66 without token");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        _evidence.OfKind(EvidenceKinds.FhirRequest).ShouldHaveSingleItem().Property(FhirProperties.Interaction).ShouldBe("ITI-66");
    }

    private async Task<HttpResponseMessage> PublishAsync(string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_simulator.BaseAddress + "/DocumentReference"))
        {
            Content = PdsmDocuments.Json(PdsmDocuments.Publication("255069999999942", "<ClinicalDocument/>"u8.ToArray())),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _http.SendAsync(request).WithTimeout("ITI-105");
    }
}
