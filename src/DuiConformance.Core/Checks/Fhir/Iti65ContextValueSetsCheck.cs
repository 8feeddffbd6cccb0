using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Fhir;

/// <summary>ITI-65 DocumentReference context and format from the value sets (PDSM-04, DUI-DMP-11).</summary>
public sealed class Iti65ContextValueSetsCheck : ICheck
{
    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "fhir.iti65.context-value-sets",
        TitleFr: "ITI-65 : contexte de la DocumentReference et format issus des jeux de valeurs",
        TitleEn: "ITI-65: DocumentReference context and format from the value sets",
        Verifies: [DmpRequirementIds.Dmp11],
        Inputs: [EvidenceKinds.FhirRequest],
        Description: """
            Vérifié par le contrôleur de profils FHIR sur chaque `DocumentReference` des requêtes ITI-65, avec les
            profils de `profiles/fhir/` : `context.period.start`, `context.facilityType` (J02 / TRE_R02),
            `context.practiceSetting` (J04) présents et `content.format` (J10) présent ; liaisons extensibles aux
            jeux de valeurs (un code hors système est un avertissement ; la liste des codes n'étant pas dans
            domain.md, le code lui-même n'est pas vérifiable hors ligne, ce que dit une note).

            Source : domain.md §3.4, §8.4 **PDSM-04**.
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence) => Iti65ProfileRules.Run(
        evidence,
        DmpRequirementIds.Dmp11,
        issue => issue.ResourceType == "DocumentReference"
            && (issue.ElementPath.StartsWith("DocumentReference.context", StringComparison.Ordinal)
                || issue.ElementPath.StartsWith("DocumentReference.content.format", StringComparison.Ordinal)),
        Iti65ProfileRules.HasDocumentReference,
        "Aucune DocumentReference dans les requêtes ITI-65 : contexte non vérifiable.");
}
