using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
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
/// <see cref="SmtpLoadClient"/>: pipelined, one write per message, 100 messages per connection), every message on disk
/// (evidence journal with fsync, plus the recipient's mailbox) before its 250; the checkpoint that then writes each
/// message to its evidence object file is measured apart and added in its own figure. Measured in the same run against
/// python3-aiosmtpd storing each message to disk with fsync.
/// </summary>
/// <remarks>
/// Note: the load client runs in a process of its own (<see cref="SmtpLoadClient.RunChildAsync"/>), so each server's CPU
/// time over the measured window is its own: CPU milliseconds per message hold on a machine shared with other work,
/// where the wall-clock rate does not. The client's own CPU per message is reported too (the same client for both
/// servers), in place of a "ceiling" measured against a sink.
/// </remarks>
public sealed class SmtpIngestBenchmark : IBenchmark
{
    internal const int Clients = 20;
    internal const int MessagesPerConnection = 100;
    internal const string User = "bench";
    internal const string Password = "bench-Pa55";
    internal const string Sender = "secretariat@ehpad-les-tilleuls.test-ci-sis.mssante.fr";
    internal const string Recipient = "dr.fictif@medecin.mssante.fr";
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Measure = TimeSpan.FromSeconds(8);

    /// <inheritdoc/>
    public string Name => "smtp-ingest";

    /// <inheritdoc/>
    public string Description => "messages/s acceptés (100 Ko + IHE_XDM.ZIP, 20 clients STARTTLS+AUTH) et ms CPU serveur par message, contre python3-aiosmtpd";

