namespace DuiConformance.Simulators.Smtp;

/// <summary>One command line as the client sent it, split into its verb and the rest.</summary>
/// <param name="Verb">The verb in upper case, e.g. <c>MAIL</c>.</param>
/// <param name="Argument">Everything after the first space, untrimmed at the end (empty when none).</param>
/// <param name="Line">The whole line, without CRLF; may hold secrets (AUTH), so never log it directly (use <see cref="SmtpSecretRedactor"/>).</param>
public sealed record SmtpCommand(string Verb, string Argument, string Line)
{
    /// <summary>
    /// Splits a command line. Returns <c>null</c> when the line is not a command at all: empty, a verb with other than
    /// ASCII letters, or bytes outside printable ASCII and tab (RFC 5321 §4.1.1: commands are ASCII).
    /// </summary>
    public static SmtpCommand? Parse(ReadOnlySpan<byte> line)
    {
        if (line.IsEmpty)
        {
            return null;
        }

        foreach (var octet in line)
        {
            if (octet != (byte)'\t' && (octet < 0x20 || octet > 0x7E))
            {
                return null;
            }
        }

        var text = System.Text.Encoding.ASCII.GetString(line);
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var verb = space < 0 ? text : text[..space];
        if (verb.Length == 0 || verb.Length > 16 || !verb.All(char.IsAsciiLetter))
        {
            return null;
        }

        var argument = space < 0 ? string.Empty : text[(space + 1)..];
        return new SmtpCommand(verb.ToUpperInvariant(), argument, text);
    }
}
