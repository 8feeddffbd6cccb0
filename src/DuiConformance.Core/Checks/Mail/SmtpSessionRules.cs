using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Mail;

/// <summary>SMTP submission security from the wire facts the simulator recorded (domain.md §4.2, §8.5 MSS-01).</summary>
public static class SmtpSessionRules
{
    /// <summary>TLS protocol names accepted (SslProtocols names as the simulator records them).</summary>
    public static IReadOnlyList<string> AcceptedProtocols { get; } = ["Tls12", "Tls13"];

    /// <summary>Every finding for one message's session: TLS, TLS version, AUTH, AUTH after TLS.</summary>
    public static IReadOnlyList<Finding> Check(EvidenceItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var session = item.Property(SmtpProperties.Session) ?? "?";
        var findings = new List<Finding>();
        if (!item.Flag(SmtpProperties.Tls))
        {
            findings.Add(MailFindings.NoTls.At(At(item, SmtpProperties.Tls), $"Message reçu sans TLS (session {session}) : la soumission doit passer en STARTTLS avant AUTH."));
        }
        else
        {
            var protocol = item.Property(SmtpProperties.TlsProtocol);
            if (!AcceptedProtocols.Any(accepted => string.Equals(Normalize(protocol), Normalize(accepted), StringComparison.Ordinal)))
            {
                findings.Add(MailFindings.TlsVersion.At(At(item, SmtpProperties.TlsProtocol), $"Protocole TLS « {protocol} » (session {session}) : TLS 1.2 ou 1.3 attendu."));
            }
        }

        if (string.IsNullOrWhiteSpace(item.Property(SmtpProperties.AuthMechanism)))
        {
            findings.Add(MailFindings.NoAuth.At(At(item, SmtpProperties.AuthMechanism), $"Message soumis sans authentification SMTP (session {session})."));
        }

        if (item.Flag(SmtpProperties.AuthBeforeTls))
        {
            findings.Add(MailFindings.AuthBeforeTls.At(At(item, SmtpProperties.AuthBeforeTls), $"AUTH envoyé avant l'établissement de TLS (session {session}) : les identifiants ont circulé en clair."));
        }

        return findings;
    }

    private static FindingLocation At(EvidenceItem item, string property) => new(item.Id, null, property);

    private static string Normalize(string? protocol) =>
        new string([.. (protocol ?? string.Empty).Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]).Replace("tlsv", "tls", StringComparison.Ordinal);
}
