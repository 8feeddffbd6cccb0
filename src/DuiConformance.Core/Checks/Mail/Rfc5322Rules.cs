using System.Text.RegularExpressions;
using DuiConformance.Core.Documents;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;
using MimeKit;
using MimeKit.Utils;

namespace DuiConformance.Core.Checks.Mail;

/// <summary>RFC 5322 basics checked on the raw headers, and the body structure MSSanté expects (domain.md §4.5, §8.5 MSS-08).</summary>
public static partial class Rfc5322Rules
{
    private static readonly ParserOptions Strict = new() { AddressParserComplianceMode = RfcComplianceMode.Strict };

    /// <summary>Every RFC 5322 finding for one message.</summary>
    public static IReadOnlyList<Finding> Check(EvidenceItem item, MailMessage message)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(message);
        var findings = new List<Finding>();
        findings.AddRange(Single(item, message, "Message-ID", MailFindings.MessageIdCount, MailFindings.MessageIdSyntax, value => MessageIdPattern().IsMatch(value)));
        findings.AddRange(Single(item, message, "Date", MailFindings.DateCount, MailFindings.DateSyntax, IsDate));
        findings.AddRange(Single(item, message, "From", MailFindings.FromCount, MailFindings.FromSyntax, IsMailboxList));
        if (message.Message is null)
        {
            findings.Add(MailFindings.Unreadable.At(new FindingLocation(item.Id), message.Error ?? "Message MIME illisible."));
        }
        else if (BodyProblem(message.Message.Body) is { } problem)
        {
            findings.Add(MailFindings.BodyStructure.At(MailCheckRunner.At(item, "Content-Type", message.First("Content-Type")), problem));
        }

        return findings;
    }

    /// <summary>
    /// Why the top-level body is not allowed, or <c>null</c>: text/plain, multipart/alternative, or multipart/mixed whose
    /// first part is one of those two (MSS/va1.11).
    /// </summary>
    public static string? BodyProblem(MimeEntity? body)
    {
        if (body is null)
        {
            return "Message sans corps.";
        }

        if (IsReadable(body))
        {
            return null;
        }

        if (body is Multipart { ContentType: var type } mixed && type.IsMimeType("multipart", "mixed"))
        {
            if (mixed.Count == 0)
            {
                return "multipart/mixed sans aucune partie.";
            }

            return IsReadable(mixed[0])
                ? null
                : $"La première partie de multipart/mixed est {mixed[0].ContentType.MimeType} : attendu text/plain ou multipart/alternative.";
        }

        return $"Corps de premier niveau {body.ContentType.MimeType} : attendu text/plain, multipart/alternative, ou multipart/mixed commençant par l'un d'eux.";
    }

    private static bool IsReadable(MimeEntity entity) =>
        entity.ContentType.IsMimeType("text", "plain") || entity.ContentType.IsMimeType("multipart", "alternative");

    private static IEnumerable<Finding> Single(EvidenceItem item, MailMessage message, string name, FindingDefinition count, FindingDefinition syntax, Func<string, bool> valid)
    {
        var headers = message.All(name);
        if (headers.Count != 1)
        {
            yield return count.At(
                MailCheckRunner.At(item, name, headers.Count > 1 ? headers[1] : null),
                headers.Count == 0 ? $"En-tête {name} absent : exactement un est attendu (RFC 5322 §3.6)." : $"En-tête {name} présent {headers.Count} fois : exactement un est attendu (RFC 5322 §3.6).");
        }

        foreach (var header in headers.Where(header => !valid(header.Value)))
        {
            yield return syntax.At(MailCheckRunner.At(item, name, header), $"En-tête {name} invalide : « {header.Value} ».");
        }
    }

    private static bool IsDate(string value)
    {
        // Note: RFC 5322 §3.3 date-time (obsolete forms refused); MimeKit then checks the values are a real date.
        return DatePattern().IsMatch(value) && DateUtils.TryParse(value, out _);
    }

    private static bool IsMailboxList(string value) =>
        InternetAddressList.TryParse(Strict, value, out var list)
        && list.Mailboxes.Any()
        && list.Mailboxes.All(mailbox => mailbox.Address.Contains('@', StringComparison.Ordinal) && !mailbox.Address.EndsWith('@') && !mailbox.Address.StartsWith('@'));

    /// <summary>RFC 5322 §3.6.4 msg-id: "&lt;" dot-atom-text "@" (dot-atom-text / no-fold-literal) "&gt;".</summary>
    [GeneratedRegex(@"^<[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*|\[[\x21-\x5A\x5E-\x7E]*\])>$", RegexOptions.CultureInvariant)]
    private static partial Regex MessageIdPattern();

    /// <summary>RFC 5322 §3.3 date-time: [day ","] day month year hh:mm[:ss] zone [comment].</summary>
    [GeneratedRegex(@"^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s*,\s*)?\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+\d{4}\s+\d{2}:\d{2}(?::\d{2})?\s+[+-]\d{4}(?:\s*\([^()]*\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();
}
