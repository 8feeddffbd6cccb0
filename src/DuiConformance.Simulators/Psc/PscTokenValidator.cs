using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace DuiConformance.Simulators.Psc;

/// <summary>
/// Checks a bearer token as a resource server of Pro Santé Connect must (RFC 7519 §7.2, RFC 8725): compact RS256 JWS
/// whose <c>kid</c> is the simulator's key, valid signature, <c>iss</c> = the realm, <c>aud</c> containing the expected
/// audience, <c>exp</c>/<c>nbf</c> against the clock (with a small skew). Never throws on hostile input: every
/// problem is a <see cref="PscTokenValidation"/> with an error. Thread-safe; the FHIR, SMTP and IMAP simulators share one.
/// </summary>
public sealed class PscTokenValidator
{
    private const int MaxTokenLength = 16 * 1024;

    private readonly RSAParameters _publicKey;
    private readonly string _keyId;
    private readonly TimeProvider _time;

    /// <summary>A validator trusting the RSA public key <paramref name="publicKey"/> published as <paramref name="keyId"/>.</summary>
    public PscTokenValidator(Uri issuer, string audience, RSAParameters publicKey, string keyId, TimeProvider time, TimeSpan? clockSkew = null)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentException.ThrowIfNullOrEmpty(audience);
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        ArgumentNullException.ThrowIfNull(time);
        Issuer = issuer.ToString().TrimEnd('/');
        Audience = audience;
        _publicKey = publicKey;
        _keyId = keyId;
        _time = time;
        ClockSkew = clockSkew ?? TimeSpan.FromSeconds(30);
    }

    /// <summary>The <c>iss</c> a token must carry.</summary>
    public string Issuer { get; }

    /// <summary>The audience a token's <c>aud</c> must contain.</summary>
    public string Audience { get; }

    /// <summary>Tolerance on <c>exp</c> and <c>nbf</c> for clock drift between issuer and resource server.</summary>
    public TimeSpan ClockSkew { get; }

    /// <summary>The tokens revoked at the issuer (RFC 7009); <c>null</c> checks none.</summary>
    public PscRevocationList? Revocations { get; init; }

    /// <summary>A validator for the tokens <paramref name="issuer"/> mints.</summary>
    public static PscTokenValidator For(PscTokenIssuer issuer, PscSigningKey key, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(key);
        return new PscTokenValidator(issuer.Issuer, issuer.Audience, key.PublicKey, key.KeyId, time);
    }

    /// <summary>Validates the value of an <c>Authorization</c> header (<c>Bearer &lt;token&gt;</c>, scheme case-insensitive).</summary>
    public PscTokenValidation ValidateAuthorizationHeader(string? authorization)
    {
        const string scheme = "Bearer ";
        if (string.IsNullOrWhiteSpace(authorization) || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return PscTokenValidation.Refused(PscTokenError.Missing, "Jeton d'accès Pro Santé Connect absent (en-tête Authorization: Bearer attendu).");
        }

        return Validate(authorization[scheme.Length..].Trim());
    }

    /// <summary>Validates a compact JWT.</summary>
    public PscTokenValidation Validate(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return PscTokenValidation.Refused(PscTokenError.Missing, "Jeton d'accès Pro Santé Connect absent.");
        }

        if (token.Length > MaxTokenLength)
        {
            return PscTokenValidation.Refused(PscTokenError.Malformed, "Jeton trop long.");
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || !TryDecode(parts[0], out var headerBytes) || !TryDecode(parts[1], out var payloadBytes) || !TryDecode(parts[2], out var signature))
        {
            return PscTokenValidation.Refused(PscTokenError.Malformed, "Le jeton n'est pas un JWS compact (trois parties base64url).");
        }

        try
        {
            using var header = JsonDocument.Parse(headerBytes, new JsonDocumentOptions { MaxDepth = 8 });
            using var payload = JsonDocument.Parse(payloadBytes, new JsonDocumentOptions { MaxDepth = 8 });
            if (header.RootElement.ValueKind != JsonValueKind.Object || payload.RootElement.ValueKind != JsonValueKind.Object)
            {
                return PscTokenValidation.Refused(PscTokenError.Malformed, "L'en-tête ou la charge utile du jeton n'est pas un objet JSON.");
            }

            return Check(header.RootElement, payload.RootElement, parts[0] + "." + parts[1], signature);
        }
        catch (JsonException)
        {
            return PscTokenValidation.Refused(PscTokenError.Malformed, "L'en-tête ou la charge utile du jeton n'est pas du JSON valide.");
        }
    }

    private PscTokenValidation Check(JsonElement header, JsonElement payload, string signingInput, byte[] signature)
    {
        // Note: RFC 8725 §3.1 — the algorithm is fixed by the verifier, never taken from the token.
        if (String(header, "alg") != PscSigningKey.Algorithm)
        {
            return PscTokenValidation.Refused(PscTokenError.UnsupportedAlgorithm, $"Algorithme de signature refusé : « {String(header, "alg") ?? "absent"} » (RS256 attendu).");
        }

        if (String(header, "kid") != _keyId)
        {
            return PscTokenValidation.Refused(PscTokenError.UnknownKey, "Clé de signature inconnue (kid).");
        }

        using (var rsa = RSA.Create(_publicKey))
        {
            if (!rsa.VerifyData(Encoding.ASCII.GetBytes(signingInput), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            {
                return PscTokenValidation.Refused(PscTokenError.BadSignature, "Signature du jeton invalide.");
            }
        }

        if (String(payload, "iss") != Issuer)
        {
            return PscTokenValidation.Refused(PscTokenError.WrongIssuer, $"Émetteur du jeton inattendu : « {String(payload, "iss") ?? "absent"} ».");
        }

        if (!HasAudience(payload))
        {
            return PscTokenValidation.Refused(PscTokenError.WrongAudience, $"Le jeton n'est pas destiné à ce service (aud ≠ {Audience}).");
        }

        if (Seconds(payload, "exp") is not { } exp || String(payload, "sub") is not { Length: > 0 } subject)
        {
            return PscTokenValidation.Refused(PscTokenError.Malformed, "Le jeton n'a pas de revendication exp ou sub valide.");
        }

        var now = _time.GetUtcNow();
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(exp);
        if (now - ClockSkew >= expiresAt)
        {
            return PscTokenValidation.Refused(PscTokenError.Expired, string.Create(CultureInfo.InvariantCulture, $"Jeton expiré depuis {expiresAt:O}."));
        }

        if (Seconds(payload, "nbf") is { } nbf && now + ClockSkew < DateTimeOffset.FromUnixTimeSeconds(nbf))
        {
            return PscTokenValidation.Refused(PscTokenError.NotYetValid, "Jeton pas encore valide (nbf).");
        }

        var principal = new PscPrincipal(subject, String(payload, "azp") ?? string.Empty, String(payload, "scope") ?? string.Empty, expiresAt, String(payload, "jti") ?? string.Empty);
        if (principal.TokenId.Length > 0 && Revocations?.IsRevoked(principal.TokenId) == true)
        {
            return PscTokenValidation.Refused(PscTokenError.Revoked, "Jeton révoqué auprès de Pro Santé Connect.");
        }

        return new PscTokenValidation(PscTokenError.None, string.Empty, principal);
    }

    private bool HasAudience(JsonElement payload)
    {
        if (!payload.TryGetProperty("aud", out var aud))
        {
            return false;
        }

        return aud.ValueKind switch
        {
            JsonValueKind.String => aud.GetString() == Audience,
            JsonValueKind.Array => aud.EnumerateArray().Any(item => item.ValueKind == JsonValueKind.String && item.GetString() == Audience),
            _ => false,
        };
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Seconds(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds)
            && seconds is > -62135596800 and < 253402300800
            ? seconds
            : null;

    private static bool TryDecode(string part, out byte[] bytes)
    {
        bytes = [];
        if (part.Length == 0 || !Base64Url.IsValid(part))
        {
            return false;
        }

        bytes = Base64Url.DecodeFromChars(part);
        return true;
    }
}
