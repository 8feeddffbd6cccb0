using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Ins;

/// <summary>INS: traits sent equal the INSi traits (DUI-INS-04).</summary>
public sealed class InsTraitsInsiCheck : ICheck
{
    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "ins.traits.insi",
        TitleFr: "INS : traits transmis égaux aux traits INSi",
        TitleEn: "INS: traits sent equal the INSi traits",
        Verifies: [InsRequirementIds.Ins04],
        Inputs: [EvidenceKinds.FhirRequest, EvidenceKinds.SmtpMessage, EvidenceKinds.InsiResponse],
        Description: """
            Pour chaque INS transmise que l'INSi a renvoyée plus tôt (réponse 00) : nom de naissance, date de naissance, sexe (et
            lieu de naissance INSEE dans FHIR) égaux aux traits `TIQ` de la réponse. Le prénom relève de `ins.given-name.first`.

            Source : domain.md §2.4, §8.1 **INS-04**.
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence) => InsEmissionRules.Traits(evidence);
}
