namespace DuiConformance.Simulators.Smtp;

/// <summary>
/// Reads message content after <c>354</c> up to the line holding a single dot (RFC 5321 §4.1.1.4), removing the
/// transparency dot (§4.5.2), keeping at most the size limit in memory but always reading to the terminator so the
/// session stays in step with the client.
/// </summary>
/// <remarks>
/// The content goes to the session's <see cref="SmtpDataBuffer"/>: <see cref="SmtpMessageData.Content"/> is valid until the
/// session's next DATA, so whatever must outlive the command copies it (the evidence store and mailboxes write it out).
/// </remarks>
internal static class SmtpDataReader
{
    /// <summary>RFC 5321 §4.5.3.1.6: 1000 octets per line including CRLF.</summary>
    public const int MaxLineLengthWithoutCrLf = 998;

    /// <exception cref="IOException">The connection ended before the terminating dot line: nothing must be stored.</exception>
    public static async Task<SmtpMessageData> ReadAsync(SmtpSession session, CancellationToken cancellationToken)
    {
        var options = session.Server.Options;
        var maxMessageSize = session.Server.SizeLimit.Current;
        var content = session.DataBuffer;
        content.Clear();
        long size = 0;
        var lines = 0;
        bool bareLineFeed = false, eightBit = false, longLines = false, overHardCap = false, tooLarge = false;
        while (true)
        {
            if (!session.TryReadBufferedLine(options.MaxDataLineLength, out var line))
            {
                line = await session.ReadLineAsync(options.MaxDataLineLength, cancellationToken).ConfigureAwait(false);
            }

            if (line.IsEndOfStream)
            {
                throw new IOException($"Connection closed during DATA after {size} octets; nothing stored.");
            }

            var octets = line.Content.Span;

            // Note: a bare-LF-terminated dot line also ends the data. The bare LF is recorded as a fact; refusing to end
            // would only leave a broken client hanging until the timeout.
            if (octets.Length == 1 && octets[0] == (byte)'.' && !line.Truncated)
            {
                bareLineFeed |= line.Ending == SmtpLineEnding.Lf;
                break;
            }

            lines++;
            var unstuffed = octets.Length > 0 && octets[0] == (byte)'.' ? octets[1..] : octets;
            var length = line.Length - (octets.Length - unstuffed.Length);
            var ending = line.Ending == SmtpLineEnding.CrLf ? "\r\n"u8 : "\n"u8;
            bareLineFeed |= line.Ending == SmtpLineEnding.Lf;
            longLines |= length > MaxLineLengthWithoutCrLf;
            overHardCap |= line.Truncated;
            eightBit |= unstuffed.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;
            size += length + ending.Length;
            if (size > maxMessageSize)
            {
                tooLarge = true;
                content.Clear();
            }
            else if (!overHardCap)
            {
                content.Append(unstuffed);
                content.Append(ending);
            }
        }

        var bytes = tooLarge || overHardCap ? ReadOnlyMemory<byte>.Empty : content.Written;
        return new SmtpMessageData(bytes, size, lines, bareLineFeed, eightBit, longLines, overHardCap, tooLarge);
    }
}
