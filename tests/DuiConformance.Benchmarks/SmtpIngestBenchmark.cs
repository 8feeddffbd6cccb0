using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using DuiConformance.Core.Evidence;
using DuiConformance.Simulators;
using DuiConformance.Simulators.Mail;
using DuiConformance.Simulators.Smtp;

namespace DuiConformance.Benchmarks;

/// <summary>
/// <c>smtp-ingest</c> (issue 3 §7, DESIGN.md §6): messages accepted per second by the MSSanté SMTP simulator for a
/// ~100 KB message with an IHE_XDM.ZIP attachment, 20 concurrent clients each with STARTTLS and AUTH PLAIN (the lean
/// <see cref="SmtpLoadClient"/>: pipelined, one write per message, 100 messages per connection), every
/// message on disk (evidence store with fsync, plus the recipient's mailbox) before its 250. Measured in the same run
/// against python3-aiosmtpd storing each message to disk with fsync, and against a no-op sink that stores nothing, which
/// gives the load client's own ceiling.
/// </summary>
public sealed class SmtpIngestBenchmark : IBenchmark
{
    private const int Clients = 20;
    private const int MessagesPerConnection = 100;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Measure = TimeSpan.FromSeconds(8);
    private const string User = "bench";
    private const string Password = "bench-Pa55";
    private const string Recipient = "dr.fictif@medecin.mssante.fr";

    /// <inheritdoc/>
    public string Name => "smtp-ingest";

    /// <inheritdoc/>
    public string Description => "messages/s acceptés (100 Ko + IHE_XDM.ZIP, 20 clients STARTTLS+AUTH) contre python3-aiosmtpd et un puits vide";

