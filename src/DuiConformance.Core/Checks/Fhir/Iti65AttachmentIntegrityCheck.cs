using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Fhir;

/// <summary>ITI-65 attachment metadata, size and SHA-1 hash against the Binary bytes (DUI-DMP-03).</summary>
public sealed class Iti65AttachmentIntegrityCheck : ICheck
{
    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "fhir.iti65.attachment-integrity",
        TitleFr: "ITI-65 : intégrité des pièces (taille, empreinte SHA-1)",
        TitleEn: "ITI-65: attachment integrity (size, SHA-1 hash)",
        Verifies: [RequirementIds.Dmp03],
        Inputs: [EvidenceKinds.FhirRequest],
        Description: """
            Pour chaque `content.attachment` des `DocumentReference` des requêtes ITI-65 :
            - `contentType`, `size`, `hash` et `title` présents, `language` = `fr-FR` ;
            - `size` égale la longueur en octets du `Binary` référencé ;
            - `hash` égale le SHA-1 (en base64) des octets du `Binary`.

            Quand les octets ne sont pas dans le Bundle, taille et empreinte ne sont pas vérifiables (avertissement).
            Source : IHE MHD / PDSm (domain.md §3.4, §8.4 **PDSM-03**).
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence) => Iti65CheckRunner.Run(
        evidence,
        AttachmentIntegrityRules.Check,
        "Aucune DocumentReference dans les requêtes ITI-65 : intégrité des pièces non vérifiable.");
}
