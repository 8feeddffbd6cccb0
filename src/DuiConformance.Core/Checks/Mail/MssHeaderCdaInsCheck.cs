using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Mail;

/// <summary>X-MSS-CODECDA and X-MSS-INS consistent with the CDA in IHE_XDM.ZIP (DUI-MSS-02).</summary>
public sealed class MssHeaderCdaInsCheck : ICheck
{
    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "mss.header.cda-ins",
        TitleFr: "MSSanté : en-têtes X-MSS-CODECDA et X-MSS-INS",
        TitleEn: "MSSanté: X-MSS-CODECDA and X-MSS-INS headers",
        Verifies: [RequirementIds.Mss02],
        Inputs: [EvidenceKinds.SmtpMessage],
        Description: """
            Pour chaque message : les documents CDA sont cherchés dans `IHE_XDM.ZIP` **sans passer par METADATA.XML**
            (tout fichier `IHE_XDM/**.XML` dont la racine est `ClinicalDocument`).
            - avec au moins un CDA : `X-MSS-CODECDA` = les `code/@code` des CDA séparés par des virgules (ordre
              indifférent) ; `X-MSS-INS` = `O` si au moins un CDA porte une INS qualifiée (id `recordTarget/patientRole`
              d'OID `1.2.250.1.213.1.4.8/.9/.10/.11` avec matricule, nom de famille, prénom, `birthTime`,
              `administrativeGenderCode`), sinon `N` ;
            - sans CDA : les deux en-têtes sont absents.

            Source : Réf#2 ECO.2.4.1 et ECO.2.4.2 (domain.md §4.4, §8.5 **MSS-06**).
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence) => MailCheckRunner.Run(evidence, MssHeaderRules.CdaAndIns);
}
