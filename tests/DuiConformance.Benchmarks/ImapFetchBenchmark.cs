using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using DuiConformance.Simulators;
using DuiConformance.Simulators.Imap;
using DuiConformance.Simulators.Mail;

namespace DuiConformance.Benchmarks;

/// <summary>
/// <c>imap-fetch</c> (issue 3 §7): with 10,000 messages in the INBOX, messages per second for
/// <c>UID FETCH 1:* (UID FLAGS RFC822.SIZE ENVELOPE BODYSTRUCTURE)</c> (a client's summary sync) and for
/// <c>FETCH n BODY.PEEK[]</c> (downloads), 4 clients over STARTTLS, against dovecot-imapd in the same run when it is
/// installed (<c>apt-get install -y dovecot-imapd</c>), plus the simulator's working set.
/// </summary>
public sealed class ImapFetchBenchmark : IBenchmark
{
    private const int MessageCount = 10_000;
    private const int Clients = 4;
    private const string User = "bench";
    private const string Password = "bench-Pa55";
    private static readonly TimeSpan Measure = TimeSpan.FromSeconds(6);

    /// <inheritdoc/>
    public string Name => "imap-fetch";

    /// <inheritdoc/>
    public string Description => "messages/s en FETCH IMAP (résumés et corps, 10 000 messages, 4 clients STARTTLS) contre dovecot";

    /// <inheritdoc/>
    public async Task<IReadOnlyList<BenchmarkFigure>> RunAsync(TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        var work = Path.Combine(Path.GetTempPath(), "dui-bench-imap-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        using var certificate = SimulatorCertificate.Create();
        try
        {
            var messages = Enumerable.Range(0, MessageCount).Select(CreateMessage).ToList();
            var store = new MailStore(Path.Combine(work, "store"));
            var account = new MailboxAccount("secretariat@ehpad-les-tilleuls.test-ci-sis.mssante.fr", User, Password);
            var before = GC.GetTotalMemory(forceFullCollection: true);
            foreach (var message in messages)
            {
                await store.DeliverAsync(account.Address, message, cancellationToken).ConfigureAwait(false);
            }

            var storeMiB = (GC.GetTotalMemory(forceFullCollection: true) - before) / (1024.0 * 1024.0);
            await using var imap = new ImapSimulator(ImapServerContext.Create(new ImapSimulatorOptions { Accounts = [account] }, store, null, certificate));
            imap.Start();
            var summaries = await LoadAsync(imap.LocalEndPoint, summaries: true, cancellationToken).ConfigureAwait(false);
            var bodies = await LoadAsync(imap.LocalEndPoint, summaries: false, cancellationToken).ConfigureAwait(false);
            var workingSet = Process.GetCurrentProcess().WorkingSet64 / (1024.0 * 1024.0);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  DuiConformance IMAP: summaries {summaries:0} messages/s, bodies {bodies:0} messages/s; store index {storeMiB:0.0} MiB managed for {MessageCount} messages, working set {workingSet:0} MiB"));

            var dovecot = await DovecotAsync(certificate, messages, work, log, cancellationToken).ConfigureAwait(false);
            return
            [
                new BenchmarkFigure("imap-fetch-summaries", summaries, "messages/s", dovecot is null ? null : "dovecot", dovecot?.Summaries),
                new BenchmarkFigure("imap-fetch-bodies", bodies, "messages/s", dovecot is null ? null : "dovecot", dovecot?.Bodies),
                new BenchmarkFigure("imap-store-managed-memory-10k", storeMiB, "MiB"),
                new BenchmarkFigure("imap-simulator-working-set", workingSet, "MiB"),
            ];
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
            }
        }
    }

