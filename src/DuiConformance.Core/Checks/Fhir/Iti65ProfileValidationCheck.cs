using DuiConformance.Core.Evidence;
using DuiConformance.Core.Fhir.Profiles;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Fhir;

/// <summary>ITI-65 resources validate against the profiles with 0 errors (PDSM-12, DUI-DMP-15).</summary>
/// <remarks>
/// <c>run --fhir-package</c> gives it a checker that also holds the official packages; the FHIR-5307 note then names
/// their ids and versions in the report (domain.md §10: "print them in every report").
/// </remarks>
/// <param name="checker">The profile checker to use; <c>null</c> for the shared one over profiles/fhir.</param>
public sealed class Iti65ProfileValidationCheck(FhirProfileChecker? checker = null) : ICheck
{
    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "fhir.iti65.profile-validation",
        TitleFr: "ITI-65 : validation de profils FHIR sans erreur",
        TitleEn: "ITI-65: FHIR profile validation with no error",
        Verifies: [DmpRequirementIds.Dmp15],
        Inputs: [EvidenceKinds.FhirRequest],
        Description: """
            Chaque Bundle ITI-65 et toutes ses ressources sont validés par le contrôleur de profils FHIR du harnais
            (cardinalités, types, valeurs fixées et motifs, liaisons requises, découpages, invariants FHIRPath, règles
            INS) avec 0 erreur. Par défaut il juge avec les définitions de `profiles/fhir/`, écrites d'après domain.md
            (PDSm, FR Core INS), et non avec les paquets officiels ans.fhir.fr.pdsm 3.1.1 / ihe.iti.mhd 4.2.3 / FR Core
            2.1.0 : le message de la note FHIR-5307 dit quelles définitions ont servi. `dui-conformance validate
            --fhir-package` et `dui-conformance run --fhir-package` jugent aussi avec les paquets officiels donnés, nommés
            (id#version) dans la note FHIR-5307.

            Source : domain.md §1.4, §8.4 **PDSM-12**.
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence) => Iti65ProfileRules.Run(
        evidence,
        DmpRequirementIds.Dmp15,
        _ => true,
        _ => true,
        Iti65CheckRunner.NoRequestReason,
        withDefinitions: true,
        checkerOverride: checker);
}
