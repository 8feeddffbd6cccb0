using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Mail;

/// <summary>RFC 5322 basics and body structure of MSSanté messages (DUI-MSS-03).</summary>
public sealed class MssMessageRfc5322Check : ICheck
{
    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "mss.message.rfc5322",
        TitleFr: "MSSanté : format RFC 5322 du message",
        TitleEn: "MSSanté: RFC 5322 message format",
        Verifies: [RequirementIds.Mss03],
        Inputs: [EvidenceKinds.SmtpMessage],
        Description: """
            Pour chaque message (en-têtes bruts, tels que reçus) :
            - exactement un `Message-ID`, un `Date` et un `From`, chacun syntaxiquement valide (RFC 5322 §3.3, §3.6.2,
              §3.6.4) ;
            - corps de premier niveau `text/plain` ou `multipart/alternative`, ou `multipart/mixed` dont la première
              partie est l'un des deux (pièces jointes ensuite).

            Source : MSS/va1.08, va1.11 (domain.md §4.5, §8.5 **MSS-08**).
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence) => MailCheckRunner.Run(evidence, Rfc5322Rules.Check);
}
