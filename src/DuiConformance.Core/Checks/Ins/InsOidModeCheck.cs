using DuiConformance.Core.Evidence;
using DuiConformance.Core.Fhir.Profiles;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Ins;

/// <summary>INS: INS OID (production, test) consistent with INSi (DUI-INS-02).</summary>
/// <remarks>
/// With an <see cref="InsMode"/> (<c>run --ins-mode</c>, domain.md §10 "make the INS test OID behaviour configurable"),
/// production also flags every test or demonstration OID (.10/.11) emitted, and test every production OID (.8/.9).
/// </remarks>
/// <param name="mode">Which OIDs the run expects; <see cref="InsMode.Unspecified"/> judges consistency only.</param>
public sealed class InsOidModeCheck(InsMode mode = InsMode.Unspecified) : ICheck
{
    /// <summary>Which OIDs this instance expects.</summary>
    public InsMode Mode { get; } = mode;

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

            Avec `run --ins-mode production` (défaut de `run`), tout OID de test ou de démonstration (.10/.11) émis est une
            erreur ; avec `--ins-mode test`, l'INSi simulé répond avec les OID de test et tout OID de production (.8/.9)
            émis est une erreur.

            Source : domain.md §2.3, §8.1 **INS-02**, §10.
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence) => InsEmissionRules.Oids(evidence, Mode);
}
