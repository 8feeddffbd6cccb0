using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DuiConformance.Simulators.Tests.Support;

namespace DuiConformance.Simulators.Tests.Fhir;

/// <summary>The whole chain through <see cref="SimulatorHost"/>: a token from the PSC token endpoint opens the FHIR simulator.</summary>
[Category("Network")]
public sealed class SimulatorHostAccessTokenTests
{
    [Test]
    public async System.Threading.Tasks.Task Token_from_the_psc_endpoint_opens_the_fhir_simulator_which_requires_one_by_default()
    {
        using var evidence = new TemporaryEvidence();
        await using var simulators = await SimulatorHost.StartAsync(new SimulatorHostOptions(), evidence.Store, CancellationToken.None).WithTimeout("host start");
        using var http = new HttpClient { Timeout = TaskTimeouts.Network };
        var organisation = simulators.Psc.Options.Organisations.ShouldHaveSingleItem();
        var professional = simulators.Psc.Options.Professionals.ShouldHaveSingleItem();
        organisation.Finess.ShouldBe(SimulatorHostOptions.DefaultOrganisationFiness);
        var search = new Uri(simulators.FhirBase + "/DocumentReference?patient.identifier=urn:oid:1.2.250.1.213.1.4.8|255069999999942&status=current");

        using (var refused = await http.GetAsync(search).WithTimeout("ITI-67 without token"))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, simulators.Psc.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent([
                new("grant_type", "password"),
                new("username", professional.Rpps),
                new("password", professional.Password),
                new("client_id", organisation.ClientId),
                new("client_secret", organisation.ClientSecret)]),
        };
        using var tokenResponse = await http.SendAsync(tokenRequest).WithTimeout("token");
        tokenResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var tokenJson = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync());
        using var search2 = new HttpRequestMessage(HttpMethod.Get, search);
        search2.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokenJson.RootElement.GetProperty("access_token").GetString());

        using var accepted = await http.SendAsync(search2).WithTimeout("ITI-67 with token");

        accepted.StatusCode.ShouldBe(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        simulators.Psc.Validator.Validate(simulators.IssueTestToken().AccessToken).Principal!.Rpps.ShouldBe(SimulatorHostOptions.DefaultProfessionalRpps);
    }

    [Test]
    public async System.Threading.Tasks.Task Tokens_are_not_required_when_switched_off()
    {
        using var evidence = new TemporaryEvidence();
        await using var simulators = await SimulatorHost.StartAsync(new SimulatorHostOptions { RequireAccessToken = false }, evidence.Store, CancellationToken.None).WithTimeout("host start");
        using var http = new HttpClient { Timeout = TaskTimeouts.Network };

        using var response = await http.GetAsync(new Uri(simulators.FhirBase + "/DocumentReference?patient=Patient/1&status=current")).WithTimeout("ITI-67");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        simulators.Psc.Issuer.IsLoopback.ShouldBeTrue();
    }
}
