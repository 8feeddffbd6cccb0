using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using System.Text.RegularExpressions;
using DuiConformance.Simulators.Mail;
using DuiConformance.Simulators.Smtp;

namespace DuiConformance.Simulators.Imap;

/// <summary>
/// One IMAP4rev1 session over a stream. The loop in <see cref="RunAsync"/> reads commands (literals included), checks
/// each command's allowed <see cref="ImapSessionState"/>, dispatches it to its <see cref="IImapCommandHandler"/>, and is
/// the only place that turns refusals into <c>NO</c>/<c>BAD</c> replies (STYLE.md rule 7). One session's failure never
/// reaches the listener.
/// </summary>
public sealed partial class ImapSession
{
    private readonly ImapServerContext _server;
    private readonly List<StoredMessage> _view = [];
    private readonly HashSet<uint> _recent = [];
    private readonly string _remote;
    private SmtpLineReader _reader;
    private Stream _stream;
    private CancellationTokenSource? _timeout;
    private readonly CancellationTokenSource _revoked = new();
    private uint _highestUidSeen;
    private int _badCommands;
    private CancellationTokenRegistration _revocationWatch;

    /// <summary>Creates a session on a connected stream; nothing is sent before <see cref="RunAsync"/>.</summary>
    public ImapSession(Stream stream, ImapServerContext server, string id, string remote = "-")
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(server);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        _stream = stream;
        _server = server;
        _reader = new SmtpLineReader(stream);
        _remote = remote;
        Id = id;
        Transcript = new SmtpTranscript(server.Time);
    }

    /// <summary>The session id, e.g. <c>imap-1a2b3c4d</c>.</summary>
    public string Id { get; }

    /// <summary>What the session shares with the other sessions of its server.</summary>
    public ImapServerContext Server => _server;

    /// <summary>Where the session stands.</summary>
    public ImapSessionState State { get; internal set; } = ImapSessionState.NotAuthenticated;

    /// <summary>True once TLS is established.</summary>
    public bool IsTls { get; private set; }

    /// <summary>True for a session of the implicit-TLS listener (RFC 8314 §3.3): the handshake precedes the greeting.</summary>
    public bool ImplicitTls { get; init; }

    /// <summary>The negotiated TLS protocol (e.g. <c>Tls13</c>), or <c>null</c> before TLS.</summary>
    public string? TlsProtocol { get; private set; }

    /// <summary>What the TLS client certificate established; <c>null</c> before TLS or when certificates are not requested.</summary>
    public Mail.ClientCertificateIdentity? ClientCertificate { get; private set; }

    /// <summary>True once the client tried LOGIN or AUTHENTICATE before TLS (refused; recorded for DUI-SEC-02).</summary>
    public bool AuthBeforeTls { get; internal set; }

    /// <summary>The logged-in account, or <c>null</c>.</summary>
    public MailboxAccount? Account { get; private set; }

    /// <summary>The mechanism of the login (<c>LOGIN</c> or a SASL name), or <c>null</c>.</summary>
    public string? AuthMechanism { get; private set; }

    /// <summary>The logged-in account's mailbox, or <c>null</c> before login.</summary>
    public StoredMailbox? Mailbox { get; private set; }

    /// <summary>The selected folder, or <c>null</c>.</summary>
    public MailFolder? Folder { get; private set; }

    /// <summary>True when the folder was opened with EXAMINE: nothing may change it.</summary>
    public bool ReadOnly { get; private set; }

    /// <summary>The redacted transcript (message contents are not copied into it).</summary>
    public SmtpTranscript Transcript { get; }

    /// <summary>The messages as this client knows them: index + 1 is the sequence number (RFC 3501 §2.3.1.2).</summary>
    internal IReadOnlyList<StoredMessage> View => _view;

    /// <summary>Serves the client until LOGOUT, disconnect, timeout or <paramref name="shutdown"/>. Never throws for anything the client does.</summary>
    public async Task RunAsync(CancellationToken shutdown = default)
    {
        using var timeout = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _server.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(shutdown, timeout.Token, _revoked.Token);
        _timeout = timeout;
        Transcript.Note(string.Create(CultureInfo.InvariantCulture, $"session {Id} opened from {_remote}"));
        var end = "Normal";
        try
        {
            await ServeAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            end = "Shutdown";
            await TryWriteLineAsync("* BYE Server shutting down").ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            end = "Timeout";
            await TryWriteLineAsync("* BYE Autologout; idle for too long").ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_revoked.IsCancellationRequested)
        {
            // Note: domain.md §8.5 MSS-04 — the Pro Santé Connect token of the session was revoked: the server ends the
            // session at once with an untagged BYE (RFC 3501 §7.1.5).
            end = "TokenRevoked";
            Transcript.Note("the session's Pro Santé Connect token was revoked");
            await TryWriteLineAsync("* BYE [ALERT] Access token revoked (Pro Sante Connect)").ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or SocketException or AuthenticationException or ObjectDisposedException)
        {
            end = "NetworkError";
            Transcript.Note($"connection lost: {exception.GetType().Name}: {exception.Message}");
        }
        catch (Exception exception)
        {
            // Note: a simulator bug ends this session only, never the listener (STYLE.md rule 15b).
            end = "HarnessError";
            Transcript.Note($"harness fault: {exception.GetType().Name}: {exception.Message}");
            await TryWriteLineAsync("* BYE Internal server error").ConfigureAwait(false);
        }

        State = ImapSessionState.Logout;
        await _revocationWatch.DisposeAsync().ConfigureAwait(false);
        _revoked.Dispose();
        Transcript.Note("session ended: " + end);
        await RecordTranscriptAsync(end).ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Writes one response line (CRLF added) and flushes it.</summary>
    public async Task WriteLineAsync(string line, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        Transcript.Server(line.Length > 300 ? line[..300] + " …" : line);
        await WriteAsync(Encoding.UTF8.GetBytes(line + "\r\n"), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes raw response octets (a FETCH with literals) and flushes them.</summary>
    public async Task WriteAsync(ReadOnlyMemory<byte> octets, CancellationToken cancellationToken)
    {
        ArmTimeout();
        await _stream.WriteAsync(octets, cancellationToken).ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads one line within the command timeout (IDLE's <c>DONE</c>, SASL responses).</summary>
    internal async ValueTask<SmtpLine> ReadLineAsync(CancellationToken cancellationToken)
    {
        ArmTimeout();
        return await _reader.ReadLineAsync(_server.Options.MaxCommandLineLength, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks the session logged in as <paramref name="account"/>.</summary>
    /// <param name="account">The account.</param>
    /// <param name="mechanism">LOGIN or the SASL mechanism.</param>
    /// <param name="token">Who the Pro Santé Connect token speaks for, when the login used one: its revocation ends the session.</param>
    internal void LogIn(MailboxAccount account, string mechanism, Psc.PscPrincipal? token = null)
    {
        Account = account;
        AuthMechanism = mechanism;
        Mailbox = _server.Store.Mailbox(account.Address);
        State = ImapSessionState.Authenticated;
        Transcript.Note($"logged in as {account.User} with {mechanism}");
        if (token is not null && token.TokenId.Length > 0 && _server.Tokens is { } tokens)
        {
            Transcript.Note($"Pro Santé Connect token of {token.Subject} (client {token.ClientId}) accepted");
            _revocationWatch = tokens.Revocations.WhenRevoked(token.TokenId).Register(static state => ((CancellationTokenSource)state!).Cancel(), _revoked);
        }
    }

    /// <summary>Selects a folder: the view becomes its messages; returns how many were <c>\Recent</c> for this session.</summary>
    internal int Select(MailFolder folder, bool readOnly)
    {
        Folder = folder;
        ReadOnly = readOnly;
        _view.Clear();
        _view.AddRange(folder.Messages);
        _highestUidSeen = _view.Count == 0 ? 0 : _view[^1].Uid;
        State = ImapSessionState.Selected;
        _recent.Clear();
        if (readOnly)
        {
            return _view.Count(message => message.Recent);
        }

        _recent.UnionWith(folder.TakeRecent(_view));
        return _recent.Count;
    }

    /// <summary>True when this session holds the message's <c>\Recent</c> flag.</summary>
    internal bool IsRecent(StoredMessage message) => ReadOnly ? message.Recent : _recent.Contains(message.Uid);

    /// <summary>Leaves the selected folder (CLOSE, UNSELECT, a failed SELECT).</summary>
    internal void Unselect()
    {
        Folder = null;
        _view.Clear();
        _recent.Clear();
        _highestUidSeen = 0;
        if (State == ImapSessionState.Selected)
        {
            State = ImapSessionState.Authenticated;
        }
    }

    /// <summary>Marks the session ended by LOGOUT.</summary>
    internal void EndSession() => State = ImapSessionState.Logout;

    /// <summary>
    /// Tells the client what changed in the selected folder since it last looked: <c>* n EXPUNGE</c> for removed messages
    /// (only when <paramref name="allowExpunge"/>) and <c>* n EXISTS</c> for new ones (RFC 3501 §7.3.1, §7.4.1).
    /// </summary>
    internal async Task SyncAsync(bool allowExpunge, CancellationToken cancellationToken)
    {
        if (Folder is null)
        {
            return;
        }

        if (allowExpunge)
        {
            for (var index = 0; index < _view.Count;)
            {
                if (_view[index].Expunged)
                {
                    _view.RemoveAt(index);
                    await WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"* {index + 1} EXPUNGE"), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    index++;
                }
            }
        }

        var added = Folder.Messages.Where(message => message.Uid > _highestUidSeen).ToList();
        if (added.Count > 0)
        {
            _view.AddRange(added);
            _highestUidSeen = added[^1].Uid;
            if (!ReadOnly)
            {
                _recent.UnionWith(Folder.TakeRecent(added));
            }

            await WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"* {_view.Count} EXISTS"), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ServeAsync(CancellationToken cancellationToken)
    {
        if (ImplicitTls)
        {
            await UpgradeToTlsAsync(cancellationToken).ConfigureAwait(false);
        }

        await WriteLineAsync($"* OK [CAPABILITY {Capabilities()}] DuiConformance MSSante IMAP simulator ready", cancellationToken).ConfigureAwait(false);
        while (State != ImapSessionState.Logout)
        {
            var raw = await ReadCommandAsync(cancellationToken).ConfigureAwait(false);
            if (raw is null)
            {
                Transcript.Note("connection closed by the client without LOGOUT");
                return;
            }

            string? tag = null;
            try
            {
                if (raw.Refusal is not null)
                {
                    tag = LeadingTag(raw.Text);
                    throw raw.Refusal;
                }

                var command = ImapCommandParser.Parse(raw.Text, raw.Literals, out tag);
                Transcript.Client(command.Redacted);
                if (!_server.Commands.TryGet(command.Name, out var handler))
                {
                    throw ImapReplyException.Syntax("Unknown command.");
                }

                if (!handler.AllowedStates.Contains(State))
                {
                    throw ImapReplyException.Syntax(State == ImapSessionState.NotAuthenticated
                        ? "Command not valid in this state: log in first."
                        : "Command not valid in this state.");
                }

                var completion = await handler.HandleAsync(this, command, cancellationToken).ConfigureAwait(false);
                if (completion is not null)
                {
                    await SyncAsync(completion.AllowExpunge, cancellationToken).ConfigureAwait(false);
                    await WriteLineAsync($"{command.Tag} OK {completion.Text}", cancellationToken).ConfigureAwait(false);
                }
            }
            catch (ImapReplyException refusal)
            {
                if (tag is null)
                {
                    Transcript.Client(SmtpTranscript.Printable(Encoding.UTF8.GetBytes(raw.Text.Length > 200 ? raw.Text[..200] : raw.Text)));
                }

                await WriteLineAsync($"{tag ?? "*"} {(refusal.Bad ? "BAD" : "NO")} {refusal.Text}", cancellationToken).ConfigureAwait(false);
                if (refusal.Bad && ++_badCommands >= _server.Options.MaxBadCommands)
                {
                    await WriteLineAsync("* BYE Too many invalid IMAP commands.", cancellationToken).ConfigureAwait(false);
                    State = ImapSessionState.Logout;
                }
            }
        }
    }

    /// <summary>The CAPABILITY list for the current state (RFC 3501 §6.1.1; LOGINDISABLED before TLS, §6.2.3).</summary>
    internal string Capabilities()
    {
        var capabilities = new List<string> { "IMAP4rev1", "LITERAL+", "SASL-IR", "IDLE", "UIDPLUS", "CHILDREN" };
        if (State == ImapSessionState.NotAuthenticated)
        {
            if (!IsTls)
            {
                if (_server.Certificate is not null)
                {
                    capabilities.Add("STARTTLS");
                }

                capabilities.Add("LOGINDISABLED");
            }
            else
            {
                capabilities.Add("AUTH=PLAIN");
                if (_server.Tokens is not null)
                {
                    capabilities.Add("AUTH=XOAUTH2");
                    capabilities.Add("AUTH=OAUTHBEARER");
                }

                if (_server.Options.ClientCertificates is not null)
                {
                    capabilities.Add("AUTH=EXTERNAL");
                }
            }
        }

        return string.Join(' ', capabilities);
    }

    /// <summary>Reads a whole command: its line and, for each literal announced at a line end, the literal and the next line.</summary>
    private async Task<ImapRawCommand?> ReadCommandAsync(CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var literals = new List<byte[]>();
        var options = _server.Options;
        while (true)
        {
            var line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line.IsEndOfStream)
            {
                return null;
            }

            var octets = line.Content.Span;
            if (line.Truncated)
            {
                text.Append(Encoding.UTF8.GetString(octets[..Math.Min(octets.Length, 64)]));
                return new ImapRawCommand(text.ToString(), literals) { Refusal = ImapReplyException.Syntax("[TOOBIG] Command line too long.") };
            }

            if (octets.Contains((byte)0) || !System.Text.Unicode.Utf8.IsValid(octets))
            {
                text.Append(Encoding.UTF8.GetString(octets));
                return new ImapRawCommand(text.ToString().Replace('\0', '?'), literals) { Refusal = ImapReplyException.Syntax("Error in IMAP command: invalid octets.") };
            }

            var part = Encoding.UTF8.GetString(octets);
            var literal = LiteralAtEnd().Match(part);
            if (!literal.Success)
            {
                text.Append(part);
                return new ImapRawCommand(text.ToString(), literals);
            }

            text.Append(part, 0, literal.Index).Append(ImapCommandParser.LiteralPlaceholder);
            var synchronizing = literal.Groups[2].Length == 0;
            if (!long.TryParse(literal.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size > options.MaxLiteralSize)
            {
                if (synchronizing)
                {
                    return new ImapRawCommand(text.ToString(), literals) { Refusal = ImapReplyException.Syntax("[TOOBIG] Literal too large.") };
                }

                // Note: a non-synchronizing literal (RFC 7888) is already on its way; the only safe answer is to close.
                await WriteLineAsync("* BYE [TOOBIG] Literal too large.", cancellationToken).ConfigureAwait(false);
                State = ImapSessionState.Logout;
                return null;
            }

            if (synchronizing)
            {
                await WriteLineAsync("+ Ready for literal data", cancellationToken).ConfigureAwait(false);
            }

            var buffer = new byte[size];
            if (!await _reader.ReadExactAsync(buffer, cancellationToken).ConfigureAwait(false))
            {
                Transcript.Note(string.Create(CultureInfo.InvariantCulture, $"connection closed inside a {size}-octet literal"));
                return null;
            }

            literals.Add(buffer);
        }
    }

    private static string? LeadingTag(string text)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var tag = space < 0 ? text : text[..space];
        return tag.Length > 0 && tag.Length <= 64 && tag.All(character => character is > ' ' and <= '~' and not ('(' or ')' or '{' or '*' or '"' or '%' or '\\' or '+'))
            ? tag : null;
    }

    private async Task TryWriteLineAsync(string line)
    {
        try
        {
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            Transcript.Server(line);
            await _stream.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"), grace.Token).ConfigureAwait(false);
            await _stream.FlushAsync(grace.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException or NotSupportedException or SocketException)
        {
            Transcript.Note("final reply not delivered: " + exception.GetType().Name);
        }
    }

    private async Task RecordTranscriptAsync(string end)
    {
        if (_server.Evidence is null)
        {
            return;
        }

        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["session"] = Id,
            ["tls"] = IsTls ? "true" : "false",
            ["authMechanism"] = AuthMechanism ?? string.Empty,
            ["authUser"] = Account?.User ?? string.Empty,
            ["authBeforeTls"] = AuthBeforeTls ? "true" : "false",
            ["implicitTls"] = ImplicitTls ? "true" : "false",
            ["end"] = end,
        };
        if (TlsProtocol is not null)
        {
            properties["tlsProtocol"] = TlsProtocol;
        }

        if (ClientCertificate is { Subject.Length: > 0 } certificate)
        {
            properties[Core.Evidence.SmtpProperties.ClientCertificateSubject] = certificate.Subject;
        }

        try
        {
            await _server.Evidence.RecordAsync(ImapSimulator.TranscriptKind, Encoding.UTF8.GetBytes(Transcript.ToText()), "text/plain; charset=utf-8", properties, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Transcript.Note("transcript not recorded: " + exception.Message);
        }
    }

    /// <summary>Runs the server side of TLS after <c>OK Begin TLS negotiation now</c> (RFC 3501 §6.2.1).</summary>
    internal async Task UpgradeToTlsAsync(CancellationToken cancellationToken)
    {
        var certificate = _server.Certificate ?? throw new InvalidOperationException("STARTTLS needs a certificate.");
        var tls = new SslStream(_stream, leaveInnerStreamOpen: false);
        _stream = tls;
        var discarded = _reader.SwitchStream(tls);
        if (discarded > 0)
        {
            Transcript.Note(string.Create(CultureInfo.InvariantCulture, $"{discarded} octets sent after STARTTLS before the handshake were discarded"));
        }

        ArmTimeout();
        var verifier = _server.Options.ClientCertificates;
        await tls.AuthenticateAsServerAsync(
            new SslServerAuthenticationOptions
            {
                ServerCertificate = certificate.Certificate,
                EnabledSslProtocols = SmtpSession.AcceptedTlsProtocols,

                // Note: a missing or bad client certificate does not break the handshake; it is refused at AUTHENTICATE EXTERNAL.
                ClientCertificateRequired = verifier is not null,
                RemoteCertificateValidationCallback = verifier is null ? null : (_, _, _, _) => true,
                CertificateRevocationCheckMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck,
            },
            cancellationToken).ConfigureAwait(false);
        IsTls = true;
        TlsProtocol = tls.SslProtocol.ToString();
        Transcript.Note($"TLS established: {tls.SslProtocol} {tls.NegotiatedCipherSuite}");
        if (verifier is not null)
        {
            ClientCertificate = verifier.Verify(tls.RemoteCertificate);
            Transcript.Note(ClientCertificate.Accepted
                ? $"client certificate {ClientCertificate.Subject} accepted for <{ClientCertificate.Mailbox}>"
                : $"client certificate {(ClientCertificate.Subject.Length > 0 ? ClientCertificate.Subject + " " : string.Empty)}not accepted: {ClientCertificate.Refusal}");
        }
    }

    private void ArmTimeout() => _timeout?.CancelAfter(_server.Options.CommandTimeout);

    [GeneratedRegex(@"\{(\d{1,12})(\+?)\}$", RegexOptions.CultureInvariant)]
    private static partial Regex LiteralAtEnd();
}
