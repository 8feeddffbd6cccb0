using System.Globalization;
using System.Text;
using DuiConformance.Simulators.Mail;
using MimeKit;

namespace DuiConformance.Simulators.Imap.Commands;

/// <summary>
/// The SEARCH keys (RFC 3501 §6.4.4) compiled into one predicate: flags, NEW/OLD/RECENT, KEYWORD, FROM/TO/CC/BCC/SUBJECT,
/// HEADER, BODY, TEXT, BEFORE/ON/SINCE, SENTBEFORE/SENTON/SENTSINCE, LARGER/SMALLER, UID, sequence sets, NOT, OR and
/// parenthesized groups. Text matches are case-insensitive substrings.
/// </summary>
internal sealed class ImapSearchCriteria
{
    private readonly Func<ImapSearchCandidate, bool> _predicate;

    private ImapSearchCriteria(Func<ImapSearchCandidate, bool> predicate)
    {
        _predicate = predicate;
    }

    public static ImapSearchCriteria Parse(IReadOnlyList<ImapToken> arguments)
    {
        var tokens = arguments.ToList();
        if (tokens.Count >= 2 && tokens[0].Kind == ImapTokenKind.Atom && string.Equals(tokens[0].Text, "CHARSET", StringComparison.OrdinalIgnoreCase))
        {
            var charset = tokens[1].Text;
            if (!string.Equals(charset, "UTF-8", StringComparison.OrdinalIgnoreCase) && !string.Equals(charset, "US-ASCII", StringComparison.OrdinalIgnoreCase))
            {
                throw ImapReplyException.No("[BADCHARSET (UTF-8 US-ASCII)] Unsupported charset.");
            }

            tokens.RemoveRange(0, 2);
        }

        if (tokens.Count == 0)
        {
            throw ImapReplyException.Syntax("Error in IMAP command SEARCH: missing search keys.");
        }

        var position = 0;
        var all = new List<Func<ImapSearchCandidate, bool>>();
        while (position < tokens.Count)
        {
            all.Add(ParseKey(tokens, ref position));
        }

        return new ImapSearchCriteria(candidate => all.TrueForAll(key => key(candidate)));
    }

    public bool Matches(ImapSearchCandidate candidate) => _predicate(candidate);

    private static Func<ImapSearchCandidate, bool> ParseKey(List<ImapToken> tokens, ref int position)
    {
        var token = tokens[position++];
        if (token.Kind == ImapTokenKind.List)
        {
            var inner = Parse(token.Children);
            return inner.Matches;
        }

        var key = token.Text.ToUpperInvariant();
        switch (key)
        {
            case "ALL": return _ => true;
            case "ANSWERED": return Flag("\\Answered", true);
            case "DELETED": return Flag("\\Deleted", true);
            case "DRAFT": return Flag("\\Draft", true);
            case "FLAGGED": return Flag("\\Flagged", true);
            case "SEEN": return Flag("\\Seen", true);
            case "UNANSWERED": return Flag("\\Answered", false);
            case "UNDELETED": return Flag("\\Deleted", false);
            case "UNDRAFT": return Flag("\\Draft", false);
            case "UNFLAGGED": return Flag("\\Flagged", false);
            case "UNSEEN": return Flag("\\Seen", false);
            case "RECENT": return candidate => candidate.Recent;
            case "OLD": return candidate => !candidate.Recent;
            case "NEW": return candidate => candidate.Recent && !candidate.Message.HasFlag("\\Seen");
            case "KEYWORD": return Flag(Next(tokens, ref position), true);
            case "UNKEYWORD": return Flag(Next(tokens, ref position), false);
            case "FROM" or "TO" or "CC" or "BCC" or "SUBJECT":
                var header = key[..1] + key[1..].ToLowerInvariant();
                var wanted = Next(tokens, ref position);
                return candidate => Contains(candidate.HeaderValue(header), wanted);
            case "HEADER":
                var field = Next(tokens, ref position);
                var value = Next(tokens, ref position);
                return candidate => candidate.Parsed.Headers.Contains(field) && Contains(candidate.HeaderValue(field), value);
            case "BODY":
                var bodyText = Next(tokens, ref position);
                return candidate => Contains(candidate.BodyText(), bodyText);
            case "TEXT":
                var anyText = Next(tokens, ref position);
                return candidate => Contains(candidate.HeaderText(), anyText) || Contains(candidate.BodyText(), anyText);
            case "BEFORE": { var date = Date(Next(tokens, ref position)); return candidate => candidate.Message.InternalDate.UtcDateTime.Date < date; }
            case "ON": { var date = Date(Next(tokens, ref position)); return candidate => candidate.Message.InternalDate.UtcDateTime.Date == date; }
            case "SINCE": { var date = Date(Next(tokens, ref position)); return candidate => candidate.Message.InternalDate.UtcDateTime.Date >= date; }
            case "SENTBEFORE": { var date = Date(Next(tokens, ref position)); return candidate => candidate.SentDate() is { } sent && sent < date; }
            case "SENTON": { var date = Date(Next(tokens, ref position)); return candidate => candidate.SentDate() is { } sent && sent == date; }
            case "SENTSINCE": { var date = Date(Next(tokens, ref position)); return candidate => candidate.SentDate() is { } sent && sent >= date; }
            case "LARGER": { var size = Number(Next(tokens, ref position)); return candidate => candidate.Message.Size > size; }
            case "SMALLER": { var size = Number(Next(tokens, ref position)); return candidate => candidate.Message.Size < size; }
            case "UID":
                var uids = ImapSequenceSet.Parse(Next(tokens, ref position));
                return candidate => uids.Contains(candidate.Message.Uid, candidate.LargestUid);
            case "NOT":
                var negated = ParseKey(tokens, ref position);
                return candidate => !negated(candidate);
            case "OR":
                var left = ParseKey(tokens, ref position);
                var right = ParseKey(tokens, ref position);
                return candidate => left(candidate) || right(candidate);
            default:
                if (token.Kind == ImapTokenKind.Atom && token.Text.Length > 0 && (char.IsAsciiDigit(token.Text[0]) || token.Text[0] == '*'))
                {
                    var sequence = ImapSequenceSet.Parse(token.Text);
                    return candidate => sequence.Contains((uint)candidate.Sequence, (uint)candidate.ViewCount);
                }

                throw ImapReplyException.Syntax("Error in IMAP command SEARCH: unknown search key " + token.Text + ".");
        }
    }

    private static Func<ImapSearchCandidate, bool> Flag(string flag, bool set) => candidate => candidate.Message.HasFlag(flag) == set;

    private static string Next(List<ImapToken> tokens, ref int position)
    {
        if (position >= tokens.Count || !tokens[position].IsString)
        {
            throw ImapReplyException.Syntax("Error in IMAP command SEARCH: missing argument.");
        }

        return tokens[position++].Text;
    }

    private static bool Contains(string? haystack, string needle) =>
        haystack is not null && haystack.Contains(needle, StringComparison.OrdinalIgnoreCase);

    private static DateTime Date(string text) =>
        DateTime.TryParseExact(text, ["d-MMM-yyyy", "dd-MMM-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.Date
            : throw ImapReplyException.Syntax("Error in IMAP command SEARCH: invalid date " + text + ".");

    private static long Number(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw ImapReplyException.Syntax("Error in IMAP command SEARCH: invalid number " + text + ".");
}
