using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Ins;

/// <summary>INS: INS OID (production, test) consistent with INSi (DUI-INS-02).</summary>
public sealed class InsOidModeCheck : ICheck
{
    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "ins.oid.mode",
        TitleFr: "INS : OID de l'INS (production, test) et cohérence avec l'INSi",
        TitleEn: "INS: INS OID (production, test) consistent with INSi",
        Verifies: [InsRequirementIds.Ins02],
        Inputs: [EvidenceKinds.FhirRequest, EvidenceKinds.SmtpMessage, EvidenceKinds.InsiResponse],
        Description: """
            Chaque OID d'INS transmis est `1.2.250.1.213.1.4.8`, `.9`, `.10` ou `.11` ; un même document ou message ne mêle
            jamais OID de production (.8/.9) et de test ou démonstration (.10/.11) ; une INS renvoyée par l'INSi (réponse 00
            enregistrée) est transmise avec l'OID que l'INSi lui a donné : une INS de production ne part jamais avec l'OID de test.

            Source : domain.md §2.3, §8.1 **INS-02**.
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence) => InsEmissionRules.Oids(evidence);
}
