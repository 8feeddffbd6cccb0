using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Mail;

/// <summary>SMTP submission over TLS 1.2+ with AUTH only after TLS (DUI-SEC-01).</summary>
public sealed class SmtpTlsBeforeAuthCheck : ICheck
{
    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "mss.smtp.tls-before-auth",
        TitleFr: "MSSanté : STARTTLS (TLS 1.2 ou plus) avant AUTH",
        TitleEn: "MSSanté: STARTTLS (TLS 1.2 or later) before AUTH",
        Verifies: [RequirementIds.Sec01],
        Inputs: [EvidenceKinds.SmtpMessage],
        Description: """
            Pour chaque message reçu, d'après les faits relevés sur la session SMTP par le simulateur :
            - reçu sous TLS (`tls=true`) en TLS 1.2 ou 1.3 (`tlsProtocol`) ;
            - soumis après authentification (`authMechanism` non vide) ;
            - AUTH jamais envoyé avant TLS (`authBeforeTls` différent de `true`).

            Source : SC.MSS/CONF.01/.03/.05 (domain.md §4.2, §8.5 **MSS-01**).
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence) => MailCheckRunner.Run(evidence, (item, _) => SmtpSessionRules.Check(item));
}
