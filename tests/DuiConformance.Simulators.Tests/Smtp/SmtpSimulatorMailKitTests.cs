using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using DuiConformance.Core.Evidence;
using DuiConformance.Simulators.Tests.Support;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace DuiConformance.Simulators.Tests.Smtp;

/// <summary>MailKit as the reference client against the simulator on loopback (STYLE.md rule 21).</summary>
[Category("Network")]
public sealed class SmtpSimulatorMailKitTests
{
    private TemporaryEvidence _evidence = null!;
    private RunningSimulators _simulators = null!;

    private MailboxAccount Mailbox => _simulators.Mailboxes[0];

    [SetUp]
    public async Task StartSimulators()
    {
        _evidence = new TemporaryEvidence();
        _simulators = await SimulatorHost.StartAsync(new SimulatorHostOptions(), _evidence.Store, CancellationToken.None).WithTimeout("simulators start");
    }

    [TearDown]
    public async Task StopSimulators()
    {
        await _simulators.DisposeAsync().AsTask().WithTimeout("simulators stop");
        _evidence.Dispose();
    }

    [Test, Description("MSS-01: STARTTLS then AUTH PLAIN; the stored bytes are exactly what MailKit sent")]
    public async Task Mailkit_sends_over_starttls_with_auth_plain_and_the_exact_bytes_are_stored()
    {
        var message = CreateMessageWithAttachment();
        using (var client = CreatePinnedClient())
        {
            await client.ConnectAsync(_simulators.SmtpHost, _simulators.SmtpPort, SecureSocketOptions.StartTls).WithTimeout("connect");
            client.AuthenticationMechanisms.ShouldBe(["PLAIN", "LOGIN", "XOAUTH2", "OAUTHBEARER"]);
            await client.AuthenticateAsync(Mailbox.User, Mailbox.Password).WithTimeout("auth");
            var reply = await client.SendAsync(message).WithTimeout("send");
            reply.ShouldStartWith("2.0.0 OK queued as ev-");
            await client.DisconnectAsync(quit: true).WithTimeout("quit");
        }

        var transcript = await _evidence.Store.WaitForAsync(item => item.Kind == EvidenceKinds.SmtpTranscript, 0, TaskTimeouts.Network);
        var stored = _evidence.OfKind(EvidenceKinds.SmtpMessage).ShouldHaveSingleItem();
        var expected = SerializeAsSent(message);
        var transcriptText = Encoding.UTF8.GetString(_evidence.Store.ReadContent(transcript));
        stored.ShouldSatisfyAllConditions(
            () => _evidence.Store.ReadContent(stored).ShouldBe(expected),
            () => stored.Property(SmtpProperties.Tls).ShouldBe("true"),
            () => stored.Property(SmtpProperties.TlsProtocol).ShouldBeOneOf("Tls12", "Tls13"),
            () => stored.Property(SmtpProperties.AuthMechanism).ShouldBe("PLAIN"),
            () => stored.Property(SmtpProperties.AuthUser).ShouldBe(Mailbox.User),
            () => stored.Property(SmtpProperties.AuthBeforeTls).ShouldBe("false"),
            () => stored.Property(SmtpProperties.MailFrom).ShouldBe(Mailbox.Address),
            () => stored.Property(SmtpProperties.RcptTo).ShouldBe("dr.martin@medecin.mssante.fr"),
            () => stored.Property(SmtpProperties.Session).ShouldBe(transcript.Property(SmtpProperties.Session)),
            () => transcript.Property(SmtpProperties.AuthMechanism).ShouldBe("PLAIN"),
            () => transcript.Property("end").ShouldBe("Normal"),
            () => transcriptText.ShouldNotContain(Mailbox.Password),
            () => transcriptText.ShouldNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{Mailbox.User}\0{Mailbox.Password}"))),
            () => transcriptText.ShouldContain(SmtpSecretRedactorMask));
    }

    [Test]
    public async Task Mailkit_with_a_wrong_password_gets_an_authentication_error()
    {
        using var client = CreatePinnedClient();
        await client.ConnectAsync(_simulators.SmtpHost, _simulators.SmtpPort, SecureSocketOptions.StartTls).WithTimeout("connect");

        var failure = await Should.ThrowAsync<AuthenticationException>(() => client.AuthenticateAsync(Mailbox.User, "not-the-password").WithTimeout("auth"));

        failure.Message.ShouldContain("5.7.8");
    }

