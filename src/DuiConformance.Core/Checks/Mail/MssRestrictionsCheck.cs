using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Mail;

/// <summary>MASQUE_PS never to a professional, INVISIBLE_PATIENT never to a patient mailbox (DUI-MSS-06, DUI-MES-02).</summary>
public sealed class MssRestrictionsCheck : ICheck
{
    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "mss.xdm.restrictions",
        TitleFr: "MSSanté : restrictions de visibilité respectées",
        TitleEn: "MSSanté: visibility restrictions honoured",
        Verifies: [MssRequirementIds.Mss06, MssRequirementIds.Mes02],
        Inputs: [EvidenceKinds.SmtpMessage],
        Description: """
            Les codes de confidentialité du document envoyé dans IHE_XDM.ZIP (classifications `confidentialityCode` du
            METADATA.XML et `confidentialityCode` du CDA) sont comparés aux destinataires d'enveloppe : un document
            `MASQUE_PS` n'est jamais envoyé à une BAL professionnelle (DUI-MSS-06), un document `INVISIBLE_PATIENT`
            jamais à une adresse `@patient.mssante.fr` (DUI-MES-02).

            Source : TRE_A07-StatutVisibiliteDocument, volets MSSanté HL7v2 (domain.md §3.5, §8.5 **MSS-11**).
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence) =>
        MailCheckRunner.Run(evidence, MssRestrictionRules.Check, "Aucun message MSSanté portant une archive IHE_XDM.ZIP.");
}