    /// <inheritdoc/>
    public async Task<IReadOnlyList<BenchmarkFigure>> RunAsync(TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        var body = CreateMessageBody();
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"smtp-ingest: message of {body.Length + 120} octets, {Clients} clients, {Warmup.TotalSeconds} s warm-up then {Measure.TotalSeconds} s measured per server"));
        var work = Path.Combine(Path.GetTempPath(), "dui-bench-smtp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        using var certificate = SimulatorCertificate.Create();
        try
        {
            var sink = await MeasureNoOpSinkAsync(certificate, body, log, cancellationToken).ConfigureAwait(false);
            var harness = await MeasureSimulatorAsync(certificate, body, work, log, cancellationToken).ConfigureAwait(false);
            var reference = await MeasureAiosmtpdAsync(certificate, body, work, log, cancellationToken).ConfigureAwait(false);
            var figures = new List<BenchmarkFigure>();
            figures.Add(reference is { } peer
                ? new BenchmarkFigure("smtp-ingest", harness.Rate, "messages/s", "python3-aiosmtpd", peer.Rate)
                : new BenchmarkFigure("smtp-ingest", harness.Rate, "messages/s"));
            figures.Add(new BenchmarkFigure("smtp-ingest-client-ceiling", sink.Rate, "messages/s"));
            figures.Add(reference is { } cpuPeer
                ? new BenchmarkFigure("smtp-ingest-per-cpu-second", harness.PerCpuSecond, "messages/CPU-s", "python3-aiosmtpd", cpuPeer.PerCpuSecond)
                : new BenchmarkFigure("smtp-ingest-per-cpu-second", harness.PerCpuSecond, "messages/CPU-s"));
            figures.Add(new BenchmarkFigure("smtp-ingest-client-ceiling-per-cpu-second", sink.PerCpuSecond, "messages/CPU-s"));
            figures.Add(new BenchmarkFigure("smtp-ingest-simulator-working-set", harness.WorkingSetMiB, "MiB"));
            return figures;
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task<Measurement> MeasureSimulatorAsync(SimulatorCertificate certificate, byte[] body, string work, TextWriter log, CancellationToken cancellationToken)
    {
        var evidence = new EvidenceStore(Path.Combine(work, "evidence"), new EvidenceTagContext("bench"));
        var store = new MailStore(Path.Combine(work, "mailstore"));
        var options = new SmtpSimulatorOptions { Accounts = new Dictionary<string, string> { [User] = Password } };
        await using var simulator = new SmtpSimulator(SmtpServerContext.Create(options, evidence, certificate) with { Store = store });
        simulator.Start();
        var result = await LoadAsync(simulator.LocalEndPoint, body, cancellationToken).ConfigureAwait(false);
        var stored = store.Mailbox(Recipient).InboxFolder.Messages.Count;
        var workingSet = Process.GetCurrentProcess().WorkingSet64 / (1024.0 * 1024.0);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  DuiConformance simulator: {result.Rate:0.#} messages/s ({result.Measured} measured, {stored} filed in the mailbox, working set {workingSet:0} MiB)"));
        return result with { WorkingSetMiB = workingSet };
    }

    private static async Task<Measurement?> MeasureAiosmtpdAsync(SimulatorCertificate certificate, byte[] body, string work, TextWriter log, CancellationToken cancellationToken)
    {
        const string python = "/usr/bin/python3";
        if (!File.Exists(python))
        {
            log.WriteLine("  python3-aiosmtpd: /usr/bin/python3 missing; no reference figure (apt-get install -y python3-aiosmtpd)");
            return null;
        }

        var certificateFile = Path.Combine(work, "cert.pem");
        var keyFile = Path.Combine(work, "key.pem");
        var scriptFile = Path.Combine(work, "aiosmtpd_store.py");
        var outDirectory = Path.Combine(work, "aiosmtpd-out");
        Directory.CreateDirectory(outDirectory);
        await File.WriteAllTextAsync(certificateFile, certificate.PublicPem, cancellationToken).ConfigureAwait(false);
        using (var key = certificate.Certificate.GetECDsaPrivateKey() ?? throw new InvalidOperationException("The simulator certificate has no ECDSA key."))
        {
            await File.WriteAllTextAsync(keyFile, key.ExportPkcs8PrivateKeyPem(), cancellationToken).ConfigureAwait(false);
        }

        await File.WriteAllTextAsync(scriptFile, AiosmtpdScript, cancellationToken).ConfigureAwait(false);
        var port = FreePort();
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { scriptFile, port.ToString(CultureInfo.InvariantCulture), certificateFile, keyFile, outDirectory, User, Password })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        try
        {
            var ready = await process.StandardOutput.ReadLineAsync(cancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(20), cancellationToken).ConfigureAwait(false);
            if (ready != "READY")
            {
                var error = await process.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
                log.WriteLine("  python3-aiosmtpd did not start: " + (ready ?? string.Empty) + " " + error.Trim());
                return null;
            }

            var result = await LoadAsync(new IPEndPoint(IPAddress.Loopback, port), body, cancellationToken, process).ConfigureAwait(false);
            var files = Directory.GetFiles(outDirectory).Length;
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  python3-aiosmtpd: {result.Rate:0.#} messages/s ({result.Measured} measured, {files} files written)"));
            return result;
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task<Measurement> MeasureNoOpSinkAsync(SimulatorCertificate certificate, byte[] body, TextWriter log, CancellationToken cancellationToken)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var stopping = new CancellationTokenSource();
        var accept = Task.Run(() => NoOpSinkAcceptAsync(listener, certificate, stopping.Token), CancellationToken.None);
        var result = await LoadAsync((IPEndPoint)listener.LocalEndpoint, body, cancellationToken).ConfigureAwait(false);
        await stopping.CancelAsync().ConfigureAwait(false);
        listener.Stop();
        await accept.ConfigureAwait(false);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  no-op sink (load client ceiling): {result.Rate:0.#} messages/s ({result.Measured} measured)"));
        return result;
    }

    /// <summary>Runs the lean load client (<see cref="SmtpLoadClient"/>, <see cref="Clients"/> connections) for warm-up + measure.</summary>
    private static async Task<Measurement> LoadAsync(IPEndPoint endPoint, byte[] body, CancellationToken cancellationToken, Process? peer = null)
    {
        var client = new SmtpLoadClient(body, "secretariat@ehpad-les-tilleuls.test-ci-sis.mssante.fr", Recipient, User, Password)
        {
            Connections = Clients,
            MessagesPerConnection = MessagesPerConnection,
            PeerCpu = peer is null ? null : () =>
            {
                peer.Refresh();
                return peer.TotalProcessorTime;
            },
        };
        var (rate, accepted, cpu) = await client.RunAsync(endPoint, Warmup, Measure, cancellationToken).ConfigureAwait(false);
        return new Measurement(rate, accepted, 0) { PerCpuSecond = cpu > 0 ? accepted / cpu : 0 };
    }

    /// <summary>The message after its Message-ID line: headers, a text part and a ~72 KB IHE_XDM.ZIP in base64, dot-terminated.</summary>
    private static byte[] CreateMessageBody()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(archive, "INDEX.HTM", "<html><body><a href=\"IHE_XDM/SUBSET01/METADATA.XML\">METADATA</a></body></html>"u8.ToArray());
            Add(archive, "README.TXT", "DuiConformance benchmark XDM package (synthetic data).\r\n"u8.ToArray());
            Add(archive, "IHE_XDM/SUBSET01/METADATA.XML", Encoding.UTF8.GetBytes("<SubmitObjectsRequest xmlns=\"urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0\">" + new string(' ', 2000) + "</SubmitObjectsRequest>"));
            var document = new byte[70 * 1024];
            new Random(2026).NextBytes(document);
            Add(archive, "IHE_XDM/SUBSET01/DOC0001.PDF", document);
        }

        var text = new StringBuilder()
            .Append("From: Secretariat <secretariat@ehpad-les-tilleuls.test-ci-sis.mssante.fr>\r\n")
            .Append("To: <").Append(Recipient).Append(">\r\n")
            .Append("Subject: XDM/1.0/DDM+Lettre de liaison EXEMPLE Marie\r\n")
            .Append("Date: Tue, 24 Nov 2026 18:00:00 +0100\r\n")
            .Append("X-MSS-NIL: BENCH-NIL-0001\r\nX-MSS-CODECDA: 74207-2\r\nX-MSS-INS: O\r\n")
            .Append("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"=-bench-boundary\"\r\n\r\n")
            .Append("--=-bench-boundary\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
            .Append("Bonjour,\r\nveuillez trouver la lettre de liaison en pièce jointe.\r\n\r\n")
            .Append("--=-bench-boundary\r\nContent-Type: application/zip; name=IHE_XDM.ZIP\r\nContent-Disposition: attachment; filename=IHE_XDM.ZIP\r\nContent-Transfer-Encoding: base64\r\n\r\n")
            .Append(Convert.ToBase64String(zip.ToArray(), Base64FormattingOptions.InsertLineBreaks))
            .Append("\r\n--=-bench-boundary--\r\n.\r\n");
        return Encoding.UTF8.GetBytes(text.ToString());

        static void Add(ZipArchive archive, string name, byte[] content)
        {
            using var entry = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
            entry.Write(content);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static async Task NoOpSinkAcceptAsync(TcpListener listener, SimulatorCertificate certificate, CancellationToken stopping)
    {
        var sessions = new List<Task>();
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                break;
            }

            sessions.Add(Task.Run(() => NoOpSinkSessionAsync(client, certificate), CancellationToken.None));
        }

        await Task.WhenAll(sessions).ConfigureAwait(false);
    }

    /// <summary>The minimum an SMTP peer must say for the load client to go on; it reads DATA to the dot and forgets it.</summary>
    private static async Task NoOpSinkSessionAsync(TcpClient client, SimulatorCertificate certificate)
    {
        using (client)
        {
            try
            {
                var connection = new LoadConnection(client.GetStream());
                await connection.SendAsync("220 sink\r\n"u8.ToArray()).ConfigureAwait(false);
                while (true)
                {
                    var line = await connection.ReadLineAsync().ConfigureAwait(false);
                    if (line is null)
                    {
                        return;
                    }

                    var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO":
                            await connection.SendAsync("250-sink\r\n250-PIPELINING\r\n250-STARTTLS\r\n250 AUTH PLAIN\r\n"u8.ToArray()).ConfigureAwait(false);
                            break;
                        case "STAR":
                            await connection.SendAsync("220 go\r\n"u8.ToArray()).ConfigureAwait(false);
                            await connection.AcceptTlsAsync(certificate).ConfigureAwait(false);
                            break;
                        case "AUTH":
                            await connection.SendAsync("235 ok\r\n"u8.ToArray()).ConfigureAwait(false);
                            break;
                        case "DATA":
                            await connection.SendAsync("354 go\r\n"u8.ToArray()).ConfigureAwait(false);
                            if (!await connection.SkipDataAsync().ConfigureAwait(false))
                            {
                                return;
                            }

                            await connection.SendAsync("250 ok\r\n"u8.ToArray()).ConfigureAwait(false);
                            break;
                        case "QUIT":
                            await connection.SendAsync("221 bye\r\n"u8.ToArray()).ConfigureAwait(false);
                            return;
                        default:
                            await connection.SendAsync("250 ok\r\n"u8.ToArray()).ConfigureAwait(false);
                            break;
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or AuthenticationException)
            {
            }
        }
    }

    private sealed record Measurement(double Rate, long Measured, double WorkingSetMiB)
    {
        /// <summary>Messages accepted per CPU-second of the load client and the server together.</summary>
        public double PerCpuSecond { get; init; }
    }

    /// <summary>A buffered line-oriented SMTP connection for the no-op sink.</summary>
    private sealed class LoadConnection(Stream stream)
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private Stream _stream = stream;
        private int _start;
        private int _end;

        public async Task SendAsync(byte[] first, byte[]? second = null)
        {
            await _stream.WriteAsync(first).ConfigureAwait(false);
            if (second is not null)
            {
                await _stream.WriteAsync(second).ConfigureAwait(false);
            }

            await _stream.FlushAsync().ConfigureAwait(false);
        }

        public async Task AcceptTlsAsync(SimulatorCertificate certificate)
        {
            var tls = new SslStream(_stream, leaveInnerStreamOpen: false);
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
            {
                ServerCertificate = certificate.Certificate,
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            }).ConfigureAwait(false);
            _stream = tls;
            _start = _end = 0;
        }

        /// <summary>Skips message content up to and including CRLF.CRLF (vectorized search; a partial match carries over buffers); false at end of stream.</summary>
        public async Task<bool> SkipDataAsync()
        {
            // Note: the DATA command line was just read, so the content starts at a line start ("\r\n" already seen).
            var matched = 2;
            while (true)
            {
                if (_start == _end)
                {
                    _start = 0;
                    _end = await _stream.ReadAsync(_buffer).ConfigureAwait(false);
                    if (_end == 0)
                    {
                        return false;
                    }
                }

                if (Advance(ref matched))
                {
                    return true;
                }
            }
        }

        private bool Advance(ref int matched)
        {
            ReadOnlySpan<byte> terminator = "\r\n.\r\n"u8;
            while (matched > 0 && _start < _end)
            {
                var octet = _buffer[_start++];
                matched = octet == terminator[matched] ? matched + 1 : octet == (byte)'\r' ? 1 : 0;
                if (matched == terminator.Length)
                {
                    return true;
                }
            }

            var window = _buffer.AsSpan(_start, _end - _start);
            var found = window.IndexOf(terminator);
            if (found >= 0)
            {
                _start += found + terminator.Length;
                return true;
            }

            // Keep the longest tail that is a start of the terminator, to finish the match in the next buffer.
            matched = 0;
            for (var length = Math.Min(terminator.Length - 1, window.Length); length > 0; length--)
            {
                if (window[^length..].SequenceEqual(terminator[..length]))
                {
                    matched = length;
                    break;
                }
            }

            _start = _end;
            return false;
        }

        public async Task<string?> ReadLineAsync()
        {
            var line = new List<byte>();
            while (true)
            {
                if (_start == _end)
                {
                    _start = 0;
                    _end = await _stream.ReadAsync(_buffer).ConfigureAwait(false);
                    if (_end == 0)
                    {
                        return null;
                    }
                }

                var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
                if (newline < 0)
                {
                    line.AddRange(_buffer.AsSpan(_start, _end - _start));
                    _start = _end;
                    continue;
                }

                line.AddRange(_buffer.AsSpan(_start, newline - _start));
                _start = newline + 1;
                if (line.Count > 0 && line[^1] == (byte)'\r')
                {
                    line.RemoveAt(line.Count - 1);
                }

                return Encoding.Latin1.GetString([.. line]);
            }
        }
    }

    private const string AiosmtpdScript = """
        # Reference peer for smtp-ingest: python3-aiosmtpd (Debian package) with STARTTLS required, AUTH PLAIN after TLS,
        # every message written to its own file and fsync'ed before the 250.
        import os, ssl, sys, threading, time
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult

        port, certfile, keyfile, outdir, user, password = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6]

        class StoreHandler:
            def __init__(self):
                self.count = 0
                self.lock = threading.Lock()

            async def handle_DATA(self, server, session, envelope):
                with self.lock:
                    self.count += 1
                    number = self.count
                path = os.path.join(outdir, f"{number}.eml")
                with open(path, "wb") as stream:
                    stream.write(envelope.original_content or envelope.content)
                    stream.flush()
                    os.fsync(stream.fileno())
                return "250 2.0.0 OK"

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = mechanism == "PLAIN" and auth_data.login.decode() == user and auth_data.password.decode() == password
            return AuthResult(success=ok)

        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        context.load_cert_chain(certfile, keyfile)
        controller = Controller(StoreHandler(), hostname="127.0.0.1", port=port, tls_context=context, require_starttls=True,
                                authenticator=authenticator, auth_require_tls=True, data_size_limit=10 * 1024 * 1024)
        controller.start()
        print("READY", flush=True)
        while True:
            time.sleep(3600)
        """;
}
