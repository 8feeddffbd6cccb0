using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using DuiConformance.Simulators.Psc;
using Microsoft.Extensions.Time.Testing;

namespace DuiConformance.Simulators.Tests.Psc;

/// <summary>The bearer-token validator every simulator shares (RFC 7519 §7.2, RFC 8725), in process with a fake clock.</summary>
public sealed class PscTokenValidatorTests
{
    private static readonly Uri Issuer = new("http://127.0.0.1:1/auth/realms/esante-wallet");
    private static readonly PscProfessional Professional = new("10199999995", "secret-card", "Dr Claire Martin");
    private static readonly PscOrganisation Organisation = new("690999990", "dui-reference", "client-secret");

    private FakeTimeProvider _time = null!;
    private PscSigningKey _key = null!;
    private PscTokenIssuer _issuer = null!;
    private PscTokenValidator _validator = null!;

    // Note: one RSA key per fixture; generating a 2048-bit key per test costs up to a second on a loaded machine.
    [OneTimeSetUp]
    public void GenerateKey() => _key = PscSigningKey.Generate();

    [OneTimeTearDown]
    public void DisposeKey() => _key.Dispose();

    [SetUp]
    public void CreateIssuer()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        _issuer = new PscTokenIssuer(_key, Issuer, "dmp", TimeSpan.FromMinutes(10), _time);
        _validator = PscTokenValidator.For(_issuer, _key, _time);
    }

    [Test]
    public void Professional_token_is_valid_and_names_the_rpps_and_the_client()
    {
        var token = _issuer.IssueForProfessional(Professional, Organisation, PscClaims.DefaultScope);

        var result = _validator.Validate(token.AccessToken);

        result.IsValid.ShouldBeTrue(result.Description);
        var principal = result.Principal!;
        principal.ShouldSatisfyAllConditions(
            () => principal.Subject.ShouldBe("810199999995"),
            () => principal.Rpps.ShouldBe("10199999995"),
            () => principal.Finess.ShouldBeNull(),
            () => principal.ClientId.ShouldBe("dui-reference"),
            () => principal.Scope.ShouldBe("openid scope_all"),
            () => principal.ExpiresAt.ShouldBe(_time.GetUtcNow().AddMinutes(10)));
    }

    [Test]
    public void Organisation_token_names_the_finess()
    {
        var token = _issuer.IssueForOrganisation(Organisation, "openid");

        var principal = _validator.Validate(token.AccessToken).Principal;

        principal.ShouldNotBeNull();
        principal.Finess.ShouldBe("690999990");
        principal.Rpps.ShouldBeNull();
    }

    [Test]
    public void Token_is_refused_once_expired_beyond_the_clock_skew()
    {
        var token = _issuer.IssueForOrganisation(Organisation, "openid").AccessToken;

        _time.Advance(TimeSpan.FromMinutes(10) + _validator.ClockSkew - TimeSpan.FromSeconds(1));
        _validator.Validate(token).IsValid.ShouldBeTrue();
        _time.Advance(TimeSpan.FromSeconds(1));
        _validator.Validate(token).Error.ShouldBe(PscTokenError.Expired);
    }

    [Test]
    public void Token_from_the_future_is_refused_as_not_yet_valid()
    {
        _time.Advance(TimeSpan.FromMinutes(5));
        var token = _issuer.IssueForOrganisation(Organisation, "openid").AccessToken;
        var validatorInThePast = new PscTokenValidator(Issuer, "dmp", _key.PublicKey, _key.KeyId, new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)));

        validatorInThePast.Validate(token).Error.ShouldBe(PscTokenError.NotYetValid);
    }

    [Test]
    public void Token_for_another_audience_or_issuer_is_refused()
    {
        var token = _issuer.IssueForOrganisation(Organisation, "openid").AccessToken;

        new PscTokenValidator(Issuer, "annuaire", _key.PublicKey, _key.KeyId, _time).Validate(token).Error.ShouldBe(PscTokenError.WrongAudience);
        new PscTokenValidator(new Uri("https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet"), "dmp", _key.PublicKey, _key.KeyId, _time)
            .Validate(token).Error.ShouldBe(PscTokenError.WrongIssuer);
    }

    [Test]
    public void Token_with_an_altered_payload_fails_the_signature()
    {
        var parts = _issuer.IssueForOrganisation(Organisation, "openid").AccessToken.Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        payload["sub"] = "1999999999";
        var forged = parts[0] + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString())) + "." + parts[2];

        _validator.Validate(forged).Error.ShouldBe(PscTokenError.BadSignature);
    }

    [Test]
    public void Token_signed_by_another_key_is_refused()
    {
        using var otherKey = PscSigningKey.Generate();
        var other = new PscTokenIssuer(otherKey, Issuer, "dmp", TimeSpan.FromMinutes(10), _time);
        var token = other.IssueForOrganisation(Organisation, "openid").AccessToken;

        _validator.Validate(token).Error.ShouldBe(PscTokenError.UnknownKey);
        var withOurKid = new PscTokenValidator(Issuer, "dmp", _key.PublicKey, otherKey.KeyId, _time);
        withOurKid.Validate(token).Error.ShouldBe(PscTokenError.BadSignature);
    }

    [Test, Description("RFC 8725 §2.1/§3.1: an unsigned token (alg none) must never be accepted")]
    public void Unsigned_token_with_alg_none_is_refused()
    {
        var parts = _issuer.IssueForOrganisation(Organisation, "openid").AccessToken.Split('.');
        var header = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + _key.KeyId + "\"}"));

        _validator.Validate(header + "." + parts[1] + ".").Error.ShouldBe(PscTokenError.Malformed);
        _validator.Validate(header + "." + parts[1] + "." + parts[2]).Error.ShouldBe(PscTokenError.UnsupportedAlgorithm);
    }

    [TestCase(null, PscTokenError.Missing)]
    [TestCase("", PscTokenError.Missing)]
    [TestCase("not-a-token", PscTokenError.Malformed)]
    [TestCase("a.b.c", PscTokenError.Malformed)]
    [TestCase("e30.e30.e30", PscTokenError.UnsupportedAlgorithm)]
    [TestCase("W10.W10.e30", PscTokenError.Malformed)]
    [TestCase("eyJ.eyJ.eyJ", PscTokenError.Malformed)]
    [TestCase("!!!.???.***", PscTokenError.Malformed)]
    public void Garbage_is_refused_without_throwing(string? token, PscTokenError expected)
    {
        _validator.Validate(token).Error.ShouldBe(expected);
    }

    [TestCase(null)]
    [TestCase("Basic abc")]
    [TestCase("Bearer")]
    [TestCase("Bearer ")]
    public void Authorization_header_without_a_bearer_token_is_missing(string? header)
    {
        _validator.ValidateAuthorizationHeader(header).Error.ShouldBe(PscTokenError.Missing);
    }

    [Test]
    public void Authorization_header_scheme_is_case_insensitive()
    {
        var token = _issuer.IssueForOrganisation(Organisation, "openid").AccessToken;

        _validator.ValidateAuthorizationHeader("bearer " + token).IsValid.ShouldBeTrue();
    }

    [Test]
    public void Issued_token_hides_its_secret_when_printed()
    {
        var token = _issuer.IssueForOrganisation(Organisation, "openid");

        token.ToString().ShouldNotContain(token.AccessToken);
        Organisation.ToString().ShouldNotContain("client-secret");
        Professional.ToString().ShouldNotContain("secret-card");
    }
}
