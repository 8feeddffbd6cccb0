using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Ins;

/// <summary>INSi: well-formed search traits (DUI-INS-08).</summary>
public sealed class InsiTraitsCheck : ICheck
{
    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "ins.insi.traits",
        TitleFr: "INSi : traits de recherche bien formés",
        TitleEn: "INSi: well-formed search traits",
        Verifies: [InsRequirementIds.Ins08],
        Inputs: [EvidenceKinds.InsiRequest],
        Description: """
            Dans chaque `RECSANSVITALE` : `NomNaissance` en majuscules `[A-Z' -]`, un seul `Prenom`, `Sexe` M ou F, `DateNaissance`
            date valide AAAA-MM-JJ.

            Source : domain.md §2.2, §8.1 **INS-08**.
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence) => InsiRequestRules.Traits(evidence);
}