    /// <inheritdoc/>
    public async Task<IReadOnlyList<BenchmarkFigure>> RunAsync(TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        var body = CreateMessageBody();
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"smtp-ingest: message of {body.Length + 120} octets, {Clients} clients (separate process), {Warmup.TotalSeconds} s warm-up then {Measure.TotalSeconds} s measured per server, {Environment.ProcessorCount} cores"));
        var work = Path.Combine(Path.GetTempPath(), "dui-bench-smtp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        using var certificate = SimulatorCertificate.Create();
        try
        {
            await Writeback.DrainAsync(cancellationToken).ConfigureAwait(false);
            var harness = await MeasureSimulatorAsync(certificate, work, log, cancellationToken).ConfigureAwait(false);
            await Writeback.DrainAsync(cancellationToken).ConfigureAwait(false);
            var reference = await MeasureAiosmtpdAsync(certificate, work, log, cancellationToken).ConfigureAwait(false);
            await Writeback.DrainAsync(cancellationToken).ConfigureAwait(false);
            var ceiling = await MeasureNoOpSinkAsync(certificate, log, cancellationToken).ConfigureAwait(false);
            return
            [
                Figure("smtp-ingest", harness.Rate, reference?.Rate, "messages/s"),
                Figure("smtp-ingest-server-cpu-per-message", harness.ServerCpuMsPerMessage, reference?.ServerCpuMsPerMessage, "CPU-ms/message"),
                new BenchmarkFigure("smtp-ingest-checkpoint-cpu-per-message", harness.CheckpointCpuMsPerMessage, "CPU-ms/message"),
                Figure("smtp-ingest-server-cpu-per-message-with-checkpoint", harness.ServerCpuMsPerMessage + harness.CheckpointCpuMsPerMessage, reference?.ServerCpuMsPerMessage, "CPU-ms/message"),
                Figure("smtp-ingest-per-server-cpu-second", harness.PerServerCpuSecond, reference?.PerServerCpuSecond, "messages/CPU-s"),
                Figure("smtp-ingest-per-cpu-second", harness.PerCpuSecond, reference?.PerCpuSecond, "messages/CPU-s"),
                new BenchmarkFigure("smtp-ingest-client-cpu-per-message", harness.ClientCpuMsPerMessage, "CPU-ms/message"),
                // Note: DESIGN.md §6 — the load client's own ceiling, against a peer that does nothing.
                new BenchmarkFigure("smtp-ingest-client-ceiling", ceiling.Rate, "messages/s"),
                new BenchmarkFigure("smtp-ingest-server-allocated-per-message", harness.AllocatedKiBPerMessage, "KiB/message"),
                Figure("smtp-ingest-server-working-set", harness.WorkingSetMiB, reference?.WorkingSetMiB, "MiB"),
            ];
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

        static BenchmarkFigure Figure(string name, double value, double? peer, string unit) =>
            peer is { } reference ? new BenchmarkFigure(name, value, unit, "python3-aiosmtpd", reference) : new BenchmarkFigure(name, value, unit);
    }

    private static async Task<Measurement> MeasureSimulatorAsync(SimulatorCertificate certificate, string work, TextWriter log, CancellationToken cancellationToken)
    {
        var evidence = new EvidenceStore(Path.Combine(work, "evidence"), new EvidenceTagContext("bench"));
        var store = new MailStore(Path.Combine(work, "mailstore"));
        var options = new SmtpSimulatorOptions { Accounts = new Dictionary<string, string> { [User] = Password } };
        await using var simulator = new SmtpSimulator(SmtpServerContext.Create(options, evidence, certificate) with { Store = store });
        simulator.Start();
        using var self = Process.GetCurrentProcess();
        var result = await LoadAsync(simulator.LocalEndPoint.Port, self, cancellationToken).ConfigureAwait(false);
        var stored = store.Mailbox(Recipient).InboxFolder.Messages.Count;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  DuiConformance simulator: {result.Rate:0.#} messages/s ({result.Measured} measured, {stored} filed in the mailbox), server {result.ServerCpuMsPerMessage:0.000} CPU-ms/message and {result.AllocatedKiBPerMessage:0} KiB allocated/message, client {result.ClientCpuMsPerMessage:0.000} CPU-ms/message, working set {result.WorkingSetMiB:0} MiB, load average {LoadAverage()}"));

        // Note: the accepted messages wait in the evidence journal; writing them to their object files is deferred to the
        // checkpoint (idle or closing store). Its cost per message is measured here, apart, so the deferred work is not
        // hidden: the figure with it added is the server's whole cost per message.
        var journalled = evidence.JournalledCount;
        var cpuBefore = CpuClock.NowMicroseconds();
        var wall = Stopwatch.StartNew();
        var written = await evidence.CheckpointAsync(cancellationToken).ConfigureAwait(false);
        var checkpointCpuMs = (CpuClock.NowMicroseconds() - cpuBefore) / 1000;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  checkpoint after the load: {written} objects written from the journal ({journalled} journalled) in {wall.Elapsed.TotalSeconds:0.00} s, {checkpointCpuMs / Math.Max(1, written):0.000} CPU-ms/object"));
        return result with { CheckpointCpuMsPerMessage = checkpointCpuMs / Math.Max(1, written) };
    }

    private static async Task<Measurement> MeasureNoOpSinkAsync(SimulatorCertificate certificate, TextWriter log, CancellationToken cancellationToken)
    {
        await using var sink = new NoOpSmtpSink(certificate.Certificate);
        sink.Start();
        using var self = Process.GetCurrentProcess();
        var result = await LoadAsync(sink.Port, self, cancellationToken).ConfigureAwait(false);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  no-op sink (client ceiling): {result.Rate:0.#} messages/s ({result.Measured} measured), sink {result.ServerCpuMsPerMessage:0.000} CPU-ms/message, client {result.ClientCpuMsPerMessage:0.000} CPU-ms/message, load average {LoadAverage()}"));
        return result;
    }

    private static async Task<Measurement?> MeasureAiosmtpdAsync(SimulatorCertificate certificate, string work, TextWriter log, CancellationToken cancellationToken)
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

            var result = await LoadAsync(port, process, cancellationToken).ConfigureAwait(false);
            var files = Directory.GetFiles(outDirectory).Length;
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  python3-aiosmtpd: {result.Rate:0.#} messages/s ({result.Measured} measured, {files} files written), server {result.ServerCpuMsPerMessage:0.000} CPU-ms/message, client {result.ClientCpuMsPerMessage:0.000} CPU-ms/message, working set {result.WorkingSetMiB:0} MiB, load average {LoadAverage()}"));
            return result;
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs the load client in its own process against <paramref name="port"/> and samples <paramref name="server"/>'s CPU
    /// time and working set at the edges of the client's measured window.
    /// </summary>
    private static async Task<Measurement> LoadAsync(int port, Process server, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        var assembly = typeof(SmtpLoadClient).Assembly.Location;
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
        {
            start.ArgumentList.Add(assembly);
        }

        foreach (var argument in new[] { "smtp-load-client", port.ToString(CultureInfo.InvariantCulture), Warmup.TotalSeconds.ToString(CultureInfo.InvariantCulture), Measure.TotalSeconds.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var client = Process.Start(start) ?? throw new InvalidOperationException("The load client did not start.");
        TimeSpan cpuAtStart = TimeSpan.Zero, cpuAtEnd = TimeSpan.Zero;
        long allocatedAtStart = 0, allocatedAtEnd = 0;
        double workingSet = 0;
        try
        {
            while (await client.StandardOutput.ReadLineAsync(cancellationToken).AsTask().WaitAsync(Warmup + Measure + TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false) is { } line)
            {
                if (line == "WINDOW-START")
                {
                    server.Refresh();
                    cpuAtStart = server.TotalProcessorTime;
                    allocatedAtStart = GC.GetTotalAllocatedBytes();
                }
                else if (line == "WINDOW-END")
                {
                    server.Refresh();
                    cpuAtEnd = server.TotalProcessorTime;
                    allocatedAtEnd = GC.GetTotalAllocatedBytes();
                    workingSet = server.WorkingSet64 / (1024.0 * 1024.0);
                }
                else if (line.StartsWith("RESULT ", StringComparison.Ordinal))
                {
                    var parts = line.Split(' ');
                    var accepted = long.Parse(parts[1], CultureInfo.InvariantCulture);
                    var rate = double.Parse(parts[2], CultureInfo.InvariantCulture);
                    var clientCpu = double.Parse(parts[3], CultureInfo.InvariantCulture);
                    var serverCpu = (cpuAtEnd - cpuAtStart).TotalSeconds;
                    return new Measurement(rate, accepted, workingSet, serverCpu, clientCpu) { AllocatedBytes = allocatedAtEnd - allocatedAtStart };
                }
            }

            throw new InvalidOperationException("The load client ended without a result.");
        }
        finally
        {
            if (!client.HasExited)
            {
                client.Kill(entireProcessTree: true);
            }

            await client.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }

    /// <summary>The message after its Message-ID line: headers, a text part and a ~72 KB IHE_XDM.ZIP in base64, dot-terminated.</summary>
    internal static byte[] CreateMessageBody()
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

    /// <summary>One server's figures over the measured window.</summary>
    /// <param name="Rate">250s to DATA per wall-clock second.</param>
    /// <param name="Measured">250s to DATA counted.</param>
    /// <param name="WorkingSetMiB">The server process's working set at the end of the window.</param>
    /// <param name="ServerCpuSeconds">CPU time of the server's process in the window.</param>
    /// <param name="ClientCpuSeconds">CPU time of the load client's process in the window.</param>
    private sealed record Measurement(double Rate, long Measured, double WorkingSetMiB, double ServerCpuSeconds, double ClientCpuSeconds)
    {
        /// <summary>Managed octets allocated in this process over the window: the simulator's, when it is the server.</summary>
        public long AllocatedBytes { get; init; }

        /// <summary>CPU milliseconds per object of the evidence checkpoint run after the load (the simulator only).</summary>
        public double CheckpointCpuMsPerMessage { get; init; }

        public double AllocatedKiBPerMessage => Measured > 0 ? AllocatedBytes / 1024.0 / Measured : 0;

        public double ServerCpuMsPerMessage => Measured > 0 ? ServerCpuSeconds * 1000 / Measured : 0;

        public double ClientCpuMsPerMessage => Measured > 0 ? ClientCpuSeconds * 1000 / Measured : 0;

        public double PerServerCpuSecond => ServerCpuSeconds > 0 ? Measured / ServerCpuSeconds : 0;

        /// <summary>Messages per CPU-second of the load client and the server together.</summary>
        public double PerCpuSecond => ServerCpuSeconds + ClientCpuSeconds > 0 ? Measured / (ServerCpuSeconds + ClientCpuSeconds) : 0;
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
