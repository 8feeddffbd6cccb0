namespace DuiConformance.Simulators.Smtp;

/// <summary>
/// The argument of MAIL and RCPT (RFC 5321 §4.1.2): <c>FROM:&lt;address&gt; [parameters]</c> or <c>TO:&lt;address&gt; [parameters]</c>.
/// </summary>
/// <param name="Address">The address between the angle brackets, source route removed; empty for <c>&lt;&gt;</c>.</param>
/// <param name="Parameters">The ESMTP parameters, keys in upper case, a value <c>null</c> when the key has none.</param>
public sealed record SmtpPath(string Address, IReadOnlyList<KeyValuePair<string, string?>> Parameters)
{
    /// <summary>
    /// Parses <c>&lt;keyword&gt;:&lt;path&gt; params</c>; <c>null</c> when the syntax is wrong. A space after the colon is
    /// tolerated (many clients send it) but nothing else is.
    /// </summary>
    public static SmtpPath? Parse(string argument, string keyword)
    {
        ArgumentNullException.ThrowIfNull(argument);
        if (!argument.StartsWith(keyword + ":", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = argument[(keyword.Length + 1)..].TrimStart(' ');
        if (!rest.StartsWith('<'))
        {
            return null;
        }

        var close = FindClosingBracket(rest);
        if (close < 0)
        {
            return null;
        }

        var address = rest[1..close];

        // Note: RFC 5321 §4.1.2 / §C — a source route "@a,@b:" before the mailbox must be accepted and ignored.
        if (address.StartsWith('@'))
        {
            var colon = address.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                return null;
            }

            address = address[(colon + 1)..];
        }

        var parameters = new List<KeyValuePair<string, string?>>();
        foreach (var token in rest[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = token.IndexOf('=', StringComparison.Ordinal);
            var key = (equals < 0 ? token : token[..equals]).ToUpperInvariant();
            if (key.Length == 0)
            {
                return null;
            }

            parameters.Add(new(key, equals < 0 ? null : token[(equals + 1)..]));
        }

        if (rest.Length > close + 1 && rest[close + 1] != ' ')
        {
            return null;
        }

        return new SmtpPath(address, parameters);
    }

    /// <summary>The domain after the last <c>@</c>, or <c>null</c> when there is none.</summary>
    public string? Domain
    {
        get
        {
            var at = Address.LastIndexOf('@');
            return at <= 0 || at == Address.Length - 1 ? null : Address[(at + 1)..];
        }
    }

    private static int FindClosingBracket(string text)
    {
        var quoted = false;
        for (var index = 1; index < text.Length; index++)
        {
            switch (text[index])
            {
                case '\\' when quoted:
                    index++;
                    break;
                case '"':
                    quoted = !quoted;
                    break;
                case '>' when !quoted:
                    return index;
                default:
                    break;
            }
        }

        return -1;
    }
}
