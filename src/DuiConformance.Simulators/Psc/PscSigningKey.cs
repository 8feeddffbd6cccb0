using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace DuiConformance.Simulators.Psc;

/// <summary>
/// The RSA key (2048 bits, generated at start, never written anywhere) with which the simulated Pro Santé Connect signs
/// its tokens as RS256 JWS (RFC 7515, RFC 7518 §3.3). Its public half is published as a JWK (RFC 7517) whose
/// <c>kid</c> is the RFC 7638 thumbprint.
/// </summary>
public sealed class PscSigningKey : IDisposable
{
    /// <summary>The JWS algorithm of every token.</summary>
    public const string Algorithm = "RS256";

    private readonly RSA _rsa;

    private PscSigningKey(RSA rsa)
    {
        _rsa = rsa;
        PublicKey = rsa.ExportParameters(includePrivateParameters: false);
        KeyId = Thumbprint(PublicKey);
    }

    /// <summary>The public exponent and modulus, which validators verify signatures with.</summary>
    public RSAParameters PublicKey { get; }

    /// <summary>The key id (<c>kid</c>) put in every token header and in the JWKS.</summary>
    public string KeyId { get; }

    /// <summary>A fresh key for this run.</summary>
    public static PscSigningKey Generate() => new(RSA.Create(2048));

    /// <summary>The compact JWS <c>header.payload.signature</c> of a JSON payload, signed RS256 with this key.</summary>
    public string Sign(ReadOnlySpan<byte> payloadJson)
    {
        var header = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["alg"] = Algorithm,
            ["typ"] = "JWT",
            ["kid"] = KeyId,
        });
        var signingInput = Base64Url.EncodeToString(header) + "." + Base64Url.EncodeToString(payloadJson);
        var signature = _rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>Writes the public JWK (<c>kty</c>, <c>use</c>, <c>alg</c>, <c>kid</c>, <c>n</c>, <c>e</c>).</summary>
    public void WriteJwk(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("kty", "RSA");
        writer.WriteString("use", "sig");
        writer.WriteString("alg", Algorithm);
        writer.WriteString("kid", KeyId);
        writer.WriteString("n", Base64Url.EncodeToString(PublicKey.Modulus));
        writer.WriteString("e", Base64Url.EncodeToString(PublicKey.Exponent));
        writer.WriteEndObject();
    }

    /// <inheritdoc />
    public void Dispose() => _rsa.Dispose();

    // Note: RFC 7638 §3.2 — the thumbprint hashes the required members in lexicographic order, without whitespace.
    private static string Thumbprint(RSAParameters key)
    {
        var canonical = "{\"e\":\"" + Base64Url.EncodeToString(key.Exponent) + "\",\"kty\":\"RSA\",\"n\":\"" + Base64Url.EncodeToString(key.Modulus) + "\"}";
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(canonical)));
    }
}
