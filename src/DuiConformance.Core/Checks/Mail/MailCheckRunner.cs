using DuiConformance.Core.Documents;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Mail;

/// <summary>
/// The shared body of the MSSanté message checks: read every <c>smtp-message</c>, apply one rule to each, collect every
/// finding. A rule returns <c>null</c> for a message it does not apply to.
/// </summary>
public static class MailCheckRunner
{
    /// <summary>Skip reason when no message was recorded.</summary>
    public const string NoMessageReason = "Aucun message reçu par l'opérateur MSSanté simulé (SMTP).";

    /// <summary>Applies <paramref name="rule"/> to every recorded message.</summary>
    public static CheckResult Run(EvidenceSet evidence, Func<EvidenceItem, MailMessage, IReadOnlyList<Finding>?> rule, string? notApplicableReason = null)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(rule);
        var items = evidence.OfKind(EvidenceKinds.SmtpMessage).ToList();
        if (items.Count == 0)
        {
            return CheckResult.Skip(NoMessageReason);
        }

        var findings = new List<Finding>();
        var judged = new List<string>();
        foreach (var item in items)
        {
            var message = MailMessageReader.Read(evidence.Content(item));
            if (rule(item, message) is { } found)
            {
                findings.AddRange(found);
                judged.Add(item.Id);
            }
        }

        if (judged.Count == 0)
        {
            return CheckResult.Skip(notApplicableReason ?? NoMessageReason);
        }

        return CheckResult.FromFindings(findings, judged);
    }

    /// <summary>The location of a top-level header of a message (or of where it should be).</summary>
    public static FindingLocation At(EvidenceItem item, string headerName, RawHeader? header = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new FindingLocation(item.Id, null, header?.Name ?? headerName, header?.Line);
    }
}
