using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DuiConformance.Simulators.Psc;
using DuiConformance.Simulators.Tests.Support;

namespace DuiConformance.Simulators.Tests.Psc;

/// <summary>The simulated Pro Santé Connect over HTTP on loopback (STYLE.md rule 21); one simulator for the fixture, as it keeps no state between requests.</summary>
[Category("Network")]
public sealed class PscSimulatorTests
{
    private static readonly PscProfessional Professional = new("10199999995", "secret-card", "Dr Claire Martin");
    private static readonly PscOrganisation Organisation = new("690999990", "dui-reference", "client-secret");

    private PscSimulator _psc = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task StartSimulator()
    {
        _psc = await PscSimulator.StartAsync(new PscSimulatorOptions
        {
            Professionals = [Professional],
            Organisations = [Organisation],
            TokenLifetime = TimeSpan.FromMinutes(5),
        }).WithTimeout("PSC start");
        _http = new HttpClient { Timeout = TaskTimeouts.Network };
    }

    [OneTimeTearDown]
    public async Task StopSimulator()
    {
        _http.Dispose();
        await _psc.DisposeAsync().AsTask().WithTimeout("PSC stop");
    }

    [Test, Description("OIDC Discovery 1.0 §4: the document names the issuer it is served under, the token endpoint and the JWKS")]
    public async Task Discovery_document_names_issuer_token_endpoint_and_jwks()
    {
        foreach (var path in new[] { PscEndpoints.DiscoveryPath, PscEndpoints.WalletDiscoveryPath })
        {
            using var document = await GetJsonAsync(new Uri(_psc.Issuer + path));

            var root = document.RootElement;
            root.GetProperty("issuer").GetString().ShouldBe(_psc.Issuer.ToString());
            root.GetProperty("token_endpoint").GetString().ShouldBe(_psc.TokenEndpoint.ToString());
            root.GetProperty("jwks_uri").GetString().ShouldBe(_psc.JwksUri.ToString());
            root.GetProperty("grant_types_supported").EnumerateArray().Select(item => item.GetString()).ShouldBe(["client_credentials", "password"]);
        }

        _psc.Issuer.AbsolutePath.ShouldBe("/auth/realms/esante-wallet");
        _psc.Issuer.IsLoopback.ShouldBeTrue();
    }

    [Test, Description("RFC 6749 §4.3 + RFC 7517: a token from the endpoint verifies against the published JWK alone")]
    public async Task Password_grant_token_verifies_with_the_published_jwk()
    {
        using var response = await TokenAsync(Basic(Organisation.ClientId, Organisation.ClientSecret), ("grant_type", "password"), ("username", Professional.Rpps), ("password", Professional.Password));

        await ShouldHaveStatusAsync(response, HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("token_type").GetString().ShouldBe("Bearer");
        body.RootElement.GetProperty("expires_in").GetInt64().ShouldBe(300);
        body.RootElement.GetProperty("scope").GetString().ShouldBe("openid scope_all");
        var token = body.RootElement.GetProperty("access_token").GetString()!;

        using var jwks = await GetJsonAsync(_psc.JwksUri);
        var jwk = jwks.RootElement.GetProperty("keys")[0];
        jwk.GetProperty("kty").GetString().ShouldBe("RSA");
        using var rsa = RSA.Create(new RSAParameters
        {
            Modulus = Base64Url.DecodeFromChars(jwk.GetProperty("n").GetString()),
            Exponent = Base64Url.DecodeFromChars(jwk.GetProperty("e").GetString()),
        });
        var parts = token.Split('.');
        rsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).ShouldBeTrue();
        var validation = new PscTokenValidator(_psc.Issuer, PscSimulatorOptions.DefaultAudience, rsa.ExportParameters(false), jwk.GetProperty("kid").GetString()!, TimeProvider.System).Validate(token);
        validation.IsValid.ShouldBeTrue(validation.Description);
        validation.Principal!.Rpps.ShouldBe(Professional.Rpps);
    }

