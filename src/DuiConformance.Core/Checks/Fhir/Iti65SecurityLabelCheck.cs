using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Fhir;

/// <summary>ITI-65 securityLabel codes from N and TRE_A07 only (PDSM-05, DUI-DMP-08).</summary>
public sealed class Iti65SecurityLabelCheck : ICheck
{
    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "fhir.iti65.security-label",
        TitleFr: "ITI-65 : codes de confidentialité (securityLabel) N et TRE_A07 seulement",
        TitleEn: "ITI-65: securityLabel codes N and TRE_A07 only",
        Verifies: [DmpRequirementIds.Dmp08],
        Inputs: [EvidenceKinds.FhirRequest],
        Description: """
            Vérifié par le contrôleur de profils FHIR : chaque `securityLabel` des `DocumentReference` ITI-65 est
            dans le jeu de valeurs requis `dui-security-label` de `profiles/fhir/` : `N` (v3-Confidentiality) ou un
            code de TRE_A07 (INVISIBLE_PATIENT, INVISIBLE_REPRESENTANTS_LEGAUX, MASQUE_PS, MASQUE_PSOCIAL, MASQUE_PT).

            Source : domain.md §3.5, §8.3 DMP-08, §8.4 **PDSM-05**.
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence) => Iti65ProfileRules.Run(
        evidence,
        DmpRequirementIds.Dmp08,
        issue => issue.ResourceType == "DocumentReference" && issue.ElementPath.StartsWith("DocumentReference.securityLabel", StringComparison.Ordinal),
        Iti65ProfileRules.HasDocumentReference,
        "Aucune DocumentReference dans les requêtes ITI-65 : codes de confidentialité non vérifiables.");
}
