using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using DuiConformance.Core;
using DuiConformance.Core.Evidence;

namespace DuiConformance.Simulators.Smtp;

/// <summary>
/// The simulated MSSanté operator's SMTP submission server: a TCP listener (loopback, port 0 by default) running one
/// <see cref="SmtpSession"/> per connection, each isolated so a failing session never stops the listener.
/// </summary>
public sealed class SmtpSimulator : IAsyncDisposable
{
    private readonly SmtpServerContext _context;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, Task> _sessions = new(StringComparer.Ordinal);
    private TcpListener? _listener;
    private TcpListener? _implicitTlsListener;
    private Task _acceptLoop = Task.CompletedTask;

    /// <summary>Creates the simulator; nothing listens before <see cref="Start"/>.</summary>
    /// <param name="options">The server settings.</param>
    /// <param name="evidence">Where messages and transcripts are recorded.</param>
    /// <param name="certificate">The STARTTLS certificate (not disposed by the simulator); <c>null</c> disables STARTTLS.</param>
    /// <param name="time">The clock for transcripts and timeouts.</param>
    public SmtpSimulator(SmtpSimulatorOptions options, EvidenceStore evidence, SimulatorCertificate? certificate, TimeProvider? time = null)
        : this(SmtpServerContext.Create(options, evidence, certificate, time))
    {
    }

    /// <summary>Creates the simulator over a custom context (other verbs or SASL mechanisms).</summary>
    public SmtpSimulator(SmtpServerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
    }

    /// <summary>The largest message the server accepts (the SIZE it advertises, RFC 1870), in bytes.</summary>
    public long MaxMessageSize => _context.SizeLimit.Current;

    /// <summary>
    /// Sets the size limit announced and enforced from the next command on (domain.md §4.5, a scenario's
    /// <c>operator-max-size</c>); <c>null</c> goes back to <see cref="SmtpSimulatorOptions.MaxMessageSize"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="octets"/> is not positive.</exception>
    public void SetMaxMessageSize(long? octets) => _context.SizeLimit.Set(octets);

    /// <summary>Where the simulator listens, once started (the chosen port when <see cref="SmtpSimulatorOptions.Port"/> was 0).</summary>
    /// <exception cref="InvalidOperationException">Not started.</exception>
    public IPEndPoint LocalEndPoint => (IPEndPoint?)_listener?.LocalEndpoint ?? throw new InvalidOperationException("The SMTP simulator is not started.");

    /// <summary>Where the implicit-TLS listener listens (RFC 8314), or <c>null</c> when <see cref="SmtpSimulatorOptions.ImplicitTlsPort"/> is unset.</summary>
    public IPEndPoint? ImplicitTlsEndPoint => (IPEndPoint?)_implicitTlsListener?.LocalEndpoint;

    /// <summary>Sessions running now.</summary>
    public int ActiveSessions => _sessions.Count;

    /// <summary>Binds the listener and starts accepting connections.</summary>
    /// <exception cref="ArgumentException">The host is not loopback and <see cref="SmtpSimulatorOptions.AllowNonLoopback"/> is false.</exception>
    /// <exception cref="HarnessException">The port could not be bound (<see cref="HarnessCodes.SmtpBindFailed"/>).</exception>
    public void Start()
    {
        if (_listener is not null)
        {
            throw new InvalidOperationException("The SMTP simulator is already started.");
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
                HarnessCodes.SmtpBindFailed,
                string.Create(CultureInfo.InvariantCulture, $"The SMTP simulator cannot listen on {address}:{port}: {exception.Message}"),
                exception);
        }
    }

    /// <summary>
    /// Stops accepting, answers every open session <c>421 4.3.2</c> and waits (at most <paramref name="grace"/>, 10 s by
    /// default) for the sessions to record their transcripts.
    /// </summary>
    public async Task StopAsync(TimeSpan? grace = null)
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
            await Task.WhenAll(_sessions.Values).WaitAsync(grace ?? TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Note: a session stuck on a peer that never reads must not block the harness; its own 2-second grace on
            // the final reply ends it soon after.
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

                // Note: a failed accept (a client that reset before accept completed) must not end the listener.
                continue;
            }

            var id = "smtp-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
            var session = RunSessionAsync(client, id, implicitTls, stopping);
            _sessions[id] = session;

            // Note: removed by a continuation registered after the add, so a session that ends at once cannot be
            // removed before it was added.
            _ = session.ContinueWith(_ => _sessions.TryRemove(id, out Task? _), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    private async Task RunSessionAsync(TcpClient client, string id, bool implicitTls, CancellationToken stopping)
    {
        await Task.Yield();
        try
        {
            client.NoDelay = true;
            var remote = client.Client.RemoteEndPoint?.ToString() ?? "-";
            if (_sessions.Count > _context.Options.MaxSessions)
            {
                await RefuseBusyAsync(client).ConfigureAwait(false);
                return;
            }

            var session = new SmtpSession(client.GetStream(), _context, id, remote) { ImplicitTls = implicitTls };
            await session.RunAsync(stopping).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Note: SmtpSession.RunAsync already classifies what a client can cause; what is left here is a socket that
            // failed before the session started. Either way the listener goes on.
        }
        finally
        {
            client.Dispose();
        }
    }

    private static async Task RefuseBusyAsync(TcpClient client)
    {
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(SmtpReplies.TooManySessions.ToWireString()), grace.Token).ConfigureAwait(false);
    }
}
