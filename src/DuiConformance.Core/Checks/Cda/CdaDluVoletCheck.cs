using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Cda;

/// <summary>DLU volet: header constraints and the six mandatory sections (DUI-CDA-04).</summary>
public sealed class CdaDluVoletCheck : ICheck
{
    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "cda.dlu.volet",
        TitleFr: "Volet DLU : en-tête et sections obligatoires",
        TitleEn: "DLU volet: header and mandatory sections",
        Verifies: [RequirementIds.Cda04],
        Inputs: [EvidenceKinds.FhirRequest, EvidenceKinds.SmtpMessage],
        Description: """
            S'applique aux documents CDA qui se déclarent DLU : templateId `1.2.250.1.213.1.1.1.22`, ou code `74207-2` sans
            le templateId d'un autre volet qui partage ce code (FLUDT `…1.1.23`, FLUDR `…1.1.24`, IPS-FR `…1.1.51`) ;
            les autres documents ne sont pas jugés, et sans aucun DLU le contrôle est ignoré (Skip).
            - templateId `1.2.250.1.213.1.1.1.22` et code `74207-2` (LOINC `2.16.840.1.113883.6.1`) ;
            - `setId` et `versionNumber` présents ;
            - un `participant` `typeCode="INF"` avec `functionCode@code="PCP"` ;
            - `documentationOf/serviceEvent/code@code="34117-2"` avec un `effectiveTime` non nullFlavor ;
            - sections obligatoires, une fois chacune (par templateId) : établissement de santé de préférence
              (`1.3.6.1.4.1.19376.1.5.3.1.1.13.2.10`), traitements (`…1.3.19`), directives anticipées (`…1.3.35`),
              état psychique / handicaps / déplacements / risques (`1.3.6.1.4.1.19376.1.7.3.1.1.13.7`), BMR (`…1.3.28`),
              documents ajoutés (`1.2.250.1.213.1.1.2.37`) ; sections optionnelles au plus une fois.

            Source : CI-SIS volet DLU-EHPAD 2022.01 (domain.md §3.2, §8.2 **CDA-07**).
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence) => CdaCheckRunner.Run(
        evidence,
        DluRules.Check,
        reportUnreadable: false,
        notApplicableReason: "Aucun DLU parmi les documents CDA lisibles (ni templateId 1.2.250.1.213.1.1.1.22, ni code 74207-2) : volet DLU non applicable.");
}
