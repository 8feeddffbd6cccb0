using System.Text;
using MimeKit;

namespace DuiConformance.Simulators.Imap.Commands;

/// <summary>
/// The octets of a BODY[section] (RFC 3501 §6.4.5): the whole message, HEADER, HEADER.FIELDS[.NOT], TEXT, a part number
/// (<c>1.2</c>) alone or with HEADER, TEXT or MIME. Top-level sections are cut from the stored bytes exactly.
/// </summary>
internal static class ImapSection
{
    public static byte[] Extract(byte[] raw, string section, Func<MimeMessage> parse)
    {
        var upper = section.ToUpperInvariant();
        if (upper.Length == 0)
        {
            return raw;
        }

        // Split "1.2.HEADER.FIELDS (A B)" into the part path and the specifier.
        var path = new List<int>();
        var rest = upper;
        var original = section;
        while (rest.Length > 0 && char.IsAsciiDigit(rest[0]))
        {
            var dot = rest.IndexOf('.', StringComparison.Ordinal);
            var number = dot < 0 ? rest : rest[..dot];
            if (!int.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) || index == 0)
            {
                throw ImapReplyException.Syntax("Error in IMAP command FETCH: invalid section " + section + ".");
            }

            path.Add(index);
            rest = dot < 0 ? string.Empty : rest[(dot + 1)..];
            original = dot < 0 ? string.Empty : original[(original.IndexOf('.', StringComparison.Ordinal) + 1)..];
        }

        if (path.Count == 0)
        {
            var headerLength = HeaderLength(raw);
            return Specifier(rest, original, raw[..headerLength], raw[headerLength..]);
        }

        var entity = Find(parse().Body, path);
        if (entity is null)
        {
            return [];
        }

        if (rest.Length == 0)
        {
            return ImapBodyStructure.ContentOctets(entity);
        }

        if (rest == "MIME")
        {
            return ImapBodyStructure.HeaderOctets(entity.Headers);
        }

        if (entity is not MessagePart { Message: { } inner })
        {
            throw ImapReplyException.Syntax("Error in IMAP command FETCH: HEADER and TEXT need a message/rfc822 part.");
        }

        var innerRaw = ImapBodyStructure.ContentOctets(entity);
        var innerHeader = HeaderLength(innerRaw);
        _ = inner;
        return Specifier(rest, original, innerRaw[..innerHeader], innerRaw[innerHeader..]);
    }

    private static byte[] Specifier(string upper, string original, byte[] header, byte[] text)
    {
        if (upper == "HEADER")
        {
            return header;
        }

        if (upper == "TEXT")
        {
            return text;
        }

        var not = upper.StartsWith("HEADER.FIELDS.NOT ", StringComparison.Ordinal);
        if (!not && !upper.StartsWith("HEADER.FIELDS ", StringComparison.Ordinal))
        {
            throw ImapReplyException.Syntax("Error in IMAP command FETCH: invalid section specifier " + original + ".");
        }

        var list = original[(original.IndexOf(' ', StringComparison.Ordinal) + 1)..].Trim();
        if (!list.StartsWith('(') || !list.EndsWith(')'))
        {
            throw ImapReplyException.Syntax("Error in IMAP command FETCH: HEADER.FIELDS needs a list.");
        }

        var names = list[1..^1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(name => name.Trim('"')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return FilterHeader(header, names, not);
    }

    /// <summary>The header fields whose names are (or, with <paramref name="exclude"/>, are not) in the set, then CRLF.</summary>
    private static byte[] FilterHeader(byte[] header, HashSet<string> names, bool exclude)
    {
        using var output = new MemoryStream();
        var keep = false;
        var start = 0;
        while (start < header.Length)
        {
            var end = Array.IndexOf(header, (byte)'\n', start);
            end = end < 0 ? header.Length : end + 1;
            var line = header.AsSpan(start, end - start);
            var blank = line.Length <= 2 && line.TrimEnd("\r\n"u8).IsEmpty;
            if (blank)
            {
                break;
            }

            if (line[0] is not ((byte)' ' or (byte)'\t'))
            {
                var colon = line.IndexOf((byte)':');
                var name = colon < 0 ? string.Empty : Encoding.ASCII.GetString(line[..colon]).Trim();
                keep = colon > 0 && names.Contains(name) != exclude;
            }

            if (keep)
            {
                output.Write(line);
            }

            start = end;
        }

        output.Write("\r\n"u8);
        return output.ToArray();
    }

    /// <summary>The length of the header block including the blank line that ends it (all of it when there is none).</summary>
    private static int HeaderLength(byte[] raw)
    {
        for (var index = 0; index < raw.Length; index++)
        {
            if (raw[index] != (byte)'\n')
            {
                continue;
            }

            if (index + 1 < raw.Length && raw[index + 1] == (byte)'\n')
            {
                return index + 2;
            }

            if (index + 2 < raw.Length && raw[index + 1] == (byte)'\r' && raw[index + 2] == (byte)'\n')
            {
                return index + 3;
            }
        }

        return raw.Length;
    }

    /// <summary>IMAP part numbering (RFC 3501 §6.4.5): a non-multipart body is part 1; a message/rfc822 part's parts are under it.</summary>
    private static MimeEntity? Find(MimeEntity? body, List<int> path)
    {
        var current = body;
        foreach (var number in path)
        {
            if (current is MessagePart { Message.Body: { } encapsulated })
            {
                current = encapsulated;
            }

            if (current is Multipart multipart)
            {
                current = number <= multipart.Count ? multipart[number - 1] : null;
            }
            else if (number != 1)
            {
                return null;
            }

            if (current is null)
            {
                return null;
            }
        }

        return current;
    }
}
