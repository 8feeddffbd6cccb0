using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Cda;

/// <summary>CDA header participants: patient, legal authenticator, acts, related document, encounter (DUI-CDA-03).</summary>
public sealed class CdaHeaderParticipantsCheck : ICheck
{
    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "cda.header.participants",
        TitleFr: "En-tête CDA : participants",
        TitleEn: "CDA header: participants",
        Verifies: [RequirementIds.Cda03],
        Inputs: [EvidenceKinds.FhirRequest, EvidenceKinds.SmtpMessage],
        Description: """
            Pour chaque document CDA émis par le DUI :
            - exactement un `recordTarget` ;
            - exactement un `legalAuthenticator`, avec `time`, `signatureCode@code="S"` et `assignedEntity/assignedPerson` ;
            - au moins un `documentationOf` ;
            - au plus un `relatedDocument` ;
            - `componentOf` présent.

            Source : CI-SIS, structuration minimale (domain.md §3.1, §8.2 **CDA-04**).
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence) => CdaCheckRunner.Run(evidence, CdaHeaderRules.Participants);
}
