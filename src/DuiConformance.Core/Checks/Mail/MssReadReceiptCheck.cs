using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Mail;

/// <summary>Read receipt requested with Disposition-Notification-To (DUI-MSS-07).</summary>
public sealed class MssReadReceiptCheck : ICheck
{
    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "mss.receipt.read-requested",
        TitleFr: "MSSanté : accusé de lecture demandé",
        TitleEn: "MSSanté: read receipt requested",
        Verifies: [MssRequirementIds.Mss07],
        Inputs: [EvidenceKinds.SmtpMessage],
        Description: """
            Dans un scénario où l'utilisateur demande un accusé de lecture, chaque message porte un seul en-tête
            `Disposition-Notification-To` avec une adresse, celle de l'expéditeur d'enveloppe (sinon le destinataire
            n'envoie pas d'accusé automatique).

            Source : RFC 8098 §2.1, `MSS/va1.14` (domain.md §4.5, §8.5 **MSS-12**).
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence) => MailCheckRunner.Run(evidence, MssReceiptRules.ReadReceiptRequested);
}
