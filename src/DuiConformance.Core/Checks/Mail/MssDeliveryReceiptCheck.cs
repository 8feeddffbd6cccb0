using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Mail;

/// <summary>Delivery receipt requested with NOTIFY=SUCCESS,FAILURE and an ENVID (DUI-MSS-08).</summary>
public sealed class MssDeliveryReceiptCheck : ICheck
{
    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "mss.receipt.delivery-requested",
        TitleFr: "MSSanté : accusé de remise demandé (DSN)",
        TitleEn: "MSSanté: delivery receipt requested (DSN)",
        Verifies: [MssRequirementIds.Mss08],
        Inputs: [EvidenceKinds.SmtpMessage],
        Description: """
            Dans un scénario où l'utilisateur demande un accusé de remise, chaque `RCPT TO` de la transaction SMTP porte
            `NOTIFY=SUCCESS,FAILURE` et `MAIL FROM` porte un `ENVID`, pour rattacher l'avis de remise (DSN) renvoyé au
            message. Lu sur les paramètres SMTP enregistrés par l'opérateur simulé.

            Source : RFC 3461 §4.1, §4.4, `MSS/va1.15` (domain.md §4.5, §8.5 **MSS-13**).
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence) => MailCheckRunner.Run(evidence, MssReceiptRules.DeliveryReceiptRequested);
}
