using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Cda;

/// <summary>CDA header: realmCode FR exactly once and the CDA R2 typeId (DUI-CDA-01).</summary>
public sealed class CdaHeaderRealmTypeIdCheck : ICheck
{
    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "cda.header.realm-typeid",
        TitleFr: "En-tête CDA : realmCode FR et typeId CDA R2",
        TitleEn: "CDA header: realmCode FR and CDA R2 typeId",
        Verifies: [RequirementIds.Cda01],
        Inputs: [EvidenceKinds.FhirRequest, EvidenceKinds.SmtpMessage],
        Description: """
            Pour chaque document CDA émis par le DUI (Binary des requêtes ITI-65, fichiers XML sous `IHE_XDM/` des pièces
            jointes `IHE_XDM.ZIP`) :
            - `realmCode` présent **exactement une fois**, avec `@code="FR"` ;
            - `typeId` avec `@root="2.16.840.1.113883.1.3"` et `@extension="POCD_HD000040"`.

            Un document XML illisible (mal formé, DTD, trop profond) est signalé (CDA-1001).
            Source : CI-SIS, structuration minimale (domain.md §3.1, §8.2 **CDA-01**).
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence) => CdaCheckRunner.Run(evidence, CdaHeaderRules.RealmAndTypeId);
}
