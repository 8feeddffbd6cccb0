using System.Buffers;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using DuiConformance.Core.Evidence;

namespace DuiConformance.Simulators.Smtp;

/// <summary>
/// One SMTP submission session over a stream (a TCP connection, or an in-memory duplex stream in tests). The loop in
/// <see cref="RunAsync"/> reads command lines, checks each verb's allowed <see cref="SmtpSessionState"/>, dispatches it to
/// its <see cref="ISmtpCommandHandler"/>, and is the only place that turns refusals into wire replies (STYLE.md rule 7).
/// </summary>
/// <remarks>
/// The session owns the stream and disposes it when it ends. At the end the redacted transcript is recorded as an
/// <see cref="EvidenceKinds.SmtpTranscript"/> item. One session's failure never reaches the listener.
/// </remarks>
public sealed partial class SmtpSession
{
    private readonly SmtpServerContext _server;
    private readonly List<string> _storedMessages = [];
    private readonly string _remote;
    private readonly ArrayBufferWriter<byte> _pendingReplies = new(256);
    private SmtpLineReader _reader;
    private Stream _stream;
    private CancellationTokenSource? _timeout;
    private long _armedAt = long.MinValue;
    private int _badCommands;
    private bool _harnessFault;
    private CancellationToken _tokenRevoked;
    private CancellationToken _running;
    private SmtpDataBuffer? _dataBuffer;

