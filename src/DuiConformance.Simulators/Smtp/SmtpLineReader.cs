namespace DuiConformance.Simulators.Smtp;

/// <summary>
/// Reads LF-terminated lines from the client with a hard maximum per line, so a hostile client can never make the
/// server buffer without bound: the octets past the maximum are counted and dropped.
/// </summary>
internal sealed class SmtpLineReader
{
    private const int ReadSize = 16 * 1024;

    private readonly byte[] _buffer = new byte[ReadSize];
    private Stream _stream;
    private int _start;
    private int _end;
    private byte[] _line = new byte[1024];

    public SmtpLineReader(Stream stream)
    {
        _stream = stream;
    }

    /// <summary>
    /// Called before every read from the stream, i.e. only when the reader may wait for the peer (the session restarts its
    /// idle timer and sends the replies it held back there); <c>null</c> for none.
    /// </summary>
    public Func<ValueTask>? BeforeRead { get; set; }

    /// <summary>True when octets already received are waiting to be read (the client pipelined more, RFC 2920).</summary>
    public bool HasBuffered => _start < _end;

    /// <summary>
    /// Switches to a new stream (after STARTTLS) and returns how many octets were already buffered from the old one.
    /// </summary>
    /// <remarks>
    /// Note: RFC 3207 §5 — anything the client sent after STARTTLS and before the handshake was not protected; it is
    /// discarded rather than treated as commands (the plaintext command injection flaw, CVE-2011-0411).
    /// </remarks>
    public int SwitchStream(Stream stream)
    {
        var discarded = _end - _start;
        _stream = stream;
        _start = 0;
        _end = 0;
        return discarded;
    }

    /// <summary>
    /// Takes the next line without waiting when it is already wholly buffered and at most <paramref name="maxLength"/>
    /// octets; its content then points into the read buffer and is valid only until the next read. False otherwise
    /// (nothing consumed): <see cref="ReadLineAsync"/> handles that line.
    /// </summary>
    /// <remarks>
    /// Note: DATA reads about 1,400 lines per 100 KB message; most are already buffered, and taking them this way avoids
    /// an asynchronous call and a copy per line (smtp-ingest, issue 3 §7). The result is the one ReadLineAsync gives.
    /// </remarks>
    public bool TryReadBuffered(int maxLength, out SmtpLine line)
    {
        var available = _buffer.AsSpan(_start, _end - _start);
        var newline = available.IndexOf((byte)'\n');
        var carriageReturn = newline > 0 && available[newline - 1] == (byte)'\r';
        var length = carriageReturn ? newline - 1 : newline;
        if (newline < 0 || length > maxLength)
        {
            line = default;
            return false;
        }

        line = new SmtpLine(_buffer.AsMemory(_start, length), carriageReturn ? SmtpLineEnding.CrLf : SmtpLineEnding.Lf, length);
        _start += newline + 1;
        return true;
    }

    /// <summary>Reads one line of at most <paramref name="maxLength"/> octets (the rest of a longer line is dropped).</summary>
    public async ValueTask<SmtpLine> ReadLineAsync(int maxLength, CancellationToken cancellationToken)
    {
        var kept = 0;
        long total = 0;
        byte previous = 0;
        while (true)
        {
            if (_start == _end)
            {
                if (BeforeRead is { } beforeRead)
                {
                    await beforeRead().ConfigureAwait(false);
                }

                _start = 0;
                _end = await _stream.ReadAsync(_buffer.AsMemory(0, ReadSize), cancellationToken).ConfigureAwait(false);
                if (_end == 0)
                {
                    return new SmtpLine(_line.AsMemory(0, Math.Min(kept, maxLength)), SmtpLineEnding.EndOfStream, total);
                }
            }

            var available = _buffer.AsSpan(_start, _end - _start);
            var newline = available.IndexOf((byte)'\n');
            var chunk = newline < 0 ? available : available[..newline];
            if (!chunk.IsEmpty)
            {
                previous = chunk[^1];
                total += chunk.Length;

                // Note: keep one octet beyond the maximum so a CR right at the limit is still recognised as part of CRLF.
                var room = maxLength + 1 - kept;
                var take = Math.Min(room, chunk.Length);
                if (take > 0)
                {
                    EnsureCapacity(kept + take);
                    chunk[..take].CopyTo(_line.AsSpan(kept));
                    kept += take;
                }
            }

            if (newline < 0)
            {
                _start = _end;
                continue;
            }

            _start += newline + 1;
            var ending = previous == (byte)'\r' ? SmtpLineEnding.CrLf : SmtpLineEnding.Lf;
            if (ending == SmtpLineEnding.CrLf)
            {
                total--;
                if (kept > total)
                {
                    kept = (int)total;
                }
            }

            return new SmtpLine(_line.AsMemory(0, Math.Min(kept, maxLength)), ending, total);
        }
    }

    /// <summary>
    /// Reads exactly <paramref name="destination"/>'s length in octets (an IMAP literal, RFC 3501 §4.3), first from what is
    /// already buffered; returns false when the connection ended before.
    /// </summary>
    public async ValueTask<bool> ReadExactAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < destination.Length)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await _stream.ReadAsync(_buffer.AsMemory(0, ReadSize), cancellationToken).ConfigureAwait(false);
                if (_end == 0)
                {
                    return false;
                }
            }

            var take = Math.Min(_end - _start, destination.Length - filled);
            _buffer.AsSpan(_start, take).CopyTo(destination.Span[filled..]);
            _start += take;
            filled += take;
        }

        return true;
    }

    private void EnsureCapacity(int size)
    {
        if (size > _line.Length)
        {
            Array.Resize(ref _line, Math.Max(size, _line.Length * 2));
        }
    }
}
