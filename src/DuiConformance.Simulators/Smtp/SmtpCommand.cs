namespace DuiConformance.Simulators.Smtp;

/// <summary>One command line as the client sent it, split into its verb and the rest.</summary>
/// <param name="Verb">The verb in upper case, e.g. <c>MAIL</c>.</param>
/// <param name="Argument">Everything after the first space, untrimmed at the end (empty when none).</param>
/// <param name="Line">The whole line, without CRLF; may hold secrets (AUTH), so never log it directly (use <see cref="SmtpSecretRedactor"/>).</param>
public sealed record SmtpCommand(string Verb, string Argument, string Line)
{
    /// <summary>False when the line held UTF-8 octets above 127 (allowed only in MAIL and RCPT after <c>SMTPUTF8</c>).</summary>
    public bool IsAscii { get; init; } = true;

    /// <summary>
    /// Splits a command line. Returns <c>null</c> when the line is not a command at all: empty, a verb with other than
    /// ASCII letters, control octets, or octets above 127 that are not valid UTF-8 (RFC 5321 §4.1.1: commands are ASCII;
    /// RFC 6531 §3.3 lets MAIL and RCPT carry UTF-8 addresses, which the handlers accept only with <c>SMTPUTF8</c>).
    /// </summary>
    public static SmtpCommand? Parse(ReadOnlySpan<byte> line)
    {
        if (line.IsEmpty)
        {
            return null;
        }

        var ascii = true;
        foreach (var octet in line)
        {
            if (octet != (byte)'\t' && (octet < 0x20 || octet == 0x7F))
            {
                return null;
            }

            ascii &= octet < 0x80;
        }

        if (!ascii && !System.Text.Unicode.Utf8.IsValid(line))
        {
            return null;
        }

        var text = System.Text.Encoding.UTF8.GetString(line);
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var verb = space < 0 ? text : text[..space];
        if (verb.Length == 0 || verb.Length > 16 || !verb.All(char.IsAsciiLetter))
        {
            return null;
        }

        var argument = space < 0 ? string.Empty : text[(space + 1)..];
        return new SmtpCommand(verb.ToUpperInvariant(), argument, text) { IsAscii = ascii };
    }
}