    /// <summary>Creates a session on a connected stream; nothing is sent before <see cref="RunAsync"/>.</summary>
    /// <param name="stream">The connection; the session disposes it at the end.</param>
    /// <param name="server">What the server's sessions share.</param>
    /// <param name="id">The session id recorded with its messages and transcript, e.g. <c>smtp-1a2b3c4d</c>.</param>
    /// <param name="remote">The peer, for the transcript (e.g. <c>127.0.0.1:50412</c>).</param>
    public SmtpSession(Stream stream, SmtpServerContext server, string id, string remote = "-")
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(server);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        _stream = stream;
        _server = server;
        _reader = new SmtpLineReader(stream) { BeforeRead = BeforeReadAsync };
        _remote = remote;
        Id = id;
        Transcript = new SmtpTranscript(server.Time);
    }

    /// <summary>The session id shared by its messages and transcript (<see cref="SmtpProperties.Session"/>).</summary>
    public string Id { get; }

    /// <summary>What the session shares with the other sessions of its server.</summary>
    public SmtpServerContext Server => _server;

    /// <summary>Where the session stands in the command sequence.</summary>
    public SmtpSessionState State { get; internal set; } = SmtpSessionState.Greeting;

    /// <summary>The EHLO/HELO argument of the current greeting, or <c>null</c> before one.</summary>
    public string? ClientName { get; internal set; }

    /// <summary>
    /// True for a session on the implicit-TLS listener (RFC 8314 §3.3): the TLS handshake runs before the greeting, and
    /// STARTTLS is neither offered nor accepted.
    /// </summary>
    public bool ImplicitTls { get; init; }

    /// <summary>True once STARTTLS succeeded: everything after it is encrypted.</summary>
    public bool IsTls { get; private set; }

    /// <summary>The negotiated TLS protocol (e.g. <c>Tls13</c>), or <c>null</c> before TLS.</summary>
    public string? TlsProtocol { get; private set; }

    /// <summary>The negotiated TLS cipher suite, or <c>null</c> before TLS.</summary>
    public string? TlsCipherSuite { get; private set; }

    /// <summary>The SASL mechanism of the successful AUTH, or <c>null</c> while unauthenticated.</summary>
    public string? AuthMechanism { get; internal set; }

    /// <summary>The authenticated user, or <c>null</c> while unauthenticated: MAIL needs one.</summary>
    public string? AuthUser { get; internal set; }

    /// <summary>True once the client issued AUTH before TLS: its credentials may have crossed the network in clear (DUI-SEC-01).</summary>
    public bool AuthBeforeTls { get; internal set; }

    /// <summary>The open mail transaction, or <c>null</c> outside MAIL … DATA.</summary>
    public SmtpTransaction? Transaction { get; internal set; }

    /// <summary>The evidence ids of the messages stored in this session, in order.</summary>
    public IReadOnlyList<string> StoredMessages => _storedMessages;

    /// <summary>How the session ended, or <c>null</c> while it runs.</summary>
    public SmtpSessionEnd? End { get; private set; }

    /// <summary>The redacted transcript so far.</summary>
    public SmtpTranscript Transcript { get; }

    /// <summary>
    /// Serves the client until QUIT, disconnect, timeout, too many errors or <paramref name="shutdown"/>, records the
    /// transcript, disposes the stream and says how the session ended. Never throws for anything the client does.
    /// </summary>
    public async Task<SmtpSessionEnd> RunAsync(CancellationToken shutdown = default)
    {
        using var timeout = new CancellationTokenSource(System.Threading.Timeout.InfiniteTimeSpan, _server.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(shutdown, timeout.Token);
        _timeout = timeout;
        _running = linked.Token;
        Transcript.Note(string.Create(CultureInfo.InvariantCulture, $"session {Id} opened from {_remote}"));
        SmtpSessionEnd end;
        try
        {
            end = await ServeAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            end = SmtpSessionEnd.Shutdown;
            await TryReplyAsync(SmtpReplies.ShuttingDown).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            end = SmtpSessionEnd.Timeout;
            await TryReplyAsync(SmtpReplies.Timeout).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsNetworkFault(exception))
        {
            end = SmtpSessionEnd.NetworkError;
            Transcript.Note($"connection lost: {exception.GetType().Name}: {exception.Message}");
        }
        catch (Exception exception)
        {
            // Note: a simulator bug must end this session only, never the listener, and must be told apart from a DUI
            // fault (STYLE.md rule 15b).
            end = SmtpSessionEnd.HarnessError;
            Transcript.Note($"harness fault: {exception.GetType().Name}: {exception.Message}");
            await TryReplyAsync(SmtpReplies.LocalError).ConfigureAwait(false);
        }

        State = SmtpSessionState.Closed;
        await TryFlushRepliesAsync().ConfigureAwait(false);
        _dataBuffer?.Dispose();
        if (_harnessFault)
        {
            end = SmtpSessionEnd.HarnessError;
        }

        Transcript.Note($"session ended: {end}");
        end = await RecordTranscriptAsync(end).ConfigureAwait(false);
        End = end;
        await _stream.DisposeAsync().ConfigureAwait(false);
        return end;
    }

    /// <summary>
    /// Writes a reply (every line goes to the transcript). It is sent at once, unless the client already pipelined more
    /// commands: then it waits, at most until the session next waits for the client (<see cref="FlushRepliesAsync"/>).
    /// </summary>
    /// <remarks>
    /// Note: RFC 2920 §3.2 — a server may hold replies to pipelined commands and send them together, and must send them
    /// before it waits for more input. MAIL, RCPT and DATA sent in one group then cost one TLS record and one send for
    /// their three replies (and the previous message's 250), not four.
    /// </remarks>
    public async Task ReplyAsync(SmtpReply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArmTimeout();
        foreach (var line in reply.WireLines())
        {
            Transcript.Server(line);
        }

        Encoding.UTF8.GetBytes(reply.ToWireString(), _pendingReplies);
        if (!_reader.HasBuffered)
        {
            await FlushRepliesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends the replies held back for pipelining (before STARTTLS switches the stream, and before any wait).</summary>
    internal async Task FlushRepliesAsync(CancellationToken cancellationToken)
    {
        if (_pendingReplies.WrittenCount == 0)
        {
            return;
        }

        try
        {
            await _stream.WriteAsync(_pendingReplies.WrittenMemory, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pendingReplies.ResetWrittenCount();
        }

        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads one line from the client within the command timeout.</summary>
    /// <remarks>
    /// Note: the idle timer is restarted (and held replies sent) by <see cref="BeforeReadAsync"/>, i.e. only when the
    /// reader must wait for the client — not for each of the thousands of lines of a message already received.
    /// </remarks>
    internal ValueTask<SmtpLine> ReadLineAsync(int maxLength, CancellationToken cancellationToken) =>
        _reader.ReadLineAsync(maxLength, cancellationToken);

    /// <summary>Takes the next line if it is already wholly buffered (see <see cref="SmtpLineReader.TryReadBuffered"/>).</summary>
    internal bool TryReadBufferedLine(int maxLength, out SmtpLine line) => _reader.TryReadBuffered(maxLength, out line);

    /// <summary>The buffer DATA reads message content into, reused for each message of the session.</summary>
    internal SmtpDataBuffer DataBuffer => _dataBuffer ??= new SmtpDataBuffer();

    /// <summary>Forgets the mail transaction (RSET, EHLO, end of DATA: RFC 5321 §4.1.1.5).</summary>
    internal void ResetTransaction() => Transaction = null;

    /// <summary>Marks that the simulator failed during the session: it will end as <see cref="SmtpSessionEnd.HarnessError"/>.</summary>
    internal void MarkHarnessFault(string what)
    {
        _harnessFault = true;
        Transcript.Note("harness fault: " + what);
    }

    /// <summary>Remembers a message stored in the evidence store.</summary>
    internal void AddStoredMessage(string evidenceId) => _storedMessages.Add(evidenceId);

    private async Task<SmtpSessionEnd> ServeAsync(CancellationToken cancellationToken)
    {
        if (ImplicitTls)
        {
            await UpgradeToTlsAsync(cancellationToken).ConfigureAwait(false);
        }

        await ReplyAsync(new SmtpReply(220, null, $"{_server.Options.Domain} ESMTP DuiConformance MSSante simulator ready"), cancellationToken).ConfigureAwait(false);
        while (State != SmtpSessionState.Closed)
        {
            var line = await ReadLineAsync(_server.Options.MaxCommandLineLength, cancellationToken).ConfigureAwait(false);
            if (line.IsEndOfStream)
            {
                if (line.Length > 0)
                {
                    Transcript.Client(SmtpTranscript.Printable(line.Content.Span) + " [no line ending]");
                }

                Transcript.Note("connection closed by the client without QUIT");
                return SmtpSessionEnd.NetworkError;
            }

            if (line.Truncated)
            {
                Transcript.Client(string.Create(CultureInfo.InvariantCulture, $"[line of {line.Length} octets, over the {_server.Options.MaxCommandLineLength} limit]"));
                if (await RefuseAsync(SmtpReplies.LineTooLong, cancellationToken).ConfigureAwait(false))
                {
                    return SmtpSessionEnd.TooManyErrors;
                }

                continue;
            }

            var command = SmtpCommand.Parse(line.Content.Span);
            var bareLf = line.Ending == SmtpLineEnding.Lf ? " [bare LF]" : string.Empty;
            Transcript.Client((command is null ? SmtpTranscript.Printable(line.Content.Span) : SmtpSecretRedactor.RedactCommand(command)) + bareLf);

            // Note: domain.md §8.5 MSS-04 — a session whose Pro Santé Connect token was revoked ends at its next command
            // (RFC 5321 §3.8: 421 may answer any command when the service must close the channel).
            if (_tokenRevoked.IsCancellationRequested)
            {
                Transcript.Note("the session's Pro Santé Connect token was revoked");
                await ReplyAsync(SmtpReplies.TokenRevoked, cancellationToken).ConfigureAwait(false);
                State = SmtpSessionState.Closed;
                return SmtpSessionEnd.TokenRevoked;
            }
            try
            {
                if (command is null || !_server.Commands.TryGet(command.Verb, out var handler))
                {
                    throw new SmtpReplyException(SmtpReplies.SyntaxError);
                }

                // Note: RFC 6531 §3.3 — UTF-8 is allowed in the MAIL and RCPT paths only.
                if (!command.IsAscii && command.Verb is not ("MAIL" or "RCPT"))
                {
                    throw new SmtpReplyException(SmtpReplies.SyntaxError);
                }

                if (!handler.AllowedStates.Contains(State))
                {
                    throw new SmtpReplyException(SmtpReplies.BadSequence);
                }

                await handler.HandleAsync(this, command, cancellationToken).ConfigureAwait(false);
            }
            catch (SmtpReplyException refusal)
            {
                if (await RefuseAsync(refusal.Reply, cancellationToken).ConfigureAwait(false))
                {
                    return SmtpSessionEnd.TooManyErrors;
                }
            }
        }

        return SmtpSessionEnd.Normal;
    }

    /// <summary>Writes a refusal; returns true when the session must end for too many bad commands.</summary>
    private async Task<bool> RefuseAsync(SmtpReply reply, CancellationToken cancellationToken)
    {
        await ReplyAsync(reply, cancellationToken).ConfigureAwait(false);

        // Note: syntax and sequence errors (500–504) and failed AUTH (535) count; policy refusals (550, 552) do not,
        // since a DUI may legitimately try a recipient the operator refuses.
        if (reply.Code is (>= 500 and <= 504) or 535)
        {
            _badCommands++;
            if (_badCommands >= _server.Options.MaxBadCommands)
            {
                await ReplyAsync(SmtpReplies.TooManyErrors, cancellationToken).ConfigureAwait(false);
                State = SmtpSessionState.Closed;
                return true;
            }
        }

        return false;
    }

    private async ValueTask BeforeReadAsync()
    {
        ArmTimeout();
        await FlushRepliesAsync(_running).ConfigureAwait(false);
    }

    private async Task TryReplyAsync(SmtpReply reply)
    {
        foreach (var line in reply.WireLines())
        {
            Transcript.Server(line);
        }

        Encoding.UTF8.GetBytes(reply.ToWireString(), _pendingReplies);
        await TryFlushRepliesAsync().ConfigureAwait(false);
    }

    /// <summary>Sends what is held back, best effort: the session is ending.</summary>
    private async Task TryFlushRepliesAsync()
    {
        if (_pendingReplies.WrittenCount == 0)
        {
            return;
        }

        try
        {
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await FlushRepliesAsync(grace.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException or NotSupportedException or SocketException)
        {
            // Note: best effort only — the peer may already be gone, or a cancelled TLS read left the stream unusable.
            Transcript.Note("final reply not delivered: " + exception.GetType().Name);
        }
    }

    private async Task<SmtpSessionEnd> RecordTranscriptAsync(SmtpSessionEnd end)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SmtpProperties.Session] = Id,
            [SmtpProperties.Tls] = IsTls ? "true" : "false",
            [SmtpProperties.AuthMechanism] = AuthMechanism ?? string.Empty,
            [SmtpProperties.AuthBeforeTls] = AuthBeforeTls ? "true" : "false",
            ["end"] = end.ToString(),
        };
        if (TlsProtocol is not null)
        {
            properties[SmtpProperties.TlsProtocol] = TlsProtocol;
        }

        if (ClientCertificate is { Subject.Length: > 0 } certificate)
        {
            properties[SmtpProperties.ClientCertificateSubject] = certificate.Subject;
        }

        try
        {
            await _server.Evidence.RecordAsync(
                EvidenceKinds.SmtpTranscript,
                Encoding.UTF8.GetBytes(Transcript.ToText()),
                "text/plain; charset=utf-8",
                properties,
                CancellationToken.None).ConfigureAwait(false);
            return end;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Transcript.Note("transcript not recorded: " + exception.Message);
            return SmtpSessionEnd.HarnessError;
        }
    }

    /// <summary>Restarts the command timeout.</summary>
    /// <remarks>
    /// Note: DATA reads thousands of lines per message; resetting the timer for each costs more than the line itself, so
    /// the timer is reset only when a hundredth of the timeout has passed since the last reset (the idle limit is then
    /// at most 1 % short, well inside RFC 5321 §4.5.3.2's "at least" figures).
    /// </remarks>
    private void ArmTimeout()
    {
        if (_timeout is null)
        {
            return;
        }

        var now = _server.Time.GetTimestamp();
        if (_armedAt != long.MinValue && _server.Time.GetElapsedTime(_armedAt, now) < _server.Options.CommandTimeout / 100)
        {
            return;
        }

        _armedAt = now;
        _timeout.CancelAfter(_server.Options.CommandTimeout);
    }

    private static bool IsNetworkFault(Exception exception) =>
        exception is IOException or SocketException or AuthenticationException or ObjectDisposedException;
}