    [Test]
    public async Task Client_credentials_with_form_authentication_gives_an_organisation_token()
    {
        using var response = await TokenAsync(null, ("grant_type", "client_credentials"), ("client_id", Organisation.ClientId), ("client_secret", Organisation.ClientSecret), ("scope", "openid"));

        await ShouldHaveStatusAsync(response, HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var validation = _psc.Validator.Validate(body.RootElement.GetProperty("access_token").GetString());
        validation.Principal.ShouldNotBeNull(validation.Description);
        validation.Principal.Finess.ShouldBe("690999990");
        validation.Principal.Scope.ShouldBe("openid");
    }

    [Test]
    public async Task Wrong_client_secret_is_invalid_client_with_a_basic_challenge()
    {
        using var response = await TokenAsync(Basic(Organisation.ClientId, "wrong"), ("grant_type", "client_credentials"));

        await ShouldBeOAuthErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
        response.Headers.WwwAuthenticate.Single().Scheme.ShouldBe("Basic");
    }

    [Test]
    public async Task Wrong_professional_password_is_invalid_grant()
    {
        using var response = await TokenAsync(Basic(Organisation.ClientId, Organisation.ClientSecret), ("grant_type", "password"), ("username", Professional.Rpps), ("password", "nope"));

        await ShouldBeOAuthErrorAsync(response, HttpStatusCode.BadRequest, "invalid_grant");
    }

    [Test]
    public async Task Unknown_rpps_is_invalid_grant()
    {
        using var response = await TokenAsync(Basic(Organisation.ClientId, Organisation.ClientSecret), ("grant_type", "password"), ("username", "10000000000"), ("password", Professional.Password));

        await ShouldBeOAuthErrorAsync(response, HttpStatusCode.BadRequest, "invalid_grant");
    }

    [TestCase("authorization_code", "unsupported_grant_type")]
    [TestCase("", "invalid_request")]
    public async Task Unsupported_or_missing_grant_is_refused(string grant, string error)
    {
        using var response = await TokenAsync(Basic(Organisation.ClientId, Organisation.ClientSecret), ("grant_type", grant));

        await ShouldBeOAuthErrorAsync(response, HttpStatusCode.BadRequest, error);
    }

    [Test]
    public async Task Scope_beyond_what_psc_grants_is_invalid_scope()
    {
        using var response = await TokenAsync(Basic(Organisation.ClientId, Organisation.ClientSecret), ("grant_type", "client_credentials"), ("scope", "openid admin"));

        await ShouldBeOAuthErrorAsync(response, HttpStatusCode.BadRequest, "invalid_scope");
    }

    [Test, Description("RFC 6749 §3.2: a parameter given twice is invalid_request")]
    public async Task Repeated_parameter_is_invalid_request()
    {
        using var response = await TokenAsync(Basic(Organisation.ClientId, Organisation.ClientSecret), ("grant_type", "client_credentials"), ("grant_type", "password"));

        await ShouldBeOAuthErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Test]
    public async Task Missing_client_authentication_is_invalid_client()
    {
        using var response = await TokenAsync(null, ("grant_type", "client_credentials"));

        await ShouldBeOAuthErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
    }

    [TestCase("Basic !!!not-base64")]
    [TestCase("Basic bm8tY29sb24=")]
    [TestCase("Basic //79")]
    public async Task Unreadable_basic_header_is_invalid_client(string header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _psc.TokenEndpoint) { Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]) };
        request.Headers.TryAddWithoutValidation("Authorization", header);

        using var response = await _http.SendAsync(request).WithTimeout("token");

        await ShouldBeOAuthErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
    }

    [TestCase("application/json", "{\"grant_type\":\"client_credentials\"}")]
    [TestCase("text/plain", "grant_type=client_credentials")]
    [TestCase("application/x-www-form-urlencoded", "%%%=%zz&&&=")]
    [TestCase("multipart/form-data; boundary=x", "--x\r\nnot a part")]
    public async Task Malformed_or_non_form_body_is_an_oauth_error_not_a_crash(string contentType, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _psc.TokenEndpoint) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Headers.Authorization = Basic(Organisation.ClientId, Organisation.ClientSecret);

        using var response = await _http.SendAsync(request).WithTimeout("token");

        ((int)response.StatusCode).ShouldBeInRange(400, 401);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        error.RootElement.GetProperty("error").GetString().ShouldBeOneOf("invalid_request", "invalid_client", "unsupported_grant_type");

        using var after = await TokenAsync(Basic(Organisation.ClientId, Organisation.ClientSecret), ("grant_type", "client_credentials"));
        after.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Oversized_body_is_invalid_request()
    {
        using var response = await TokenAsync(Basic(Organisation.ClientId, Organisation.ClientSecret), ("grant_type", "client_credentials"), ("padding", new string('x', 20_000)));

        await ShouldBeOAuthErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    private static AuthenticationHeaderValue Basic(string id, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.EscapeDataString(id) + ":" + Uri.EscapeDataString(secret))));

    private async Task<HttpResponseMessage> TokenAsync(AuthenticationHeaderValue? authorization, params (string Name, string Value)[] fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _psc.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(fields.Select(field => new KeyValuePair<string, string>(field.Name, field.Value))),
        };
        request.Headers.Authorization = authorization;
        return await _http.SendAsync(request).WithTimeout("token request");
    }

    private async Task<JsonDocument> GetJsonAsync(Uri uri)
    {
        using var response = await _http.GetAsync(uri).WithTimeout("GET " + uri);
        await ShouldHaveStatusAsync(response, HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static async Task ShouldBeOAuthErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        await ShouldHaveStatusAsync(response, status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("error").GetString().ShouldBe(error);
        body.RootElement.GetProperty("error_description").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    private static async Task ShouldHaveStatusAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
        {
            Assert.Fail($"Expected {(int)status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
