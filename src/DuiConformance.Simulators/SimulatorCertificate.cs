using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DuiConformance.Simulators;

/// <summary>
/// The self-signed server certificate of one simulator run (CN=localhost, SAN localhost, 127.0.0.1 and ::1, ECDSA P-256),
/// created in memory at start. A DUI under test trusts it by pinning <see cref="PublicPem"/> or <see cref="Sha256Fingerprint"/>.
/// </summary>
/// <remarks>
/// Note: the real MSSanté space only trusts IGC Santé (domain.md §4.2, ECO.1.1.10); a DUI configured for production will
/// rightly refuse this certificate, so the harness hands the PEM to the DUI's test configuration.
/// </remarks>
public sealed class SimulatorCertificate : IDisposable
{
    private SimulatorCertificate(X509Certificate2 certificate)
    {
        Certificate = certificate;
        PublicPem = certificate.ExportCertificatePem();
        Sha256Fingerprint = Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256));
    }

    /// <summary>The certificate with its private key, usable by <see cref="System.Net.Security.SslStream"/> and Kestrel.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The public certificate in PEM (<c>-----BEGIN CERTIFICATE-----</c>), for a client's trust store.</summary>
    public string PublicPem { get; }

    /// <summary>The SHA-256 fingerprint of the DER certificate, upper-case hex, for pinning.</summary>
    public string Sha256Fingerprint { get; }

    /// <summary>Creates a certificate valid from one day before <paramref name="time"/>'s now for 30 days.</summary>
    public static SimulatorCertificate Create(TimeProvider? time = null)
    {
        var now = (time ?? TimeProvider.System).GetUtcNow();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost, O=DuiConformance simulator", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var ephemeral = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));

        // Note: on Linux SslStream needs a certificate whose key came from a PKCS#12 import, not the ephemeral one
        // CreateSelfSigned returns.
        var certificate = X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), null);
        return new SimulatorCertificate(certificate);
    }

    /// <summary>Writes <see cref="PublicPem"/> to <paramref name="path"/> (for a DUI's CA file).</summary>
    public void WritePem(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        File.WriteAllText(path, PublicPem);
    }

    /// <inheritdoc />
    public void Dispose() => Certificate.Dispose();
}
