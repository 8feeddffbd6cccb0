using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Cda;

/// <summary>CDA header: the HL7 France and CI-SIS templateIds, three at least (DUI-CDA-02).</summary>
public sealed class CdaHeaderTemplateIdsCheck : ICheck
{
    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "cda.header.template-ids",
        TitleFr: "En-tête CDA : templateId HL7 France et CI-SIS",
        TitleEn: "CDA header: HL7 France and CI-SIS templateIds",
        Verifies: [RequirementIds.Cda02],
        Inputs: [EvidenceKinds.FhirRequest, EvidenceKinds.SmtpMessage],
        Description: """
            Pour chaque document CDA émis par le DUI, l'en-tête porte au moins trois `templateId`, dont
            `2.16.840.1.113883.2.8.2.1` (en-tête HL7 France) et `1.2.250.1.213.1.1.1.1` (conformité CI-SIS) ; le troisième
            est celui du modèle de volet (par exemple `1.2.250.1.213.1.1.1.22` pour le DLU).

            Source : CI-SIS, structuration minimale (domain.md §3.1, §8.2 **CDA-02**).
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence) => CdaCheckRunner.Run(evidence, CdaHeaderRules.TemplateIds);
}
