using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using DuiConformance.Core;

namespace DuiConformance.Simulators.Imap;

/// <summary>
/// The simulated MSSanté operator's IMAP4rev1 server: a TCP listener (loopback, port 0 by default) running one
/// <see cref="ImapSession"/> per connection over the <see cref="Mail.MailStore"/>.
/// </summary>
public sealed class ImapSimulator : IAsyncDisposable
{
    /// <summary>The evidence kind of an IMAP session transcript (secrets redacted).</summary>
    public const string TranscriptKind = "imap-transcript";

    private readonly ImapServerContext _context;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, Task> _sessions = new(StringComparer.Ordinal);
    private TcpListener? _listener;
    private TcpListener? _implicitTlsListener;
    private Task _acceptLoop = Task.CompletedTask;

    /// <summary>Creates the simulator; nothing listens before <see cref="Start"/>.</summary>
    public ImapSimulator(ImapServerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
    }

    /// <summary>Where the simulator listens, once started.</summary>
    /// <exception cref="InvalidOperationException">Not started.</exception>
    public IPEndPoint LocalEndPoint => (IPEndPoint?)_listener?.LocalEndpoint ?? throw new InvalidOperationException("The IMAP simulator is not started.");

    /// <summary>Where the implicit-TLS listener listens (RFC 8314 §3.3), or <c>null</c> when <see cref="ImapSimulatorOptions.ImplicitTlsPort"/> is unset.</summary>
    public IPEndPoint? ImplicitTlsEndPoint => (IPEndPoint?)_implicitTlsListener?.LocalEndpoint;

    /// <summary>Sessions running now.</summary>
    public int ActiveSessions => _sessions.Count;

    /// <summary>Binds the listener and starts accepting connections.</summary>
    /// <exception cref="HarnessException">The port could not be bound (<see cref="HarnessCodes.ImapBindFailed"/>).</exception>
    public void Start()
    {
        if (_listener is not null)
        {
            throw new InvalidOperationException("The IMAP simulator is already started.");
        }

        var options = _context.Options;
        var address = LoopbackGuard.Resolve(options.Host, options.AllowNonLoopback, nameof(options));
        var listener = Listen(address, options.Port);
        TcpListener? implicitTls = null;
        if (options.ImplicitTlsPort is { } implicitPort && _context.Certificate is not null)
        {
            try
            {
                implicitTls = Listen(address, implicitPort);
            }
            catch
            {
                listener.Dispose();
                throw;
            }
        }

        _listener = listener;
        _implicitTlsListener = implicitTls;
        var plain = Task.Run(() => AcceptLoopAsync(listener, implicitTls: false, _stopping.Token));
        _acceptLoop = implicitTls is null ? plain : Task.WhenAll(plain, Task.Run(() => AcceptLoopAsync(implicitTls, implicitTls: true, _stopping.Token)));
    }

    private static TcpListener Listen(IPAddress address, int port)
    {
        var listener = new TcpListener(address, port);
        try
        {
            listener.Start();
            return listener;
        }
        catch (SocketException exception)
        {
            listener.Dispose();
            throw new HarnessException(
                HarnessCodes.ImapBindFailed,
                string.Create(CultureInfo.InvariantCulture, $"The IMAP simulator cannot listen on {address}:{port}: {exception.Message}"),
                exception);
        }
    }

    /// <summary>Stops accepting, says <c>* BYE</c> to open sessions and waits for them (at most 10 s).</summary>
    public async Task StopAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener?.Stop();
        _implicitTlsListener?.Stop();
        await _acceptLoop.ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_sessions.Values).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Note: a session stuck on a peer that never reads must not block the harness.
        }

        _listener?.Dispose();
        _implicitTlsListener?.Dispose();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync(TcpListener listener, bool implicitTls, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (stopping.IsCancellationRequested)
                {
                    return;
                }

                continue;
            }

            var id = "imap-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
            var session = RunSessionAsync(client, id, implicitTls, stopping);
            _sessions[id] = session;
            _ = session.ContinueWith(_ => _sessions.TryRemove(id, out Task? _), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    private async Task RunSessionAsync(TcpClient client, string id, bool implicitTls, CancellationToken stopping)
    {
        await Task.Yield();
        try
        {
            client.NoDelay = true;
            if (_sessions.Count > _context.Options.MaxSessions)
            {
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes("* BYE Too many connections, try again later\r\n"), grace.Token).ConfigureAwait(false);
                return;
            }

            var session = new ImapSession(client.GetStream(), _context, id, client.Client.RemoteEndPoint?.ToString() ?? "-") { ImplicitTls = implicitTls };
            await session.RunAsync(stopping).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            // Note: ImapSession.RunAsync classifies what a client can cause; what is left is a socket that failed first.
        }
        finally
        {
            client.Dispose();
        }
    }
}
