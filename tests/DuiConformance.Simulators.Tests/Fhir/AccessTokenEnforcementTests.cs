using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DuiConformance.Core.Evidence;
using DuiConformance.Simulators.Fhir;
using DuiConformance.Simulators.Psc;
using DuiConformance.Simulators.Tests.Support;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Time.Testing;

namespace DuiConformance.Simulators.Tests.Fhir;

/// <summary>The FHIR simulator with Pro Santé Connect bearer tokens required (RFC 6750), over HTTP on loopback.</summary>
[Category("Network")]
public sealed class AccessTokenEnforcementTests
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

    [Test, Description("RFC 6750 §3.1: without a token, 401 with a bare Bearer challenge; the OperationOutcome carries FHIR-5910")]
    public async System.Threading.Tasks.Task Provide_without_a_token_gets_401_and_nothing_is_stored()
    {
        using var response = await ProvideAsync(token: null);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer realm=\"dmp\"");
        var issue = Iti65Bundles.Parse<OperationOutcome>(await response.Content.ReadAsByteArrayAsync()).Issue.ShouldHaveSingleItem();
        issue.Code.ShouldBe(OperationOutcome.IssueType.Login);
        issue.Details!.Coding[0].Code.ShouldBe("FHIR-5910");
        _simulator.Documents.Count.ShouldBe(0);
    }

    [Test, Description("DESIGN.md §6: a refused request is still recorded, body included, with the 401 that answered it")]
    public async System.Threading.Tasks.Task Refused_request_is_recorded_with_its_body()
    {
        using var response = await ProvideAsync(token: null);

        var request = _evidence.OfKind(EvidenceKinds.FhirRequest).ShouldHaveSingleItem();
        request.Property(FhirProperties.Interaction).ShouldBe("ITI-65");
        _evidence.Store.ReadContent(request).Length.ShouldBeGreaterThan(100);
        _evidence.OfKind(EvidenceKinds.FhirResponse).ShouldHaveSingleItem().Property(FhirProperties.Status).ShouldBe("401");
    }

    [Test]
    public async System.Threading.Tasks.Task Expired_token_gets_401_invalid_token()
    {
        var token = _issuer.IssueForProfessional(Professional, Organisation, PscClaims.DefaultScope).AccessToken;
        _time.Advance(TimeSpan.FromHours(1));

        using var response = await ProvideAsync(token);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldContain("error=\"invalid_token\"");
        Iti65Bundles.Parse<OperationOutcome>(await response.Content.ReadAsByteArrayAsync()).Issue[0].Diagnostics!.ShouldContain("expiré");
    }

    [Test]
    public async System.Threading.Tasks.Task Token_signed_by_another_key_gets_401()
    {
        using var otherKey = PscSigningKey.Generate();
        var forged = new PscTokenIssuer(otherKey, _issuer.Issuer, _issuer.Audience, TimeSpan.FromMinutes(10), _time).IssueForOrganisation(Organisation, "openid");

        using var response = await ProvideAsync(forged.AccessToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async System.Threading.Tasks.Task Valid_token_is_accepted_and_its_subject_recorded_but_not_the_token()
    {
        var token = _issuer.IssueForProfessional(Professional, Organisation, PscClaims.DefaultScope).AccessToken;

        using var response = await ProvideAsync(token);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var request = _evidence.OfKind(EvidenceKinds.FhirRequest).ShouldHaveSingleItem();
        request.Property(DocumentSharingEndpoints.AccessTokenSubjectProperty).ShouldBe("810199999995");
        request.Property(DocumentSharingEndpoints.RequestHeadersProperty)!.ShouldNotContain(token.Split('.')[2]);
    }

    [TestCase("/DocumentReference?patient=Patient/1&status=current")]
    [TestCase("/DocumentReference/1")]
    [TestCase("/Binary/1")]
    public async System.Threading.Tasks.Task Consumer_interactions_without_a_token_get_401(string path)
    {
        using var response = await _http.GetAsync(new Uri(_simulator.BaseAddress + path)).WithTimeout("GET without token");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test, Description("The CapabilityStatement stays readable without a token and declares the OAuth security service")]
    public async System.Threading.Tasks.Task Metadata_is_open_and_declares_oauth()
    {
        using var response = await _http.GetAsync(new Uri(_simulator.BaseAddress + "/metadata")).WithTimeout("metadata");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var security = Iti65Bundles.Parse<CapabilityStatement>(await response.Content.ReadAsByteArrayAsync()).Rest[0].Security;
        security.ShouldNotBeNull();
        security.Service[0].Coding[0].Code.ShouldBe("OAuth");
    }

    private async Task<HttpResponseMessage> ProvideAsync(string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _simulator.BaseAddress)
        {
            Content = Iti65Bundles.Content(Iti65Bundles.Provide("255069999999942", "74207-2", _time.GetUtcNow(), Encoding.UTF8.GetBytes("<ClinicalDocument/>"))),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _http.SendAsync(request).WithTimeout("ITI-65");
    }
}
