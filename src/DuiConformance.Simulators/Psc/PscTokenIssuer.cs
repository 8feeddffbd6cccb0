using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace DuiConformance.Simulators.Psc;

/// <summary>
/// Mints the access tokens of the simulated Pro Santé Connect: RS256 JWTs (RFC 7519) with <c>iss</c>, <c>sub</c>,
/// <c>aud</c>, <c>azp</c> (the client), <c>scope</c>, <c>iat</c>, <c>nbf</c>, <c>exp</c> and <c>jti</c>; a professional's
/// token adds <c>acr</c> = eidas1, <c>SubjectNameID</c> and <c>name</c>.
/// </summary>
public sealed class PscTokenIssuer
{
    private readonly PscSigningKey _key;
    private readonly TimeProvider _time;

    /// <summary>An issuer signing with <paramref name="key"/>, reading the time from <paramref name="time"/>.</summary>
    public PscTokenIssuer(PscSigningKey key, Uri issuer, string audience, TimeSpan lifetime, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentException.ThrowIfNullOrEmpty(audience);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(time);
        _key = key;
        Issuer = issuer;
        Audience = audience;
        Lifetime = lifetime;
        _time = time;
    }

    /// <summary>The <c>iss</c> of every token (the realm URL, no trailing slash).</summary>
    public Uri Issuer { get; }

    /// <summary>The <c>aud</c> of every token.</summary>
    public string Audience { get; }

    /// <summary>How long a token stays valid.</summary>
    public TimeSpan Lifetime { get; }

    /// <summary>A token for a professional, requested by the DUI registered as <paramref name="client"/>.</summary>
    public PscIssuedToken IssueForProfessional(PscProfessional professional, PscOrganisation client, string scope)
    {
        ArgumentNullException.ThrowIfNull(professional);
        ArgumentNullException.ThrowIfNull(client);
        return Issue(professional.NationalId, client.ClientId, scope, writer =>
        {
            writer.WriteString("acr", PscClaims.ProfessionalAcr);
            writer.WriteString(PscClaims.SubjectNameId, professional.NationalId);
            writer.WriteString("name", professional.DisplayName);
        });
    }

    /// <summary>A token for the organisation itself (client_credentials).</summary>
    public PscIssuedToken IssueForOrganisation(PscOrganisation organisation, string scope)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return Issue(organisation.NationalId, organisation.ClientId, scope, _ => { });
    }

    private PscIssuedToken Issue(string subject, string clientId, string scope, Action<Utf8JsonWriter> extraClaims)
    {
        var now = _time.GetUtcNow();
        var expires = now + Lifetime;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("iss", Issuer.ToString().TrimEnd('/'));
            writer.WriteString("sub", subject);
            writer.WriteString("aud", Audience);
            writer.WriteString("azp", clientId);
            writer.WriteString("scope", scope);
            writer.WriteNumber("iat", now.ToUnixTimeSeconds());
            writer.WriteNumber("nbf", now.ToUnixTimeSeconds());
            writer.WriteNumber("exp", expires.ToUnixTimeSeconds());
            writer.WriteString("jti", Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)));
            writer.WriteString("typ", "Bearer");
            extraClaims(writer);
            writer.WriteEndObject();
        }

        return new PscIssuedToken(_key.Sign(buffer.ToArray()), DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()), DateTimeOffset.FromUnixTimeSeconds(expires.ToUnixTimeSeconds()), subject);
    }
}
