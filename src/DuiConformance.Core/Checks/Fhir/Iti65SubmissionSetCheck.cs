using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Fhir;

/// <summary>ITI-65 SubmissionSet List complete (PDSM-06, DUI-DMP-12).</summary>
public sealed class Iti65SubmissionSetCheck : ICheck
{
    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "fhir.iti65.submission-set",
        TitleFr: "ITI-65 : List SubmissionSet complète",
        TitleEn: "ITI-65: complete SubmissionSet List",
        Verifies: [DmpRequirementIds.Dmp12],
        Inputs: [EvidenceKinds.FhirRequest],
        Description: """
            Vérifié par le contrôleur de profils FHIR (profil `dui-pdsm-submissionset` de `profiles/fhir/`) sur la
            `List` SubmissionSet des requêtes ITI-65 : extensions `designationType` (J03 / TRE_R209) et `sourceId`,
            `identifier[uniqueId]` et `identifier[entryUUID]`, `source` (ou l'extension `authorOrg`), `subject`,
            `date`, statut `current`, mode `working`, code `submissionset`.

            Source : domain.md §3.4, §8.4 **PDSM-06**.
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence) => Iti65ProfileRules.Run(
        evidence,
        DmpRequirementIds.Dmp12,
        issue => issue.ResourceType == "List",
        Iti65ProfileRules.HasList,
        "Aucune List dans les requêtes ITI-65 : SubmissionSet non vérifiable.");
}
