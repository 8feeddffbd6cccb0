using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace DuiConformance.ReferenceDui.Security;

/// <summary>
/// Decides whether a TLS server certificate is trusted: either it passes normal validation, or it is byte-for-byte
/// the pinned certificate (the simulator's self-signed certificate given as a PEM file). Nothing else is accepted.
/// </summary>
internal sealed class ServerCertificatePinning
{
    private readonly byte[]? _pinnedRawData;

    private ServerCertificatePinning(byte[]? pinnedRawData)
    {
        _pinnedRawData = pinnedRawData;
    }

    /// <summary>Normal validation only.</summary>
    public static ServerCertificatePinning None { get; } = new(null);

    /// <summary>Loads the pinned certificate from a PEM file; null or empty path means no pinning.</summary>
    /// <exception cref="ArgumentException">The file is missing or holds no PEM certificate.</exception>
    public static ServerCertificatePinning FromPemFile(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return None;
        }

        if (!File.Exists(path))
        {
            throw new ArgumentException($"Certificat de confiance introuvable : « {path} » (TrustedServerCertificatePath).", nameof(path));
        }

        try
        {
            using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(path));
            return new ServerCertificatePinning(certificate.RawData);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            throw new ArgumentException($"Le fichier « {path} » ne contient pas de certificat PEM lisible : {e.Message}", nameof(path), e);
        }
    }

    /// <summary>True when the server certificate is trusted (the signature of a TLS validation callback).</summary>
    public bool Validate(X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        // Note: pinning accepts exactly the configured certificate, whatever the chain or name errors; any other
        // certificate must pass normal validation (brief: trust that certificate, otherwise normal validation).
        return _pinnedRawData is not null
            && certificate is not null
            && certificate.GetRawCertData().AsSpan().SequenceEqual(_pinnedRawData);
    }
}
