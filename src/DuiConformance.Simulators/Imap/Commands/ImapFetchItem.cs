using System.Globalization;
using System.Text.RegularExpressions;

namespace DuiConformance.Simulators.Imap.Commands;

/// <summary>One FETCH data item (RFC 3501 §6.4.5), e.g. <c>FLAGS</c> or <c>BODY.PEEK[1.HEADER.FIELDS (FROM)]&lt;0.100&gt;</c>.</summary>
/// <param name="Name">The item in upper case without section or partial: FLAGS, UID, INTERNALDATE, RFC822.SIZE, ENVELOPE, BODYSTRUCTURE, BODY, BODY[], RFC822, RFC822.HEADER, RFC822.TEXT.</param>
/// <param name="Section">The section text between the brackets for BODY[…], as sent; <c>null</c> otherwise.</param>
/// <param name="Peek">True for BODY.PEEK and RFC822.HEADER: <c>\Seen</c> is not set.</param>
/// <param name="PartialStart">The origin octet of a partial fetch, or <c>null</c>.</param>
/// <param name="PartialLength">The octet count of a partial fetch, or <c>null</c>.</param>
internal sealed partial record ImapFetchItem(string Name, string? Section, bool Peek, long? PartialStart, long? PartialLength)
{
    /// <summary>Parses the items of FETCH: one atom, a macro (ALL, FAST, FULL) or a list.</summary>
    public static IReadOnlyList<ImapFetchItem> ParseAll(IReadOnlyList<ImapToken> arguments)
    {
        if (arguments.Count == 0)
        {
            throw ImapReplyException.Syntax("Error in IMAP command FETCH: missing items.");
        }

        var tokens = arguments.Count == 1 && arguments[0].Kind == ImapTokenKind.List ? arguments[0].Children : arguments;
        var items = new List<ImapFetchItem>();
        foreach (var token in tokens)
        {
            if (token.Kind != ImapTokenKind.Atom)
            {
                throw ImapReplyException.Syntax("Error in IMAP command FETCH: invalid item.");
            }

            switch (token.Text.ToUpperInvariant())
            {
                case "ALL" when tokens.Count == 1:
                    items.AddRange([Simple("FLAGS"), Simple("INTERNALDATE"), Simple("RFC822.SIZE"), Simple("ENVELOPE")]);
                    break;
                case "FAST" when tokens.Count == 1:
                    items.AddRange([Simple("FLAGS"), Simple("INTERNALDATE"), Simple("RFC822.SIZE")]);
                    break;
                case "FULL" when tokens.Count == 1:
                    items.AddRange([Simple("FLAGS"), Simple("INTERNALDATE"), Simple("RFC822.SIZE"), Simple("ENVELOPE"), Simple("BODY")]);
                    break;
                case "FLAGS" or "UID" or "INTERNALDATE" or "RFC822.SIZE" or "ENVELOPE" or "BODYSTRUCTURE" or "BODY" or "RFC822" or "RFC822.TEXT":
                    items.Add(Simple(token.Text.ToUpperInvariant()));
                    break;
                case "RFC822.HEADER":
                    items.Add(new ImapFetchItem("RFC822.HEADER", null, Peek: true, null, null));
                    break;
                default:
                    items.Add(ParseSection(token.Text));
                    break;
            }
        }

        return items;
    }

    /// <summary>The name the response uses, e.g. <c>BODY[HEADER]&lt;0&gt;</c> (RFC 3501 §7.4.2: only the origin is echoed).</summary>
    public string ResponseName => Section is null
        ? Name
        : "BODY[" + Section + "]" + (PartialStart is { } start ? "<" + start.ToString(CultureInfo.InvariantCulture) + ">" : string.Empty);

    private static ImapFetchItem Simple(string name) => new(name, null, false, null, null);

    private static ImapFetchItem ParseSection(string text)
    {
        var match = SectionPattern().Match(text);
        if (!match.Success)
        {
            throw ImapReplyException.Syntax("Error in IMAP command FETCH: invalid item " + text + ".");
        }

        long? start = null, length = null;
        if (match.Groups["start"].Success)
        {
            start = long.Parse(match.Groups["start"].Value, CultureInfo.InvariantCulture);
            length = long.Parse(match.Groups["length"].Value, CultureInfo.InvariantCulture);
            if (length == 0)
            {
                throw ImapReplyException.Syntax("Error in IMAP command FETCH: partial length must be positive.");
            }
        }

        return new ImapFetchItem("BODY[]", match.Groups["section"].Value, match.Groups["peek"].Success, start, length);
    }

    [GeneratedRegex(@"^BODY(?<peek>\.PEEK)?\[(?<section>[^\]]*)\](<(?<start>\d{1,12})\.(?<length>\d{1,12})>)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SectionPattern();
}
