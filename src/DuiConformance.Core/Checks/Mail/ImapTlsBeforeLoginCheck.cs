using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Mail;

/// <summary>IMAP: TLS 1.2 or later before any LOGIN or AUTHENTICATE (DUI-SEC-02), from the operator's IMAP session facts.</summary>
/// <remarks>
/// Note: not yet in <see cref="CheckCatalogue.All"/>: DUI-SEC-02 stays not-tested until a scenario makes the DUI read mail
/// over IMAP (the catalogue's coverage rules forbid a check on a not-tested requirement, and an automated one that no
/// scenario exercises would hold back the readiness verdict). Register it, switch the requirement to automated, and list
/// it in that scenario together.
/// </remarks>
public sealed class ImapTlsBeforeLoginCheck : ICheck
{
    /// <summary>Skip reason when the DUI never tried to log in over IMAP.</summary>
    public const string NoLoginReason = "Aucune connexion IMAP authentifiée (ni tentative) à l'opérateur MSSanté simulé.";

    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "mss.imap.tls-before-login",
        TitleFr: "MSSanté : IMAP en TLS 1.2 ou plus avant LOGIN/AUTHENTICATE",
        TitleEn: "MSSanté: IMAP over TLS 1.2 or later before LOGIN/AUTHENTICATE",
        Verifies: [MailSecurityRequirementIds.Sec02],
        Inputs: [EvidenceKinds.ImapTranscript],
        Description: """
            Pour chaque session IMAP où le DUI s'est authentifié ou a tenté de le faire, d'après les faits relevés par le
            simulateur (STARTTLS sur le port IMAP ou TLS implicite) :
            - aucun LOGIN ni AUTHENTICATE envoyé avant TLS (`authBeforeTls` différent de `true`) ;
            - connexion réussie seulement sous TLS (`tls=true`) ;
            - en TLS 1.2 ou 1.3 (`tlsProtocol`).

            Source : SC.MSS/CONF.06 (domain.md §4.2, §8.5 **MSS-02**).
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var findings = new List<Finding>();
        var judged = new List<string>();
        foreach (var item in evidence.OfKind(EvidenceKinds.ImapTranscript))
        {
            var loggedIn = !string.IsNullOrWhiteSpace(item.Property(ImapProperties.AuthMechanism));
            var triedBeforeTls = item.Flag(ImapProperties.AuthBeforeTls);
            if (!loggedIn && !triedBeforeTls)
            {
                continue;
            }

            judged.Add(item.Id);
            var session = item.Property(ImapProperties.Session) ?? "?";
            if (triedBeforeTls)
            {
                findings.Add(ImapSecurityFindings.LoginBeforeTls.At(At(item, ImapProperties.AuthBeforeTls), $"LOGIN ou AUTHENTICATE envoyé avant TLS (session IMAP {session}) : le secret a pu circuler en clair."));
            }

            if (!loggedIn)
            {
                continue;
            }

            if (!item.Flag(ImapProperties.Tls))
            {
                findings.Add(ImapSecurityFindings.NoTls.At(At(item, ImapProperties.Tls), $"Connexion IMAP authentifiée sans TLS (session {session})."));
            }
            else if (!SmtpSessionRules.AcceptedProtocols.Contains(item.Property(ImapProperties.TlsProtocol) ?? string.Empty, StringComparer.OrdinalIgnoreCase))
            {
                findings.Add(ImapSecurityFindings.TlsVersion.At(At(item, ImapProperties.TlsProtocol), $"Protocole TLS « {item.Property(ImapProperties.TlsProtocol)} » (session IMAP {session}) : TLS 1.2 ou 1.3 attendu."));
            }
        }

        return judged.Count == 0 ? CheckResult.Skip(NoLoginReason) : CheckResult.FromFindings(findings, judged);
    }

    private static FindingLocation At(EvidenceItem item, string property) => new(item.Id, null, property);
}
