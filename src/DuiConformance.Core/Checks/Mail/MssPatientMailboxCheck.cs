using DuiConformance.Core.Documents;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Mail;

/// <summary>Mon espace santé address is a valid INS-NIR, X-MSS-MES rules (DUI-MES-01).</summary>
public sealed class MssPatientMailboxCheck : ICheck
{
    /// <summary>Skip reason when nothing went to a patient mailbox.</summary>
    public const string NotApplicableReason = "Aucun message vers une BAL @patient.mssante.fr ni d'en-tête X-MSS-MES.";

    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "mss.patient.mailbox",
        TitleFr: "Messagerie citoyenne : adresse INS-NIR et X-MSS-MES",
        TitleEn: "Patient messaging: INS-NIR address and X-MSS-MES",
        Verifies: [MssRequirementIds.Mes01],
        Inputs: [EvidenceKinds.SmtpMessage, EvidenceKinds.SmtpTranscript],
        Description: """
            Toute adresse `@patient.mssante.fr` à laquelle le DUI écrit (commandes `RCPT TO` des transcriptions SMTP,
            acceptées ou refusées par l'opérateur, et destinataires des messages) a pour partie locale un matricule
            INS-NIR de 15 chiffres dont la clé est juste. `X-MSS-MES` vaut exactement `FIN`, une seule fois, et seulement
            sur un message à destination d'une BAL de patient.

            Source : Réf#2 ECO.2.2.8, `MSS/va1.20` (domain.md §4.1, §4.4, §8.5 **MSS-07**).
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var findings = new List<Finding>();
        var judged = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        void Judge(EvidenceItem item, IEnumerable<string> addresses)
        {
            foreach (var address in addresses.Where(MssPatientRules.IsPatientAddress))
            {
                if (!judged.Contains(item.Id))
                {
                    judged.Add(item.Id);
                }

                if (seen.Add(address) && MssPatientRules.AddressProblem(address) is { } problem)
                {
                    findings.Add(MailFindings.PatientAddressInvalid.At(new FindingLocation(item.Id, "RCPT TO:<" + address + ">"),
                        $"Adresse de messagerie citoyenne <{address}> invalide : {problem} (domain.md §4.1)."));
                }
            }
        }

        foreach (var item in evidence.OfKind(EvidenceKinds.SmtpMessage))
        {
            Judge(item, (item.Property(SmtpProperties.RcptTo) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries));
            if (MssPatientRules.MesHeader(item, MailMessageReader.Read(evidence.Content(item))) is { } found)
            {
                findings.AddRange(found);
                if (!judged.Contains(item.Id))
                {
                    judged.Add(item.Id);
                }
            }
        }

        foreach (var item in evidence.OfKind(EvidenceKinds.SmtpTranscript))
        {
            Judge(item, MssPatientRules.RcptAddresses(evidence.Content(item).Span));
        }

        return judged.Count == 0 ? CheckResult.Skip(NotApplicableReason) : CheckResult.FromFindings(findings, judged);
    }
}
