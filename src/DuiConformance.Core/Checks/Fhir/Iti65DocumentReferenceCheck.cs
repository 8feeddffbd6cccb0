using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Fhir;

/// <summary>ITI-65 DocumentReference metadata (DUI-DMP-02).</summary>
public sealed class Iti65DocumentReferenceCheck : ICheck
{
    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "fhir.iti65.document-reference",
        TitleFr: "ITI-65 : métadonnées de la DocumentReference",
        TitleEn: "ITI-65: DocumentReference metadata",
        Verifies: [RequirementIds.Dmp02],
        Inputs: [EvidenceKinds.FhirRequest],
        Description: """
            Pour chaque `DocumentReference` des requêtes ITI-65 :
            - `masterIdentifier` présent, `system` = `urn:ietf:rfc:3986`, valeur `urn:oid:…` ou `urn:uuid:…` ;
            - `status` = `current` ;
            - `type`, `category` (codés), `custodian`, `date` et `subject` présents ;
            - au moins un `author`, chaque référence résolue (ressource contenue `#id`, ou entrée `urn:uuid:` du Bundle).

            Source : PDSm Comprehensive DocumentReference (domain.md §3.4, §8.4 **PDSM-02**).
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence) => Iti65CheckRunner.Run(
        evidence,
        DocumentReferenceRules.Check,
        "Aucune DocumentReference dans les requêtes ITI-65 : métadonnées non vérifiables.");
}
