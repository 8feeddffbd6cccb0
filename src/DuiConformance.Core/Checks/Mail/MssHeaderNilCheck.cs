using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Mail;

/// <summary>X-MSS-NIL on every message (DUI-MSS-01).</summary>
public sealed class MssHeaderNilCheck : ICheck
{
    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "mss.header.nil",
        TitleFr: "MSSanté : en-tête X-MSS-NIL",
        TitleEn: "MSSanté: X-MSS-NIL header",
        Verifies: [RequirementIds.Mss01],
        Inputs: [EvidenceKinds.SmtpMessage],
        Description: """
            Chaque message soumis à l'opérateur MSSanté porte l'en-tête `X-MSS-NIL`, non vide (référence Convergence du
            produit). Lu sur les en-têtes bruts du message.

            Source : Réf#2 ECO.2.4.3 (domain.md §4.4, §8.5 **MSS-05**).
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence) => MailCheckRunner.Run(evidence, MssHeaderRules.NilPresent);
}
