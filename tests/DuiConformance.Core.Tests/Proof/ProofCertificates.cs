using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DuiConformance.Core.Tests.Proof;

/// <summary>Editor certificates made for the tests: trusted, untrusted, expired, and one issued by a trusted CA.</summary>
internal static class ProofCertificates
{
    private static readonly Lazy<X509Certificate2> LazyTrusted = new(() => SelfSigned("CN=Editeur de confiance, O=DUI Test", new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    private static readonly Lazy<X509Certificate2> LazyUntrusted = new(() => SelfSigned("CN=Editeur inconnu, O=DUI Test", new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    private static readonly Lazy<X509Certificate2> LazyExpired = new(() => SelfSigned("CN=Editeur expire, O=DUI Test", new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2025, 6, 30, 0, 0, 0, TimeSpan.Zero)));
    private static readonly Lazy<(X509Certificate2 Ca, X509Certificate2 Leaf)> LazyIssued = new(Issued);

    public static X509Certificate2 Trusted => LazyTrusted.Value;

    public static X509Certificate2 Untrusted => LazyUntrusted.Value;

    public static X509Certificate2 Expired => LazyExpired.Value;

    public static X509Certificate2 Ca => LazyIssued.Value.Ca;

    public static X509Certificate2 IssuedByCa => LazyIssued.Value.Leaf;

    /// <summary>The store a GRADeS would use in these tests: the trusted editor, the expired one (known but out of date) and the CA.</summary>
    public static Core.Proof.ProofTrustStore Store => new([Trusted, Expired, Ca]);

    public static void WritePem(X509Certificate2 certificate, string certificatePath, string keyPath)
    {
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
    }

    private static X509Certificate2 SelfSigned(string subject, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign, critical: true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        return request.CreateSelfSigned(notBefore, notAfter);
    }

    private static (X509Certificate2 Ca, X509Certificate2 Leaf) Issued()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=AC editeurs, O=DUI Test", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        var ca = caRequest.CreateSelfSigned(new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2035, 1, 1, 0, 0, 0, TimeSpan.Zero));

        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leafRequest = new CertificateRequest("CN=Editeur certifie, O=DUI Test", leafKey, HashAlgorithmName.SHA256);
        leafRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        using var leafPublic = leafRequest.Create(ca, new(2025, 2, 1, 0, 0, 0, TimeSpan.Zero), new(2029, 1, 1, 0, 0, 0, TimeSpan.Zero), [1, 2, 3, 4]);
        return (ca, leafPublic.CopyWithPrivateKey(leafKey));
    }
}
