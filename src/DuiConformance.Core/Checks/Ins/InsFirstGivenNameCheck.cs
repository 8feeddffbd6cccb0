using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Ins;

/// <summary>INS: first birth given name and full list (DUI-INS-05).</summary>
public sealed class InsFirstGivenNameCheck : ICheck
{
    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "ins.given-name.first",
        TitleFr: "INS : premier prénom de naissance et liste complète",
        TitleEn: "INS: first birth given name and full list",
        Verifies: [InsRequirementIds.Ins05],
        Inputs: [EvidenceKinds.FhirRequest, EvidenceKinds.SmtpMessage, EvidenceKinds.InsiResponse],
        Description: """
            Pour chaque INS transmise que l'INSi a renvoyée : le prénom transmis (CDA `given@qualifier=BR`, FHIR
            `officialName.given`, unique) est le **premier** de `ListePrenom`, et la liste complète est conservée (CDA `given`
            sans qualificatif, FHIR extension `birth-list-given-name`).

            Source : domain.md §2.4, §8.1 **INS-05**.
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence) => InsEmissionRules.FirstGivenName(evidence);
}
