using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DuiConformance.Simulators.Insi;

/// <summary>
/// The certificates of the simulated INSi, created in memory at start: a test CA standing for "TEST AC IGC-SANTE
/// ELEMENTAIRE ORGANISATIONS", the server certificate it issues to the simulator, and one organisation client
/// certificate it issues to the DUI under test (domain.md §2.2: mutual TLS with an IGC-Santé organisation certificate).
/// </summary>
/// <remarks>
/// Note: ECDSA P-256 keys, so that creating the three certificates costs milliseconds at every run. A real INSi only
/// trusts the IGC-Santé chain; a DUI configured for production will rightly refuse this CA.
/// </remarks>
public sealed class InsiCertificates : IDisposable
{
    /// <summary>Subject of the test CA.</summary>
    public const string CaSubject = "CN=TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS (simulée), O=DuiConformance, C=FR";

    /// <summary>Subject of the client certificate handed to the DUI.</summary>
    public const string ClientSubject = "CN=DUI de reference INSI-AUTO (organisation fictive), O=DuiConformance, C=FR";

    private InsiCertificates(X509Certificate2 authority, X509Certificate2 server, X509Certificate2 client)
    {
        Authority = authority;
        Server = server;
        Client = client;
    }

    /// <summary>The test CA (with its key, used only to issue the two others).</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>The simulator's TLS server certificate (CN=localhost, SAN 127.0.0.1 and ::1), issued by <see cref="Authority"/>.</summary>
    public X509Certificate2 Server { get; }

    /// <summary>The organisation client certificate, with its key, the DUI must present; issued by <see cref="Authority"/>.</summary>
    public X509Certificate2 Client { get; }

    /// <summary>The server certificate in PEM, for the DUI's trust configuration (pinning).</summary>
    public string ServerPem => Server.ExportCertificatePem();

    /// <summary>The CA certificate in PEM.</summary>
    public string AuthorityPem => Authority.ExportCertificatePem();

    /// <summary>Creates the CA and the two certificates it issues, valid from one day before now for 30 days.</summary>
    public static InsiCertificates Create(TimeProvider? time = null)
    {
        var now = (time ?? TimeProvider.System).GetUtcNow();
        var notBefore = now.AddDays(-1);
        var notAfter = now.AddDays(30);
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest(CaSubject, caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ephemeralCa = caRequest.CreateSelfSigned(notBefore, notAfter.AddDays(1));
        var authority = Reload(ephemeralCa);

        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        var server = Issue(authority, "CN=localhost, O=DuiConformance INSi simule", "1.3.6.1.5.5.7.3.1", names.Build(), notBefore, notAfter, 1);
        var client = Issue(authority, ClientSubject, "1.3.6.1.5.5.7.3.2", null, notBefore, notAfter, 2);
        return new InsiCertificates(authority, server, client);
    }

    /// <summary>
    /// Why <paramref name="certificate"/> is not an acceptable client certificate (French, for a SOAP fault), or
    /// <c>null</c> when it chains to <see cref="Authority"/> and is valid now.
    /// </summary>
    public string? ClientProblem(X509Certificate2? certificate)
    {
        if (certificate is null)
        {
            return "Aucun certificat client présenté : le téléservice INSi exige une authentification TLS mutuelle avec un certificat d'organisation IGC-Santé.";
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.NoFlag;
        if (!chain.Build(certificate))
        {
            var status = string.Join(", ", chain.ChainElements.SelectMany(element => element.ChainElementStatus).Select(item => item.Status.ToString()).Distinct(StringComparer.Ordinal));
            return $"Certificat client « {certificate.Subject} » refusé : il n'est pas émis par l'autorité de test du simulateur ({status}).";
        }

        return null;
    }

    /// <summary>Writes the client certificate with its key as PKCS#12 (for the DUI's configuration).</summary>
    public void WriteClientPkcs12(string path, string password)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        File.WriteAllBytes(path, Client.Export(X509ContentType.Pkcs12, password));
    }

    /// <summary>Writes <see cref="ServerPem"/> to <paramref name="path"/>.</summary>
    public void WriteServerPem(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        File.WriteAllText(path, ServerPem);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Client.Dispose();
        Server.Dispose();
        Authority.Dispose();
    }

    private static X509Certificate2 Issue(X509Certificate2 authority, string subject, string usageOid, X509Extension? alternativeNames, DateTimeOffset notBefore, DateTimeOffset notAfter, byte serial)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usageOid)], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        if (alternativeNames is not null)
        {
            request.CertificateExtensions.Add(alternativeNames);
        }

        var serialNumber = new byte[9];
        RandomNumberGenerator.Fill(serialNumber);
        serialNumber[0] = serial;
        using var issued = request.Create(authority, notBefore, notAfter, serialNumber);
        using var withKey = issued.CopyWithPrivateKey(key);
        return Reload(withKey);
    }

    // Note: on Linux SslStream needs a certificate whose key came from a PKCS#12 import, not an ephemeral one
    // (same as SimulatorCertificate).
    private static X509Certificate2 Reload(X509Certificate2 certificate) =>
        X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
}
