namespace DuiConformance.Simulators.Imap;

/// <summary>
/// Splits a command (its text lines joined, each literal replaced by a NUL placeholder) into tag, name and arguments
/// (RFC 3501 §9). Atoms may hold a bracketed section with spaces, e.g. <c>BODY.PEEK[HEADER.FIELDS (FROM TO)]&lt;0.10&gt;</c>.
/// </summary>
public static class ImapCommandParser
{
    /// <summary>Stands for the next literal in the joined text.</summary>
    public const char LiteralPlaceholder = '\0';

    /// <summary>Parses a command; throws <see cref="ImapReplyException"/> (BAD) on a syntax error.</summary>
    /// <param name="text">The joined text.</param>
    /// <param name="literals">The literals, in order.</param>
    /// <param name="tag">The tag, once read (for the BAD reply), or <c>null</c> when the line has none.</param>
    public static ImapCommand Parse(string text, IReadOnlyList<byte[]> literals, out string? tag)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(literals);
        tag = null;
        var firstSpace = text.IndexOf(' ', StringComparison.Ordinal);
        var candidate = firstSpace < 0 ? text : text[..firstSpace];
        if (candidate.Length == 0 || !candidate.All(IsTagChar))
        {
            throw ImapReplyException.Syntax("Error in IMAP command received by server.");
        }

        tag = candidate;
        if (firstSpace < 0)
        {
            throw ImapReplyException.Syntax("Error in IMAP command: missing command name.");
        }

        var position = firstSpace + 1;
        var nameEnd = text.IndexOf(' ', position);
        var name = nameEnd < 0 ? text[position..] : text[position..nameEnd];
        if (name.Length == 0 || !name.All(char.IsAsciiLetterOrDigit))
        {
            throw ImapReplyException.Syntax("Error in IMAP command: bad command name.");
        }

        var literalIndex = 0;
        var arguments = new List<ImapToken>();
        position = nameEnd < 0 ? text.Length : nameEnd;
        while (position < text.Length)
        {
            if (text[position] != ' ')
            {
                throw ImapReplyException.Syntax("Error in IMAP command: expected a space between arguments.");
            }

            position++;
            arguments.Add(ReadToken(text, ref position, literals, ref literalIndex, depth: 0));
        }

        var upper = name.ToUpperInvariant();
        var redacted = upper switch
        {
            "LOGIN" => $"{tag} {upper} ********",

            // Note: the mechanism stays visible (it is evidence for DUI-SEC-03); the response after it never does.
            "AUTHENTICATE" when arguments.Count > 0 && arguments[0].Kind == ImapTokenKind.Atom && arguments[0].Text.Length <= 20 => $"{tag} {upper} {arguments[0].Text.ToUpperInvariant()}{(arguments.Count > 1 ? " ********" : string.Empty)}",
            "AUTHENTICATE" => $"{tag} {upper} ********",
            _ => text.Replace(LiteralPlaceholder, '~'),
        };
        return new ImapCommand(tag, upper, arguments, redacted);
    }

    private static ImapToken ReadToken(string text, ref int position, IReadOnlyList<byte[]> literals, ref int literalIndex, int depth)
    {
        if (position >= text.Length)
        {
            throw ImapReplyException.Syntax("Error in IMAP command: missing argument.");
        }

        var character = text[position];
        switch (character)
        {
            case '(':
                if (depth > 32)
                {
                    throw ImapReplyException.Syntax("Error in IMAP command: lists nested too deep.");
                }

                position++;
                var children = new List<ImapToken>();
                while (true)
                {
                    if (position >= text.Length)
                    {
                        throw ImapReplyException.Syntax("Error in IMAP command: unclosed list.");
                    }

                    if (text[position] == ')')
                    {
                        position++;
                        return ImapToken.List(children);
                    }

                    if (children.Count > 0)
                    {
                        if (text[position] != ' ')
                        {
                            throw ImapReplyException.Syntax("Error in IMAP command: expected a space in a list.");
                        }

                        position++;
                    }

                    children.Add(ReadToken(text, ref position, literals, ref literalIndex, depth + 1));
                }

            case '"':
                position++;
                var quoted = new System.Text.StringBuilder();
                while (true)
                {
                    if (position >= text.Length)
                    {
                        throw ImapReplyException.Syntax("Error in IMAP command: unterminated quoted string.");
                    }

                    var next = text[position++];
                    if (next == '"')
                    {
                        return ImapToken.Quoted(quoted.ToString());
                    }

                    if (next == '\\' && position < text.Length && text[position] is '"' or '\\')
                    {
                        next = text[position++];
                    }

                    quoted.Append(next);
                }

            case LiteralPlaceholder:
                position++;
                if (literalIndex >= literals.Count)
                {
                    throw ImapReplyException.Syntax("Error in IMAP command: literal missing.");
                }

                return ImapToken.Literal(literals[literalIndex++]);
            default:
                var start = position;
                var brackets = 0;
                while (position < text.Length)
                {
                    var current = text[position];
                    if (current == '[')
                    {
                        brackets++;
                    }
                    else if (current == ']')
                    {
                        brackets--;
                    }
                    else if (brackets == 0 && current is ' ' or ')' or '(' or '"' or LiteralPlaceholder)
                    {
                        break;
                    }

                    position++;
                }

                if (position == start || brackets != 0)
                {
                    throw ImapReplyException.Syntax("Error in IMAP command: bad atom.");
                }

                return ImapToken.Atom(text[start..position]);
        }
    }

    private static bool IsTagChar(char character) =>
        character is > ' ' and <= '~' and not ('(' or ')' or '{' or '%' or '*' or '"' or '\\' or '+');
}
