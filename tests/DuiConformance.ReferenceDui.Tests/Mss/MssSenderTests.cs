using System.Net;
using System.Net.Sockets;
using System.Text;
using DuiConformance.ReferenceDui.Mss;
using DuiConformance.ReferenceDui.Security;
using MimeKit;

namespace DuiConformance.ReferenceDui.Tests.Mss;

[Category("Network")]
[Description("SMTP submission must be upgraded with STARTTLS before anything is sent (DUI-SEC-01); failures are reported, never thrown.")]
public class MssSenderTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    private static MimeMessage Message()
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("secretariat@ehpad-les-tilleuls.test-ci-sis.mssante.fr"));
        message.To.Add(MailboxAddress.Parse("paul.girard@medecin.test-ci-sis.mssante.fr"));
        message.Subject = "Test";
        message.Body = new TextPart("plain") { Text = "Test" };
        return message;
    }

    [Test]
    public async Task A_server_without_starttls_gets_nothing_in_plaintext()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var transcript = new StringBuilder();
        var server = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 plaintext.test ESMTP");
            while (await reader.ReadLineAsync() is { } line)
            {
                transcript.AppendLine(line);
                if (line.StartsWith("EHLO", StringComparison.OrdinalIgnoreCase))
                {
                    await writer.WriteLineAsync("250-plaintext.test");
                    await writer.WriteLineAsync("250 AUTH PLAIN");
                }
                else if (line.StartsWith("QUIT", StringComparison.OrdinalIgnoreCase))
                {
                    await writer.WriteLineAsync("221 bye");
                    break;
                }
                else
                {
                    await writer.WriteLineAsync("250 OK");
                }
            }
        });

        var sender = new MssSender("127.0.0.1", port, "secretariat", "secret", ServerCertificatePinning.None);
        var outcome = await sender.SendAsync(Message(), CancellationToken.None).WaitAsync(Limit);
        await server.WaitAsync(Limit);

        outcome.Succeeded.ShouldBeFalse();
        outcome.Message.ShouldStartWith("Échec de l'envoi MSSanté");
        transcript.ToString().ShouldNotContain("AUTH");
        transcript.ToString().ShouldNotContain("MAIL FROM");
    }

    [Test]
    public async Task An_unreachable_server_is_reported_as_such()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var sender = new MssSender("127.0.0.1", port, null, null, ServerCertificatePinning.None);
        var outcome = await sender.SendAsync(Message(), CancellationToken.None).WaitAsync(Limit);

        outcome.Succeeded.ShouldBeFalse();
        outcome.Message.ShouldContain("injoignable");
    }
}
