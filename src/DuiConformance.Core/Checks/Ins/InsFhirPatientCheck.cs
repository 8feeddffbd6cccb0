using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Ins;

/// <summary>INS: FHIR Patient follows fr-core-patient-ins (DUI-INS-11).</summary>
public sealed class InsFhirPatientCheck : ICheck
{
    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "ins.fhir.patient-ins",
        TitleFr: "INS : Patient FHIR conforme à fr-core-patient-ins",
        TitleEn: "INS: FHIR Patient follows fr-core-patient-ins",
        Verifies: [InsRequirementIds.Ins11],
        Inputs: [EvidenceKinds.FhirRequest],
        Description: """
            Chaque Patient FHIR (ITI-65) portant une INS : identityReliability présent, INS-NIR (et test/démo) en `use=official`,
            INS-NIA en `use=temp`, sexe, date de naissance, lieu de naissance INSEE, un seul nom officiel avec l'extension
            `birth-list-given-name`.

            Source : domain.md §2.3, §2.4, §8.1 **INS-11**.
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence) => PatientInsRules.Profile(evidence);
}
