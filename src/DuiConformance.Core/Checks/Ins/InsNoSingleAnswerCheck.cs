using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Ins;

/// <summary>INS: no INS nor RECUP/QUAL status after an INSi 01 or 02 answer (DUI-INS-09).</summary>
public sealed class InsNoSingleAnswerCheck : ICheck
{
    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "ins.insi.no-single-answer",
        TitleFr: "INS : pas d'INS ni de statut RECUP/QUAL après une réponse INSi 01 ou 02",
        TitleEn: "INS: no INS nor RECUP/QUAL status after an INSi 01 or 02 answer",
        Verifies: [InsRequirementIds.Ins09],
        Inputs: [EvidenceKinds.InsiResponse, EvidenceKinds.FhirRequest, EvidenceKinds.SmtpMessage],
        Description: """
            Après une réponse INSi 01 (aucune identité) ou 02 (plusieurs) pour une personne (nom de naissance et date de naissance),
            rien de ce que le DUI transmet ensuite pour elle ne porte d'INS ni le statut `RECUP` ou `QUAL`.

            Source : domain.md §2.1, §8.1 **INS-09**, **INS-10**.
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence) => InsEmissionRules.NoSingleAnswer(evidence);
}
