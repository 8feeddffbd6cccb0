namespace DuiConformance.Simulators.Imap;

/// <summary>A command as read from the wire: its lines joined with literal placeholders, and the literals.</summary>
/// <param name="Text">The joined text (see <see cref="ImapCommandParser.LiteralPlaceholder"/>).</param>
/// <param name="Literals">The literal octets in order.</param>
internal sealed record ImapRawCommand(string Text, IReadOnlyList<byte[]> Literals)
{
    /// <summary>Set when the command was refused while reading it (line or literal too large, invalid octets).</summary>
    public ImapReplyException? Refusal { get; init; }
}
