using System.Globalization;
using System.Text;

namespace DuiConformance.Simulators.Imap;

/// <summary>Writes IMAP strings (RFC 3501 §4.3): quoted when possible, a literal otherwise, <c>NIL</c> for none.</summary>
public static class ImapString
{
    /// <summary>A quoted string with <c>\</c> and <c>"</c> escaped; only for text without CR, LF or NUL.</summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>
    /// An astring (RFC 3501 §9): the text as an atom when every character is an atom character, as dovecot writes folder
    /// names, else <see cref="NString"/>.
    /// </summary>
    public static string AString(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && !text.Equals("NIL", StringComparison.OrdinalIgnoreCase)
            && text.All(character => character is > ' ' and <= '~' and not ('(' or ')' or '{' or '%' or '*' or '"' or '\\' or ']'))
            ? text
            : NString(text);
    }

    /// <summary>
    /// <c>NIL</c> for <c>null</c>, a quoted string for 7-bit text without CR/LF, else a literal <c>{n}</c> CRLF octets.
    /// </summary>
    public static string NString(string? text)
    {
        if (text is null)
        {
            return "NIL";
        }

        if (text.All(character => character is >= ' ' and <= '~'))
        {
            return Quote(text);
        }

        var octets = Encoding.UTF8.GetByteCount(text);
        return "{" + octets.ToString(CultureInfo.InvariantCulture) + "}\r\n" + text;
    }
}
