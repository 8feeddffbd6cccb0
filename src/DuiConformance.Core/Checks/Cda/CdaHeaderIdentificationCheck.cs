using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Cda;

/// <summary>CDA header: document id, code, title, effectiveTime and languageCode (DUI-CDA-02).</summary>
public sealed class CdaHeaderIdentificationCheck : ICheck
{
    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "cda.header.identification",
        TitleFr: "En-tête CDA : identification du document",
        TitleEn: "CDA header: document identification",
        Verifies: [RequirementIds.Cda02],
        Inputs: [EvidenceKinds.FhirRequest, EvidenceKinds.SmtpMessage],
        Description: """
            Pour chaque document CDA émis par le DUI :
            - `id@root` présent et de la forme d'un OID ;
            - `code` avec `@code`, `@codeSystem` et `@displayName` ;
            - `title` non vide ;
            - `effectiveTime@value` présent ;
            - `languageCode@code="fr-FR"`.

            Source : CI-SIS, structuration minimale (domain.md §3.1, §8.2 **CDA-03**).
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence) => CdaCheckRunner.Run(evidence, CdaHeaderRules.Identification);
}
