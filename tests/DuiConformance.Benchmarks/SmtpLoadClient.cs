using System.Buffers.Text;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;

namespace DuiConformance.Benchmarks;

/// <summary>
/// A lean SMTP submission load generator for <c>smtp-ingest</c>: raw sockets and <see cref="SslStream"/>, STARTTLS and
/// AUTH PLAIN per connection, then messages pre-encoded once and sent with one write each, pipelined (RFC 2920 §3.1: the
/// message content followed by the next message's MAIL, RCPT and DATA in one group), several messages per connection.
/// Per message it allocates nothing: the Message-ID's counter digits are patched in place, replies are parsed as bytes.
/// </summary>
public sealed class SmtpLoadClient
{
    private const int CounterDigits = 12;
    private static readonly byte[] CounterMarker = "000000000000"u8.ToArray();

    private readonly byte[] _body;
    private readonly string _sender;
    private readonly string _recipient;
    private readonly string _user;
    private readonly string _password;

    /// <summary>Creates a client sending <paramref name="body"/> (every header after Message-ID, the content and its final <c>.\r\n</c>).</summary>
    public SmtpLoadClient(byte[] body, string sender, string recipient, string user, string password)
    {
        ArgumentNullException.ThrowIfNull(body);
        _body = body;
        _sender = sender;
        _recipient = recipient;
        _user = user;
        _password = password;
    }

    /// <summary>Concurrent connections.</summary>
    public int Connections { get; init; } = 20;

    /// <summary>Messages sent on one connection before QUIT and a new connection (with its own STARTTLS and AUTH).</summary>
    public int MessagesPerConnection { get; init; } = 100;

    /// <summary>
    /// Told <c>true</c> when the measured window starts and <c>false</c> when it ends, so that a server in another process
    /// can sample its own CPU time over exactly that window.
    /// </summary>
    public Action<bool>? Window { get; init; }

    /// <summary>Runs the load for <paramref name="warmup"/> then <paramref name="measure"/>, and counts the 250s to DATA received in the measured window.</summary>
    /// <returns>
    /// Messages accepted per second in the measured window, how many, and the CPU seconds this process used in that
    /// window: run in its own process (<see cref="RunChildAsync"/>), that is the load client's cost alone.
    /// </returns>
    public async Task<(double Rate, long Accepted, double CpuSeconds)> RunAsync(IPEndPoint endPoint, TimeSpan warmup, TimeSpan measure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        var counter = new Counter();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var workers = Enumerable.Range(0, Connections).Select(index => Task.Run(() => WorkerAsync(endPoint, index, counter, stop.Token), CancellationToken.None)).ToArray();
        await Task.Delay(warmup, cancellationToken).ConfigureAwait(false);
        using var self = Process.GetCurrentProcess();
        var cpuAtStart = Cpu(self);
        Volatile.Write(ref counter.Measuring, 1);
        Window?.Invoke(true);
        var stopwatch = Stopwatch.StartNew();
        await Task.Delay(measure, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref counter.Measuring, 0);
        Window?.Invoke(false);
        var elapsed = stopwatch.Elapsed;
        var cpu = Cpu(self) - cpuAtStart;
        await stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(workers).ConfigureAwait(false);
        var accepted = Interlocked.Read(ref counter.Accepted);
        return (accepted / elapsed.TotalSeconds, accepted, cpu.TotalSeconds);
    }

