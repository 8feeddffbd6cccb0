using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Ins;

/// <summary>INS: matricule and check key (DUI-INS-01).</summary>
public sealed class InsMatriculeKeyCheck : ICheck
{
    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "ins.matricule.key",
        TitleFr: "INS : matricule et clé de contrôle",
        TitleEn: "INS: matricule and check key",
        Verifies: [InsRequirementIds.Ins01],
        Inputs: [EvidenceKinds.FhirRequest, EvidenceKinds.SmtpMessage],
        Description: """
            Chaque INS transmise (CDA `recordTarget/patientRole/id`, identifiant INS du Patient FHIR, `patientId` des métadonnées XDM)
            compte 13 caractères (chiffres, `2A`/`2B` en positions 6–7) suivis d'une clé de 2 chiffres égale à
            97 − (n mod 97), 2A valant 19 et 2B 18.

            Source : domain.md §2.2, §8.1 **INS-01**.
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence) => InsEmissionRules.Matricules(evidence);
}
