using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DuiConformance.Simulators;

/// <summary>
/// A test certification authority created in memory, standing for IGC Santé (domain.md §4.2, ECO.1.1.10) when the
/// simulated operator authenticates organisation mailboxes by client certificate; it issues client certificates for
/// mailboxes. Never trusted by anything beyond the simulators.
/// </summary>
public sealed class SimulatorCertificateAuthority : IDisposable
{
    private readonly ECDsa _key;
    private readonly TimeProvider _time;

    private SimulatorCertificateAuthority(ECDsa key, X509Certificate2 certificate, TimeProvider time)
    {
        _key = key;
        Certificate = certificate;
        _time = time;
    }

    /// <summary>The authority's certificate (public part), to configure as the trusted root.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Creates an authority valid from one day before now for 30 days.</summary>
    public static SimulatorCertificateAuthority Create(string name = "DuiConformance test authority", TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var now = time.GetUtcNow();
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}, O=DuiConformance simulator", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        return new SimulatorCertificateAuthority(key, certificate, time);
    }

    /// <summary>
    /// Issues a client certificate for <paramref name="mailbox"/> (CN and e-mail subject alternative name), with its
    /// private key, usable by <see cref="System.Net.Security.SslStream"/> and MailKit; the caller disposes it.
    /// </summary>
    public X509Certificate2 IssueClientCertificate(string mailbox, string organisation = "EHPAD de test", bool clientAuthentication = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mailbox);
        var now = _time.GetUtcNow();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName(mailbox);
        subject.AddOrganizationName(organisation);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddEmailAddress(mailbox);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        var usage = clientAuthentication ? new Oid("1.3.6.1.5.5.7.3.2", "Client Authentication") : new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication");
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([usage], false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = request.Create(Certificate.SubjectName, X509SignatureGenerator.CreateForECDsa(_key), now.AddDays(-1), now.AddDays(30), serial);
        using var withKey = issued.CopyWithPrivateKey(key);

        // Note: on Linux SslStream needs a key that came from a PKCS#12 import (as SimulatorCertificate does).
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx), null);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Certificate.Dispose();
        _key.Dispose();
    }
}
