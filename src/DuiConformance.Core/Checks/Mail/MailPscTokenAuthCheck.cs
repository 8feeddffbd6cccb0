using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Mail;

/// <summary>
/// SMTP and IMAP authentication by SASL XOAUTH2 or OAUTHBEARER with a Pro Santé Connect token (DUI-SEC-03). The operator
/// accepts these mechanisms only with a token that passes its validation (signature, issuer, expiry, not revoked, holder
/// of the mailbox), so the mechanism recorded on a successful login says a valid token was used.
/// </summary>
public sealed class MailPscTokenAuthCheck : ICheck
{
    /// <summary>The mechanisms that carry a Pro Santé Connect token.</summary>
    public static IReadOnlyList<string> TokenMechanisms { get; } = ["XOAUTH2", "OAUTHBEARER"];

    /// <summary>Skip reason when the DUI neither submitted a message nor logged in over IMAP.</summary>
    public const string NothingReason = "Aucun message soumis ni connexion IMAP authentifiée à l'opérateur MSSanté simulé.";

    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "mss.auth.psc-token",
        TitleFr: "MSSanté : authentification XOAUTH2 avec un jeton Pro Santé Connect",
        TitleEn: "MSSanté: XOAUTH2 authentication with a Pro Santé Connect token",
        Verifies: [MailSecurityRequirementIds.Sec03],
        Inputs: [EvidenceKinds.SmtpMessage, EvidenceKinds.ImapTranscript],
        Description: """
            Chaque message soumis en SMTP (`authMechanism` du message) et chaque connexion IMAP réussie (`authMechanism` de
            la session) l'ont été par SASL XOAUTH2 ou OAUTHBEARER. Le simulateur n'accepte ces mécanismes qu'avec un jeton
            Pro Santé Connect valide (signature, émetteur, expiration, non révoqué) dont le titulaire détient la boîte ; une
            authentification par mot de passe (PLAIN, LOGIN) est un écart.

            Source : SC.MSS/CONF.07 (domain.md §4.2, §8.5 **MSS-03**). Les BAL applicatives authentifiées par certificat
            (SC.MSS/CONF.27) ne sont pas encore simulées.
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var findings = new List<Finding>();
        var judged = new List<string>();
        foreach (var item in evidence.OfKind(EvidenceKinds.SmtpMessage))
        {
            judged.Add(item.Id);
            var mechanism = item.Property(SmtpProperties.AuthMechanism) ?? string.Empty;
            if (!IsToken(mechanism))
            {
                findings.Add(SmtpTokenFindings.NotTokenAuthenticated.At(
                    new FindingLocation(item.Id, null, SmtpProperties.AuthMechanism),
                    $"Message soumis après une authentification « {Shown(mechanism)} » (session {item.Property(SmtpProperties.Session) ?? "?"}) : XOAUTH2 avec un jeton Pro Santé Connect attendu."));
            }
        }

        foreach (var item in evidence.OfKind(EvidenceKinds.ImapTranscript))
        {
            var mechanism = item.Property(ImapProperties.AuthMechanism) ?? string.Empty;
            if (mechanism.Length == 0)
            {
                continue;
            }

            judged.Add(item.Id);
            if (!IsToken(mechanism))
            {
                findings.Add(ImapSecurityFindings.NotTokenAuthenticated.At(
                    new FindingLocation(item.Id, null, ImapProperties.AuthMechanism),
                    $"Connexion IMAP par « {mechanism} » (session {item.Property(ImapProperties.Session) ?? "?"}) : XOAUTH2 avec un jeton Pro Santé Connect attendu."));
            }
        }

        return judged.Count == 0 ? CheckResult.Skip(NothingReason) : CheckResult.FromFindings(findings, judged);
    }

    private static bool IsToken(string mechanism) => TokenMechanisms.Contains(mechanism, StringComparer.OrdinalIgnoreCase);

    private static string Shown(string mechanism) => mechanism.Length == 0 ? "aucune" : mechanism;
}
