using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Ins;

/// <summary>INS: conveyed only for a qualified identity (DUI-INS-03).</summary>
public sealed class InsQualifiedOnlyCheck : ICheck
{
    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "ins.emission.qualified-only",
        TitleFr: "INS : transmise seulement pour une identité qualifiée",
        TitleEn: "INS: conveyed only for a qualified identity",
        Verifies: [InsRequirementIds.Ins03],
        Inputs: [EvidenceKinds.FhirRequest, EvidenceKinds.SmtpMessage],
        Description: """
            Un Patient FHIR (ITI-65) qui porte une INS déclare le statut `QUAL` (extension FR Core identityReliability) ; un CDA
            publié dans le même lot qu'un Patient non qualifié ne porte pas d'INS.

            Source : domain.md §1.4 (INS/va1.53), §2.4, §8.1 **INS-03**.
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence) => InsEmissionRules.QualifiedOnly(evidence);
}
