namespace DuiConformance.Simulators.Smtp;

/// <summary>
/// The content received between <c>354</c> and the terminating dot line, with the wire facts seen while reading it
/// (STYLE.md rule 9: recorded before any lenient parser touches the bytes).
/// </summary>
/// <param name="Content">The message octets after dot-unstuffing, each line with the ending it had on the wire; empty when <see cref="TooLarge"/>.</param>
/// <param name="Size">The message size in octets after dot-unstuffing, counted even past the limit.</param>
/// <param name="LineCount">The number of lines.</param>
/// <param name="BareLineFeed">A line ended with LF alone (RFC 5321 §2.3.8 forbids it).</param>
/// <param name="EightBit">An octet above 127 was seen.</param>
/// <param name="LongLines">A line was longer than 998 octets without CRLF (RFC 5321 §4.5.3.1.6, RFC 5322 §2.1.1).</param>
/// <param name="LineOverHardCap">A line was longer than <see cref="SmtpSimulatorOptions.MaxDataLineLength"/>: the message is refused.</param>
/// <param name="TooLarge">The message is over <see cref="SmtpSimulatorOptions.MaxMessageSize"/>: refused with <c>552</c>, not stored.</param>
public sealed record SmtpMessageData(
    ReadOnlyMemory<byte> Content,
    long Size,
    int LineCount,
    bool BareLineFeed,
    bool EightBit,
    bool LongLines,
    bool LineOverHardCap,
    bool TooLarge);
