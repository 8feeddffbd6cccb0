using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using DuiConformance.ReferenceDui.Mss;
using DuiConformance.ReferenceDui.Security;
using MimeKit;

namespace DuiConformance.ReferenceDui.Tests.Mss;

/// <summary>
/// The operator's announced SIZE (RFC 1870) against a scripted STARTTLS server on loopback (DUI-MSS-10, MSS/va1.13):
/// the reference DUI holds an over-size message back, shows a 552 as a size refusal, and the defect resubmits.
/// </summary>
[Category("Network")]
public sealed class MssSenderSizeLimitTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);
    private string _pem = null!;
    private X509Certificate2 _certificate = null!;

    [SetUp]
    public void CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        _certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
        _pem = Path.Combine(Path.GetTempPath(), "mss-size-" + Guid.NewGuid().ToString("N") + ".pem");
        File.WriteAllText(_pem, _certificate.ExportCertificatePem());
    }

    [TearDown]
    public void DeleteCertificate()
    {
        _certificate.Dispose();
        File.Delete(_pem);
    }

    private static MimeMessage Message(int bodyOctets)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("secretariat@ehpad-les-tilleuls.test-ci-sis.mssante.fr"));
        message.To.Add(MailboxAddress.Parse("paul.girard@medecin.test-ci-sis.mssante.fr"));
        message.Subject = "DLU";
        message.Body = new TextPart("plain") { Text = string.Concat(Enumerable.Repeat("0123456789abcdef0123456789abcdef0123456789abcdef012345\n", bodyOctets / 55 + 1)) };
        return message;
    }

    [Test]
    public async Task An_over_size_message_is_held_back_after_the_ehlo_size_and_the_refusal_names_the_limit()
    {
        var server = new ScriptedServer(_certificate, size: 2048);
        var sender = new MssSender("127.0.0.1", server.Port, "secretariat", "secret", ServerCertificatePinning.FromPemFile(_pem));

        var outcome = await sender.SendAsync(Message(10_000), CancellationToken.None).WaitAsync(Limit);
        var commands = await server.Finished.WaitAsync(Limit);

        outcome.Succeeded.ShouldBeFalse();
        outcome.Message.ShouldStartWith(MssOutbox.RefusedPrefix);
        outcome.Message.ShouldContain("taille maximale de 2048 octets");
        commands.ShouldNotContain(command => command.StartsWith("MAIL", StringComparison.Ordinal));
        commands.ShouldNotContain(command => command.StartsWith("AUTH", StringComparison.Ordinal));
        commands.ShouldContain("QUIT");
    }

    [Test]
    public async Task A_message_within_the_announced_size_is_sent()
    {
        var server = new ScriptedServer(_certificate, size: 1_000_000);
        var sender = new MssSender("127.0.0.1", server.Port, null, null, ServerCertificatePinning.FromPemFile(_pem));

        var outcome = await sender.SendAsync(Message(2_000), CancellationToken.None).WaitAsync(Limit);
        var commands = await server.Finished.WaitAsync(Limit);

        outcome.Succeeded.ShouldBeTrue(outcome.Message);
        commands.Count(command => command.StartsWith("MAIL FROM:", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Test]
    public async Task A_552_is_shown_as_the_operator_size_refusal_and_never_retried()
    {
        // Note: a server that under-announces (SIZE 1000000) but refuses at MAIL: the DUI's own check passes, the 552 must reach the user.
        var server = new ScriptedServer(_certificate, size: 1_000_000, refuseMail: true);
        var sender = new MssSender("127.0.0.1", server.Port, null, null, ServerCertificatePinning.FromPemFile(_pem));

        var outcome = await sender.SendAsync(Message(2_000), CancellationToken.None).WaitAsync(Limit);
        var commands = await server.Finished.WaitAsync(Limit);

        outcome.Succeeded.ShouldBeFalse();
        outcome.Message.ShouldContain("taille maximale");
        outcome.Message.ShouldContain("552");
        commands.Count(command => command.StartsWith("MAIL FROM:", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Test]
    public async Task The_ignores_size_limit_defect_submits_the_over_size_message_again_after_552()
    {
        var server = new ScriptedServer(_certificate, size: 2048);
        var sender = new MssSender("127.0.0.1", server.Port, null, null, ServerCertificatePinning.FromPemFile(_pem)) { IgnoreSizeLimit = true };

        var outcome = await sender.SendAsync(Message(10_000), CancellationToken.None).WaitAsync(Limit);
        var commands = await server.Finished.WaitAsync(Limit);

        outcome.Succeeded.ShouldBeFalse();
        commands.Count(command => command.StartsWith("MAIL FROM:", StringComparison.Ordinal)).ShouldBe(MssSender.DefectAttempts);
    }

    /// <summary>One STARTTLS session: EHLO announces SIZE, MAIL FROM with a SIZE over it (or any, with refuseMail) gets 552.</summary>
    private sealed class ScriptedServer
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

        public ScriptedServer(X509Certificate2 certificate, long size, bool refuseMail = false)
        {
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            Finished = RunAsync(certificate, size, refuseMail);
        }

        public int Port { get; }

        public Task<List<string>> Finished { get; }

        private async Task<List<string>> RunAsync(X509Certificate2 certificate, long size, bool refuseMail)
        {
            var commands = new List<string>();
            try
            {
                using var client = await _listener.AcceptTcpClientAsync().WaitAsync(Limit);
                Stream stream = client.GetStream();
                var reader = new StreamReader(stream, Encoding.ASCII);
                var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 scripted.test ESMTP");
                var tls = false;
                while (await reader.ReadLineAsync().WaitAsync(Limit) is { } line)
                {
                    commands.Add(line);
                    if (line.StartsWith("EHLO", StringComparison.Ordinal))
                    {
                        await writer.WriteLineAsync("250-scripted.test");
                        await writer.WriteLineAsync($"250-SIZE {size}");
                        await writer.WriteLineAsync(tls ? "250 AUTH PLAIN" : "250 STARTTLS");
                    }
                    else if (line == "STARTTLS")
                    {
                        await writer.WriteLineAsync("220 2.0.0 Ready");
                        var ssl = new SslStream(stream);
                        await ssl.AuthenticateAsServerAsync(certificate).WaitAsync(Limit);
                        stream = ssl;
                        reader = new StreamReader(stream, Encoding.ASCII);
                        writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                        tls = true;
                    }
                    else if (line.StartsWith("AUTH", StringComparison.Ordinal))
                    {
                        await writer.WriteLineAsync("235 2.7.0 OK");
                    }
                    else if (line.StartsWith("MAIL FROM:", StringComparison.Ordinal))
                    {
                        var declared = line.Split(' ').FirstOrDefault(part => part.StartsWith("SIZE=", StringComparison.Ordinal));
                        var over = declared is not null && long.Parse(declared[5..], System.Globalization.CultureInfo.InvariantCulture) > size;
                        await writer.WriteLineAsync(over || refuseMail ? "552 5.3.4 Message size exceeds fixed maximum message size" : "250 2.1.0 OK");
                    }
                    else if (line == "DATA")
                    {
                        await writer.WriteLineAsync("354 go");
                        while (await reader.ReadLineAsync().WaitAsync(Limit) is { } data && data != ".")
                        {
                        }

                        await writer.WriteLineAsync("250 2.0.0 queued");
                    }
                    else if (line == "QUIT")
                    {
                        await writer.WriteLineAsync("221 bye");
                        break;
                    }
                    else
                    {
                        await writer.WriteLineAsync("250 OK");
                    }
                }
            }
            finally
            {
                _listener.Stop();
            }

            return commands;
        }
    }
}
