using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace DuiConformance.Benchmarks;

/// <summary>
/// The lightest SMTP peer the load client can talk to (DESIGN.md §6: the client's own ceiling, printed beside the
/// figure): STARTTLS and AUTH accepted, every command answered at once, message bodies read and thrown away; nothing
/// parsed, stored or recorded. Whatever rate the client reaches against it bounds what it can show of any server.
/// </summary>
internal sealed class NoOpSmtpSink : IAsyncDisposable
{
    private static readonly byte[] Greeting = "220 sink\r\n"u8.ToArray();
    private static readonly byte[] EhloBeforeTls = "250-sink\r\n250-PIPELINING\r\n250 STARTTLS\r\n"u8.ToArray();
    private static readonly byte[] EhloAfterTls = "250-sink\r\n250-PIPELINING\r\n250 AUTH PLAIN\r\n"u8.ToArray();
    private static readonly byte[] Ready = "220 go\r\n"u8.ToArray();
    private static readonly byte[] Authenticated = "235 ok\r\n"u8.ToArray();
    private static readonly byte[] Ok = "250 ok\r\n"u8.ToArray();
    private static readonly byte[] StartData = "354 go\r\n"u8.ToArray();
    private static readonly byte[] Bye = "221 bye\r\n"u8.ToArray();
    private static readonly byte[] EndOfData = "\r\n.\r\n"u8.ToArray();

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly X509Certificate2 _certificate;
    private readonly CancellationTokenSource _stop = new();
    private Task? _accepting;

    public NoOpSmtpSink(X509Certificate2 certificate) => _certificate = certificate;

    /// <summary>The loopback port it listens on, once started.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Start()
    {
        _listener.Start(512);
        _accepting = AcceptAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        if (_accepting is not null)
        {
            await _accepting.ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            socket.NoDelay = true;
            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        Stream stream = new NetworkStream(socket, ownsSocket: true);
        var buffer = new byte[256 * 1024];
        int start = 0, end = 0;
        try
        {
            await stream.WriteAsync(Greeting, _stop.Token).ConfigureAwait(false);
            var tls = false;
            while (true)
            {
                var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
                if (newline < 0)
                {
                    (start, end) = await FillAsync(stream, buffer, start, end).ConfigureAwait(false);
                    continue;
                }

                var verb = buffer.AsSpan(start, Math.Min(4, newline - start));
                start = newline + 1;
                if (verb.SequenceEqual("EHLO"u8))
                {
                    await stream.WriteAsync(tls ? EhloAfterTls : EhloBeforeTls, _stop.Token).ConfigureAwait(false);
                }
                else if (verb.SequenceEqual("STAR"u8))
                {
                    await stream.WriteAsync(Ready, _stop.Token).ConfigureAwait(false);
                    var secure = new SslStream(stream, leaveInnerStreamOpen: false);
                    await secure.AuthenticateAsServerAsync(
                        new SslServerAuthenticationOptions { ServerCertificate = _certificate, EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 },
                        _stop.Token).ConfigureAwait(false);
                    stream = secure;
                    (start, end, tls) = (0, 0, true);
                }
                else if (verb.SequenceEqual("AUTH"u8))
                {
                    await stream.WriteAsync(Authenticated, _stop.Token).ConfigureAwait(false);
                }
                else if (verb.SequenceEqual("DATA"u8))
                {
                    await stream.WriteAsync(StartData, _stop.Token).ConfigureAwait(false);
                    (start, end) = await SkipBodyAsync(stream, buffer, start, end).ConfigureAwait(false);
                    await stream.WriteAsync(Ok, _stop.Token).ConfigureAwait(false);
                }
                else if (verb.SequenceEqual("QUIT"u8))
                {
                    await stream.WriteAsync(Bye, _stop.Token).ConfigureAwait(false);
                    return;
                }
                else
                {
                    await stream.WriteAsync(Ok, _stop.Token).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or AuthenticationException or ObjectDisposedException)
        {
            // Note: the client closes its connections when the measure ends; nothing to report.
        }
        finally
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Discards the message body up to and including the CRLF.CRLF that ends it (RFC 5321 §4.1.1.4).</summary>
    private async Task<(int Start, int End)> SkipBodyAsync(Stream stream, byte[] buffer, int start, int end)
    {
        // Note: the search starts two octets early, on the DATA line's own CRLF, so that an empty body (".\r\n") is
        // found too; after a refill the window starts on the octets kept from the previous read.
        var window = start - 2;
        while (true)
        {
            var found = buffer.AsSpan(window, end - window).IndexOf(EndOfData);
            if (found >= 0)
            {
                return (window + found + EndOfData.Length, end);
            }

            // Keep the last four octets: the terminator may straddle two reads.
            var keep = Math.Min(EndOfData.Length - 1, end - window);
            Buffer.BlockCopy(buffer, end - keep, buffer, 0, keep);
            (window, end) = (0, keep);
            var read = await stream.ReadAsync(buffer.AsMemory(end), _stop.Token).ConfigureAwait(false);
            end += read > 0 ? read : throw new IOException("Connection closed during DATA.");
        }
    }

    private async Task<(int Start, int End)> FillAsync(Stream stream, byte[] buffer, int start, int end)
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            (start, end) = (0, end - start);
        }

        var read = await stream.ReadAsync(buffer.AsMemory(end), _stop.Token).ConfigureAwait(false);
        return (start, end + (read > 0 ? read : throw new IOException("Connection closed.")));
    }
}