    /// <summary>
    /// The client side of <c>smtp-ingest</c> run in its own process (<c>dui-conformance-bench smtp-load-client &lt;port&gt;
    /// &lt;warm-up s&gt; &lt;measure s&gt;</c>), so that the server's CPU time and the client's are measured apart. On
    /// standard output: <c>WINDOW-START</c> and <c>WINDOW-END</c> at the edges of the measured window, then
    /// <c>RESULT &lt;accepted&gt; &lt;rate&gt; &lt;client CPU seconds&gt;</c>.
    /// </summary>
    public static async Task<int> RunChildAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var port = int.Parse(arguments[0], CultureInfo.InvariantCulture);
        var warmup = TimeSpan.FromSeconds(double.Parse(arguments[1], CultureInfo.InvariantCulture));
        var measure = TimeSpan.FromSeconds(double.Parse(arguments[2], CultureInfo.InvariantCulture));
        var output = Console.Out;
        var client = new SmtpLoadClient(SmtpIngestBenchmark.CreateMessageBody(), SmtpIngestBenchmark.Sender, SmtpIngestBenchmark.Recipient, SmtpIngestBenchmark.User, SmtpIngestBenchmark.Password)
        {
            Connections = SmtpIngestBenchmark.Clients,
            MessagesPerConnection = SmtpIngestBenchmark.MessagesPerConnection,
            Window = start =>
            {
                output.WriteLine(start ? "WINDOW-START" : "WINDOW-END");
                output.Flush();
            },
        };
        var (rate, accepted, cpu) = await client.RunAsync(new IPEndPoint(IPAddress.Loopback, port), warmup, measure, cancellationToken).ConfigureAwait(false);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT {accepted} {rate:R} {cpu:R}"));
        output.Flush();
        return 0;
    }

    private static TimeSpan Cpu(Process self)
    {
        self.Refresh();
        return self.TotalProcessorTime;
    }

    private async Task WorkerAsync(IPEndPoint endPoint, int index, Counter counter, CancellationToken stop)
    {
        // Note: one pre-encoded buffer per worker — Message-ID with a counter, the body, then the next envelope.
        var envelope = Encoding.ASCII.GetBytes($"MAIL FROM:<{_sender}>\r\nRCPT TO:<{_recipient}>\r\nDATA\r\n");
        var idPrefix = Encoding.ASCII.GetBytes($"Message-ID: <lean-{index:00}-{Guid.NewGuid():N}-");
        var idSuffix = "@load.test>\r\n"u8.ToArray();
        var message = new byte[idPrefix.Length + CounterDigits + idSuffix.Length + _body.Length + envelope.Length];
        idPrefix.CopyTo(message, 0);
        CounterMarker.CopyTo(message, idPrefix.Length);
        idSuffix.CopyTo(message, idPrefix.Length + CounterDigits);
        _body.CopyTo(message, idPrefix.Length + CounterDigits + idSuffix.Length);
        envelope.CopyTo(message, message.Length - envelope.Length);
        var withoutEnvelope = message.Length - envelope.Length;
        long sequence = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var tcp = new TcpClient { NoDelay = true };
                await tcp.ConnectAsync(endPoint, stop).ConfigureAwait(false);
                var connection = new Replies(tcp.GetStream());
                await connection.ExpectAsync(220, stop).ConfigureAwait(false);
                // Note: RFC 2920 §3.1 — EHLO, STARTTLS and AUTH change the session state, so each ends its group.
                await connection.WriteAsync("EHLO lean.test\r\n"u8.ToArray(), stop).ConfigureAwait(false);
                await connection.ExpectAsync(250, stop).ConfigureAwait(false);
                await connection.WriteAsync("STARTTLS\r\n"u8.ToArray(), stop).ConfigureAwait(false);
                await connection.ExpectAsync(220, stop).ConfigureAwait(false);
                await connection.StartTlsAsync(stop).ConfigureAwait(false);
                await connection.WriteAsync("EHLO lean.test\r\n"u8.ToArray(), stop).ConfigureAwait(false);
                await connection.ExpectAsync(250, stop).ConfigureAwait(false);
                var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{_user}\0{_password}"));
                await connection.WriteAsync(Encoding.ASCII.GetBytes($"AUTH PLAIN {auth}\r\n"), stop).ConfigureAwait(false);
                await connection.ExpectAsync(235, stop).ConfigureAwait(false);
                await connection.WriteAsync(envelope, stop).ConfigureAwait(false);
                for (var sent = 0; sent < MessagesPerConnection && !stop.IsCancellationRequested; sent++)
                {
                    await connection.ExpectAsync(250, stop).ConfigureAwait(false);
                    await connection.ExpectAsync(250, stop).ConfigureAwait(false);
                    await connection.ExpectAsync(354, stop).ConfigureAwait(false);
                    Utf8Formatter.TryFormat(sequence++, message.AsSpan(idPrefix.Length, CounterDigits), out _, new System.Buffers.StandardFormat('D', CounterDigits));
                    var last = sent == MessagesPerConnection - 1;
                    await connection.WriteAsync(last ? message.AsMemory(0, withoutEnvelope) : message, stop).ConfigureAwait(false);
                    await connection.ExpectAsync(250, stop).ConfigureAwait(false);
                    if (Volatile.Read(ref counter.Measuring) == 1)
                    {
                        Interlocked.Increment(ref counter.Accepted);
                    }
                }

                await connection.WriteAsync("QUIT\r\n"u8.ToArray(), CancellationToken.None).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is IOException or SocketException or AuthenticationException)
            {
                if (stop.IsCancellationRequested)
                {
                    return;
                }

                throw;
            }
        }
    }

    private sealed class Counter
    {
        public int Measuring;
        public long Accepted;
    }

    /// <summary>The socket (then TLS) stream with a reply reader that parses codes as bytes.</summary>
    private sealed class Replies(Stream stream)
    {
        private readonly byte[] _buffer = new byte[16 * 1024];
        private Stream _stream = stream;
        private int _start;
        private int _end;

        public async Task WriteAsync(ReadOnlyMemory<byte> octets, CancellationToken cancellationToken)
        {
            await _stream.WriteAsync(octets, cancellationToken).ConfigureAwait(false);
            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        public async Task StartTlsAsync(CancellationToken cancellationToken)
        {
            var tls = new SslStream(_stream, leaveInnerStreamOpen: false);
            await tls.AuthenticateAsClientAsync(
                new SslClientAuthenticationOptions
                {
                    TargetHost = "localhost",
                    EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                    RemoteCertificateValidationCallback = (_, _, _, _) => true,
                },
                cancellationToken).ConfigureAwait(false);
            _stream = tls;
            _start = _end = 0;
        }

        /// <summary>Reads one whole reply (every continuation line) and checks its code.</summary>
        public async Task ExpectAsync(int code, CancellationToken cancellationToken)
        {
            while (true)
            {
                var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
                if (newline < 0)
                {
                    await FillAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var line = _buffer.AsSpan(_start, newline - _start);
                _start = newline + 1;
                if (line.Length < 3 || !Utf8Parser.TryParse(line[..3], out int received, out _) || received != code)
                {
                    throw new IOException($"Expected {code}, got '{Encoding.Latin1.GetString(line).TrimEnd()}'.");
                }

                if (line.Length == 3 || line[3] != (byte)'-')
                {
                    return;
                }
            }
        }

        private async Task FillAsync(CancellationToken cancellationToken)
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                throw new IOException("Reply line too long.");
            }

            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            _end += read > 0 ? read : throw new IOException("Connection closed by the server.");
        }
    }
}
