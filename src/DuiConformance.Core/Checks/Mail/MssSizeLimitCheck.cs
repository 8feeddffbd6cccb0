using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Mail;

/// <summary>The operator's size limit respected: an over-size message held back or its 552 shown, never resubmitted (DUI-MSS-10).</summary>
public sealed class MssSizeLimitCheck : ICheck
{
    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "mss.size-limit",
        TitleFr: "MSSanté : taille maximale de l'opérateur respectée, refus 552 jamais renvoyé en boucle",
        TitleEn: "MSSanté: the operator's size limit respected, a 552 refusal never resubmitted",
        Verifies: [MssRequirementIds.Mss10],
        Inputs: [EvidenceKinds.SmtpTranscript],
        Description: """
            D'après les transcriptions SMTP de l'opérateur simulé (la taille `SIZE` annoncée dans la réponse à EHLO, le
            `SIZE=` déclaré sur `MAIL FROM`, les octets reçus après `DATA`, les réponses `552`) :
            - un message refusé pour sa taille (552) ou plus gros que la taille annoncée n'est jamais soumis de nouveau
              (erreur SMTP-3501 : un refus 5xx est définitif, l'utilisateur doit en être informé) ;
            - un `SIZE=` déclaré au-delà de la taille annoncée (SMTP-3502) ou un message trop gros transmis en entier
              après `DATA` (SMTP-3503) montrent que la taille n'a pas été contrôlée avant l'envoi (avertissements :
              l'opérateur refuse, le DUI doit alors montrer le refus).
            Un DUI qui retient le message (session sans `MAIL FROM`) passe. Que l'interface montre l'erreur de taille
            est vérifié par l'étape `attempt-send-mss` du scénario (texte attendu).

            Source : `MSS/va1.13`, RFC 1870 §4, §6 (domain.md §4.5, §8.5 **MSS-15**).
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence) => SmtpSizeRules.Evaluate(evidence);
}
