using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Ins;

/// <summary>INS: a mismatching INSi verification does not overwrite the stored INS (DUI-INS-12).</summary>
public sealed class InsVerificationNotOverwrittenCheck : ICheck
{
    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "ins.verification.not-overwritten",
        TitleFr: "INS : une vérification INSi discordante n'écrase pas l'INS enregistrée",
        TitleEn: "INS: a mismatching INSi verification does not overwrite the stored INS",
        Verifies: [InsRequirementIds.Ins12],
        Inputs: [EvidenceKinds.InsiResponse, EvidenceKinds.FhirRequest, EvidenceKinds.SmtpMessage],
        Description: """
            Quand une INS a été transmise pour une personne puis que l'INSi renvoie un autre matricule pour elle (vérification), rien
            de ce que le DUI transmet ensuite ne porte le matricule de l'INSi à la place de l'INS enregistrée : le DUI doit
            signaler l'incohérence, pas substituer en silence.

            Source : domain.md §2.2, §8.1 **INS-12**.
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence) => InsEmissionRules.NotOverwritten(evidence);
}
