using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace DuiConformance.Simulators.Psc;

/// <summary>
/// Names an access token in evidence without revealing it: a hash of its bytes and the <c>jti</c> it states. Secrets
/// are redacted in evidence (BRIEF: security), yet a check must tell whether a revoked token was presented again
/// (domain.md §8.5 MSS-04).
/// </summary>
public static class PscTokenFingerprint
{
    /// <summary>Lower-case hex of the first 16 octets of the SHA-256 of the token's UTF-8 bytes (32 characters).</summary>
    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)).AsSpan(0, 16));
    }

    /// <summary>The <c>jti</c> the token's payload states, read without checking the signature; empty when unreadable.</summary>
    public static string ClaimedTokenId(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[1].Length > 16_384)
        {
            return string.Empty;
        }

        try
        {
            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            return payload.RootElement.ValueKind == JsonValueKind.Object
                && payload.RootElement.TryGetProperty("jti", out var jti)
                && jti.ValueKind == JsonValueKind.String
                && jti.GetString() is { Length: > 0 and <= 200 } value
                ? value
                : string.Empty;
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return string.Empty;
        }
    }
}
