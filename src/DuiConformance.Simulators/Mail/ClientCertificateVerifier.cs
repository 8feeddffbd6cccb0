using System.Security.Cryptography.X509Certificates;

namespace DuiConformance.Simulators.Mail;

/// <summary>
/// Decides which mailbox a TLS client certificate authenticates (domain.md §4.2: organisation and applicative mailboxes
/// authenticate with a certificate of the organisation, not a Pro Santé Connect token): the certificate must chain to
/// the configured test authority (standing for IGC Santé, ECO.1.1.10), be valid now, allow client authentication, and
/// name (e-mail in the subject alternative name, else in the subject, else the CN) an <c>ORG</c> or <c>APP</c> mailbox
/// of the operator's directory.
/// </summary>
public sealed class ClientCertificateVerifier
{
    private const string ClientAuthenticationOid = "1.3.6.1.5.5.7.3.2";

    private readonly X509Certificate2 _authority;
    private readonly MailDirectory _directory;
    private readonly TimeProvider _time;

    /// <summary>Creates a verifier trusting <paramref name="authority"/> (not disposed by the verifier) for the mailboxes of <paramref name="directory"/>.</summary>
    public ClientCertificateVerifier(X509Certificate2 authority, MailDirectory directory, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(authority);
        ArgumentNullException.ThrowIfNull(directory);
        _authority = authority;
        _directory = directory;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Judges the certificate the client presented; never throws for a bad certificate.</summary>
    public ClientCertificateIdentity Verify(X509Certificate? presented)
    {
        if (presented is null)
        {
            return ClientCertificateIdentity.Absent;
        }

        using var certificate = X509CertificateLoader.LoadCertificate(presented.GetRawCertData());
        var subject = certificate.Subject;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = _time.GetUtcNow().UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        if (!chain.Build(certificate))
        {
            var status = string.Join(", ", chain.ChainStatus.Select(element => element.Status.ToString()).Distinct(StringComparer.Ordinal));
            return new ClientCertificateIdentity(subject, null, $"certificate not issued by the operator's test authority or not valid now ({status})");
        }

        if (certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault() is { } usages
            && !usages.EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>().Any(oid => oid.Value == ClientAuthenticationOid))
        {
            return new ClientCertificateIdentity(subject, null, "certificate not usable for client authentication (extended key usage)");
        }

        var name = certificate.GetNameInfo(X509NameType.EmailName, forIssuer: false);
        if (string.IsNullOrEmpty(name))
        {
            name = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        }

        var entry = _directory.Find(name);
        return entry switch
        {
            null => new ClientCertificateIdentity(subject, null, $"<{name}> is not a mailbox of the operator's directory"),
            { Kind: MailboxKind.Organisation or MailboxKind.Application } => new ClientCertificateIdentity(subject, entry.Address, null),
            _ => new ClientCertificateIdentity(subject, null, $"<{name}> is a {entry.Kind} mailbox: only organisation (ORG) and applicative (APP) mailboxes authenticate by certificate"),
        };
    }
}