    [Test, Description("DESIGN.md §6: an abrupt disconnect loses nothing and breaks nothing")]
    public async Task Disconnect_in_the_middle_of_data_stores_nothing_and_the_server_accepts_a_new_session()
    {
        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(_simulators.SmtpHost, _simulators.SmtpPort).WithTimeout("tcp connect");
            var script = new ScriptedSmtpClient(tcp.GetStream());
            await script.ReadReplyAsync();
            await script.SendAsync("EHLO cut.test");
            await script.ReadReplyAsync();
            await script.RoundTripAsync("STARTTLS", "220 2.0.0 Ready to start TLS");
            await script.StartTlsAsync(_simulators.Certificate.Sha256Fingerprint);
            await script.SendAsync("EHLO cut.test");
            await script.ReadReplyAsync();
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{Mailbox.User}\0{Mailbox.Password}"));
            await script.RoundTripAsync("AUTH PLAIN " + token, "235 2.7.0 Authentication successful");
            await script.RoundTripAsync($"MAIL FROM:<{Mailbox.Address}>", $"250 2.1.0 Sender <{Mailbox.Address}> OK");
            await script.RoundTripAsync("RCPT TO:<dr.martin@medecin.mssante.fr>", "250 2.1.5 Recipient <dr.martin@medecin.mssante.fr> OK");
            await script.RoundTripAsync("DATA", "354 Start mail input; end with <CRLF>.<CRLF>");
            await script.SendRawAsync("Subject: cut\r\n\r\nthe first half of"u8.ToArray());
            tcp.Client.Close();
        }

        var transcript = await _evidence.Store.WaitForAsync(item => item.Kind == EvidenceKinds.SmtpTranscript, 0, TaskTimeouts.Network);
        transcript.Property("end").ShouldBe("NetworkError");
        _evidence.OfKind(EvidenceKinds.SmtpMessage).ShouldBeEmpty();

        using var client = CreatePinnedClient();
        await client.ConnectAsync(_simulators.SmtpHost, _simulators.SmtpPort, SecureSocketOptions.StartTls).WithTimeout("reconnect");
        await client.AuthenticateAsync(Mailbox.User, Mailbox.Password).WithTimeout("auth");
        await client.SendAsync(CreateMessageWithAttachment()).WithTimeout("send");
        await client.DisconnectAsync(quit: true).WithTimeout("quit");
        _evidence.OfKind(EvidenceKinds.SmtpMessage).ShouldHaveSingleItem();
    }

    [Test, Description("Sessions are isolated: concurrent clients each get their own message stored")]
    public async Task Concurrent_clients_each_get_their_message_stored()
    {
        await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            using var client = CreatePinnedClient();
            await client.ConnectAsync(_simulators.SmtpHost, _simulators.SmtpPort, SecureSocketOptions.StartTls).WithTimeout("connect");
            await client.AuthenticateAsync(Mailbox.User, Mailbox.Password).WithTimeout("auth");
            await client.SendAsync(CreateMessageWithAttachment()).WithTimeout("send");
            await client.DisconnectAsync(quit: true).WithTimeout("quit");
        })).WithTimeout("five clients");

        var messages = _evidence.OfKind(EvidenceKinds.SmtpMessage);
        messages.Count.ShouldBe(5);
        messages.Select(item => item.Property(SmtpProperties.Session)).Distinct().Count().ShouldBe(5);
    }

    private const string SmtpSecretRedactorMask = DuiConformance.Simulators.Smtp.SmtpSecretRedactor.Mask;

    private SmtpClient CreatePinnedClient() => new()
    {
        ServerCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is not null && Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256)) == _simulators.Certificate.Sha256Fingerprint,
        Timeout = (int)TaskTimeouts.Network.TotalMilliseconds,
    };

    private MimeMessage CreateMessageWithAttachment()
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(Mailbox.Address));
        message.To.Add(MailboxAddress.Parse("dr.martin@medecin.mssante.fr"));
        message.Subject = "DLU de Mme Exemple (synthétique)";
        message.Headers.Add("X-MSS-NIL", "TEST-NIL-0001");
        var body = new BodyBuilder { TextBody = "Bonjour,\nveuillez trouver le DLU en pièce jointe.\n" };
        body.Attachments.Add("IHE_XDM.ZIP", Enumerable.Range(0, 4096).Select(index => (byte)(index * 31)).ToArray(), new ContentType("application", "zip"));
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>The message as MailKit writes it in DATA: CRLF line endings, Bcc hidden, ending with a newline.</summary>
    private static byte[] SerializeAsSent(MimeMessage message)
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        options.EnsureNewLine = true;
        options.HiddenHeaders.Add(HeaderId.Bcc);
        options.HiddenHeaders.Add(HeaderId.ResentBcc);
        using var stream = new MemoryStream();
        message.WriteTo(options, stream);
        return stream.ToArray();
    }
}