    private static async Task<(double Summaries, double Bodies)?> DovecotAsync(SimulatorCertificate certificate, List<byte[]> messages, string work, TextWriter log, CancellationToken cancellationToken)
    {
        const string binary = "/usr/sbin/dovecot";
        if (!File.Exists(binary))
        {
            log.WriteLine("  dovecot: not installed (apt-get install -y dovecot-imapd); no reference figure");
            return null;
        }

        var root = Path.Combine(work, "dovecot");
        var port = FreePort();
        var config = DovecotConfig.Write(root, port, certificate, User, Password);
        var start = Process.Start(new ProcessStartInfo(binary) { ArgumentList = { "-c", config }, RedirectStandardError = true, UseShellExecute = false })!;
        await start.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await Task.Delay(1000, cancellationToken).ConfigureAwait(false);
            var endPoint = new IPEndPoint(IPAddress.Loopback, port);
            var connection = await ImapLoadConnection.OpenAsync(endPoint, cancellationToken).ConfigureAwait(false);
            var tag = 0;
            foreach (var message in messages)
            {
                // Note: LITERAL+ (RFC 7888), so appends are not slowed by continuation round trips.
                var command = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"p{tag++} APPEND INBOX {{{message.Length}+}}\r\n"));
                await connection.SendAsync([.. command, .. message, (byte)'\r', (byte)'\n']).ConfigureAwait(false);
                await connection.ReadUntilTaggedAsync().ConfigureAwait(false);
            }

            var summaries = await LoadAsync(endPoint, summaries: true, cancellationToken).ConfigureAwait(false);
            var bodies = await LoadAsync(endPoint, summaries: false, cancellationToken).ConfigureAwait(false);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  dovecot: summaries {summaries:0} messages/s, bodies {bodies:0} messages/s"));
            return (summaries, bodies);
        }
        catch (Exception exception) when (exception is IOException or SocketException or AuthenticationException)
        {
            log.WriteLine("  dovecot failed: " + exception.Message + " (log: " + Path.Combine(root, "dovecot.log") + ")");
            return null;
        }
        finally
        {
            using var stop = Process.Start(new ProcessStartInfo(binary) { ArgumentList = { "-c", config, "stop" }, UseShellExecute = false })!;
            await stop.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Messages per second fetched by <see cref="Clients"/> clients over <see cref="Measure"/>.</summary>
    private static async Task<double> LoadAsync(IPEndPoint endPoint, bool summaries, CancellationToken cancellationToken)
    {
        long fetched = 0;
        using var stop = new CancellationTokenSource(Measure);
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(index => Task.Run(
            async () =>
            {
                var connection = await ImapLoadConnection.OpenAsync(endPoint, cancellationToken).ConfigureAwait(false);
                await connection.SendAsync("s1 EXAMINE INBOX\r\n"u8.ToArray()).ConfigureAwait(false);
                await connection.ReadUntilTaggedAsync().ConfigureAwait(false);
                var next = 1 + (index * 997);
                var tag = 0;
                while (!stop.IsCancellationRequested)
                {
                    var command = summaries
                        ? string.Create(CultureInfo.InvariantCulture, $"f{tag++} UID FETCH 1:* (UID FLAGS RFC822.SIZE ENVELOPE BODYSTRUCTURE)\r\n")
                        : string.Create(CultureInfo.InvariantCulture, $"f{tag++} FETCH {next}:{Math.Min(next + 49, MessageCount)} BODY.PEEK[]\r\n");
                    next = next + 50 > MessageCount ? 1 : next + 50;
                    await connection.SendAsync(Encoding.ASCII.GetBytes(command)).ConfigureAwait(false);
                    Interlocked.Add(ref fetched, await connection.ReadUntilTaggedAsync().ConfigureAwait(false));
                }
            },
            CancellationToken.None))).ConfigureAwait(false);
        return Interlocked.Read(ref fetched) / stopwatch.Elapsed.TotalSeconds;
    }

    private static byte[] CreateMessage(int index) => Encoding.UTF8.GetBytes(string.Create(
        CultureInfo.InvariantCulture,
        $"From: Dr Claire Martin <dr.martin@ch-exemple.test-ci-sis.mssante.fr>\r\nTo: <secretariat@ehpad-les-tilleuls.test-ci-sis.mssante.fr>\r\nSubject: XDM/1.0/DDM+Compte rendu {index}\r\nDate: Tue, 24 Nov 2026 18:00:00 +0100\r\nMessage-ID: <fetch-{index}@ch-exemple.test>\r\nX-MSS-NIL: BENCH\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b{index}\"\r\n\r\n--b{index}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nCompte rendu {index}.\r\n--b{index}\r\nContent-Type: application/zip; name=IHE_XDM.ZIP\r\nContent-Disposition: attachment; filename=IHE_XDM.ZIP\r\nContent-Transfer-Encoding: base64\r\n\r\n{Convert.ToBase64String(Enumerable.Range(0, 3000).Select(octet => (byte)(octet * index)).ToArray(), Base64FormattingOptions.InsertLineBreaks)}\r\n--b{index}--\r\n"));

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>A raw IMAP client that logs in over STARTTLS and counts FETCH responses, reading literals by length.</summary>
    private sealed class ImapLoadConnection
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private Stream _stream;
        private int _start;
        private int _end;

        private ImapLoadConnection(Stream stream)
        {
            _stream = stream;
        }

        public static async Task<ImapLoadConnection> OpenAsync(IPEndPoint endPoint, CancellationToken cancellationToken)
        {
            var tcp = new TcpClient { NoDelay = true };
            await tcp.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
            var connection = new ImapLoadConnection(tcp.GetStream());
            await connection.ReadLineAsync().ConfigureAwait(false);
            await connection.SendAsync("t1 STARTTLS\r\n"u8.ToArray()).ConfigureAwait(false);
            await connection.ReadUntilTaggedAsync().ConfigureAwait(false);
            var tls = new SslStream(connection._stream, leaveInnerStreamOpen: false);
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "localhost",
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                RemoteCertificateValidationCallback = (_, _, _, _) => true,
            }, cancellationToken).ConfigureAwait(false);
            connection._stream = tls;
            connection._start = connection._end = 0;
            await connection.SendAsync(Encoding.ASCII.GetBytes($"t2 LOGIN {User} {Password}\r\n")).ConfigureAwait(false);
            var (_, status) = await connection.ReadTaggedAsync().ConfigureAwait(false);
            return status.Contains(" OK", StringComparison.Ordinal) ? connection : throw new IOException("IMAP login failed: " + status);
        }

        public async Task SendAsync(byte[] octets)
        {
            await _stream.WriteAsync(octets).ConfigureAwait(false);
            await _stream.FlushAsync().ConfigureAwait(false);
        }

        /// <summary>Reads responses up to the tagged one and returns how many <c>FETCH</c> responses came.</summary>
        public async Task<int> ReadUntilTaggedAsync()
        {
            var (count, status) = await ReadTaggedAsync().ConfigureAwait(false);
            return status.Contains(" OK", StringComparison.Ordinal) ? count : throw new IOException("IMAP command failed: " + status);
        }

        private async Task<(int Count, string Status)> ReadTaggedAsync()
        {
            var fetches = 0;
            while (true)
            {
                var line = await ReadLineAsync().ConfigureAwait(false);
                if (line.StartsWith('*'))
                {
                    if (line.Contains(" FETCH (", StringComparison.Ordinal))
                    {
                        fetches++;
                    }

                    continue;
                }

                if (!line.StartsWith('+'))
                {
                    return (fetches, line);
                }
            }
        }

        /// <summary>One logical response line; literals inside it are skipped by length.</summary>
        private async Task<string> ReadLineAsync()
        {
            var text = new StringBuilder();
            while (true)
            {
                var physical = await ReadPhysicalLineAsync().ConfigureAwait(false);
                text.Append(physical);
                if (physical.EndsWith('}') && physical.LastIndexOf('{') is var open and >= 0
                    && int.TryParse(physical.AsSpan(open + 1, physical.Length - open - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var size))
                {
                    await SkipAsync(size).ConfigureAwait(false);
                    continue;
                }

                return text.ToString();
            }
        }

        private async Task SkipAsync(int size)
        {
            while (size > 0)
            {
                if (_start == _end)
                {
                    await FillAsync().ConfigureAwait(false);
                }

                var take = Math.Min(size, _end - _start);
                _start += take;
                size -= take;
            }
        }

        private async Task<string> ReadPhysicalLineAsync()
        {
            var line = new StringBuilder();
            while (true)
            {
                if (_start == _end)
                {
                    await FillAsync().ConfigureAwait(false);
                }

                var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
                var stop = newline < 0 ? _end : newline;
                line.Append(Encoding.Latin1.GetString(_buffer, _start, stop - _start));
                _start = newline < 0 ? _end : newline + 1;
                if (newline >= 0)
                {
                    return line.ToString().TrimEnd('\r');
                }
            }
        }

        private async Task FillAsync()
        {
            _start = 0;
            _end = await _stream.ReadAsync(_buffer).ConfigureAwait(false);
            if (_end == 0)
            {
                throw new IOException("The IMAP server closed the connection.");
            }
        }
    }

    /// <summary>A throw-away dovecot configuration: loopback, STARTTLS with the simulator's certificate, one static user, maildir under the work folder.</summary>
    private static class DovecotConfig
    {
        public static string Write(string root, int port, SimulatorCertificate certificate, string user, string password)
        {
            Directory.CreateDirectory(Path.Combine(root, "run"));
            Directory.CreateDirectory(Path.Combine(root, "home"));
            if (!OperatingSystem.IsWindows())
            {
                // Note: dovecot's mail processes run as the dovecot user and create the maildir under home.
                File.SetUnixFileMode(Path.Combine(root, "home"), (UnixFileMode)0b111_111_111);
                File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101);
            }
            File.WriteAllText(Path.Combine(root, "cert.pem"), certificate.PublicPem);
            using (var key = certificate.Certificate.GetECDsaPrivateKey()!)
            {
                File.WriteAllText(Path.Combine(root, "key.pem"), key.ExportPkcs8PrivateKeyPem());
            }

            var config = Path.Combine(root, "dovecot.conf");
            File.WriteAllText(config, $$"""
                base_dir = {{root}}/run
                log_path = {{root}}/dovecot.log
                protocols = imap
                listen = 127.0.0.1
                ssl = yes
                ssl_cert = <{{root}}/cert.pem
                ssl_key = <{{root}}/key.pem
                ssl_min_protocol = TLSv1.2
                disable_plaintext_auth = yes
                auth_mechanisms = plain login
                mail_location = maildir:{{root}}/home/%u/Maildir
                first_valid_uid = 1
                passdb {
                  driver = static
                  args = password={{password}}
                }
                userdb {
                  driver = static
                  args = uid=dovecot gid=dovecot home={{root}}/home/%u
                }
                service imap-login {
                  inet_listener imap {
                    address = 127.0.0.1
                    port = {{port}}
                  }
                  inet_listener imaps {
                    port = 0
                  }
                }
                service stats {
                  unix_listener stats-reader {
                    mode = 0666
                  }
                  unix_listener stats-writer {
                    mode = 0666
                  }
                }
                """.Replace("{{user}}", user, StringComparison.Ordinal));
            return config;
        }
    }
}
