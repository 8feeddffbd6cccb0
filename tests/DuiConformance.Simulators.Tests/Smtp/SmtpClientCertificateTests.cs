using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using DuiConformance.Core.Evidence;
using DuiConformance.Simulators.Mail;
using DuiConformance.Simulators.Smtp;
using DuiConformance.Simulators.Tests.Support;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace DuiConformance.Simulators.Tests.Smtp;

/// <summary>
/// Organisation and applicative mailboxes authenticate with a client certificate and SASL EXTERNAL (domain.md §4.2,
/// RFC 4422 Appendix A): MailKit and a raw SslStream client on loopback.
/// </summary>
[Category("Network")]
public sealed class SmtpClientCertificateTests
{
    private const string Organisation = "secretariat@ehpad-les-tilleuls.test-ci-sis.mssante.fr";
    private const string Personal = "dr.martin@ch-exemple.test-ci-sis.mssante.fr";

    private TemporaryEvidence _evidence = null!;
    private SimulatorCertificate _serverCertificate = null!;
    private SimulatorCertificateAuthority _authority = null!;
    private SmtpSimulator _smtp = null!;

    [SetUp]
    public void StartSimulator()
    {
        _evidence = new TemporaryEvidence();
        _serverCertificate = SimulatorCertificate.Create();
        _authority = SimulatorCertificateAuthority.Create();
        var options = new SmtpSimulatorOptions
        {
            Directory = MailDirectory.LoadDefault(),
            ClientCertificates = new ClientCertificateVerifier(_authority.Certificate, MailDirectory.LoadDefault()),
        };
        _smtp = new SmtpSimulator(options, _evidence.Store, _serverCertificate);
        _smtp.Start();
    }

    [TearDown]
    public async Task StopSimulator()
    {
        await _smtp.DisposeAsync().AsTask().WithTimeout("smtp stop");
        _authority.Dispose();
        _serverCertificate.Dispose();
        _evidence.Dispose();
    }

    [Test]
    public async Task Mailkit_with_an_organisation_certificate_authenticates_with_external_and_the_evidence_names_it()
    {
        using var certificate = _authority.IssueClientCertificate(Organisation);
        using (var client = Client(certificate))
        {
            await client.ConnectAsync(_smtp.LocalEndPoint.Address.ToString(), _smtp.LocalEndPoint.Port, SecureSocketOptions.StartTls).WithTimeout("connect");
            client.AuthenticationMechanisms.ShouldContain("EXTERNAL");
            await client.AuthenticateAsync(new ExternalMechanism()).WithTimeout("auth");
            await client.SendAsync(Message()).WithTimeout("send");
            await client.DisconnectAsync(quit: true).WithTimeout("quit");
        }

        var transcript = await _evidence.Store.WaitForAsync(item => item.Kind == EvidenceKinds.SmtpTranscript, 0, TaskTimeouts.Network).WithTimeout("transcript");
        var stored = _evidence.OfKind(EvidenceKinds.SmtpMessage).ShouldHaveSingleItem();
        stored.ShouldSatisfyAllConditions(
            () => stored.Property(SmtpProperties.AuthMechanism).ShouldBe("EXTERNAL"),
            () => stored.Property(SmtpProperties.AuthUser).ShouldBe(Organisation),
            () => stored.Property(SmtpProperties.ClientCertificateSubject).ShouldBe(certificate.Subject),
            () => transcript.Property(SmtpProperties.AuthMechanism).ShouldBe("EXTERNAL"),
            () => transcript.Property(SmtpProperties.ClientCertificateSubject).ShouldBe(certificate.Subject));
    }

    [Test]
    public async Task Mailkit_without_a_certificate_is_refused_external_with_535()
    {
        using var client = Client(null);
        await client.ConnectAsync(_smtp.LocalEndPoint.Address.ToString(), _smtp.LocalEndPoint.Port, SecureSocketOptions.StartTls).WithTimeout("connect");

        var failure = await Should.ThrowAsync<AuthenticationException>(() => client.AuthenticateAsync(new ExternalMechanism()).WithTimeout("auth"));

        failure.Message.ShouldContain("5.7.8");
    }

    [Test]
    public async Task A_certificate_from_another_authority_is_refused_and_the_transcript_says_why()
    {
        using var stranger = SimulatorCertificateAuthority.Create("Autorité inconnue");
        using var certificate = stranger.IssueClientCertificate(Organisation);
        using (var client = Client(certificate))
        {
            await client.ConnectAsync(_smtp.LocalEndPoint.Address.ToString(), _smtp.LocalEndPoint.Port, SecureSocketOptions.StartTls).WithTimeout("connect");
            await Should.ThrowAsync<AuthenticationException>(() => client.AuthenticateAsync(new ExternalMechanism()).WithTimeout("auth"));
            await client.DisconnectAsync(quit: true).WithTimeout("quit");
        }

        var transcript = await _evidence.Store.WaitForAsync(item => item.Kind == EvidenceKinds.SmtpTranscript, 0, TaskTimeouts.Network).WithTimeout("transcript");
        var text = Encoding.UTF8.GetString(_evidence.Store.ReadContent(transcript));
        text.ShouldContain("not issued by the operator's test authority");
        text.ShouldContain("535 5.7.8");
        transcript.Property(SmtpProperties.AuthMechanism).ShouldBe(string.Empty);
    }

    [Test]
    public async Task A_personal_mailbox_certificate_is_refused_since_only_org_and_app_mailboxes_use_certificates()
    {
        using var certificate = _authority.IssueClientCertificate(Personal);
        using var client = Client(certificate);
        await client.ConnectAsync(_smtp.LocalEndPoint.Address.ToString(), _smtp.LocalEndPoint.Port, SecureSocketOptions.StartTls).WithTimeout("connect");

        await Should.ThrowAsync<AuthenticationException>(() => client.AuthenticateAsync(new ExternalMechanism()).WithTimeout("auth"));
    }

    [Test]
    public async Task Raw_sslstream_client_external_with_another_authorization_identity_gets_535_and_with_its_own_235()
    {
        using var certificate = _authority.IssueClientCertificate(Organisation);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_smtp.LocalEndPoint).WithTimeout("connect");
        var plain = tcp.GetStream();
        var reader = new StreamReader(plain, Encoding.ASCII);
        await ReadReplyAsync(reader);
        await WriteAsync(plain, "EHLO raw.test");
        await ReadReplyAsync(reader);
        await WriteAsync(plain, "STARTTLS");
        (await ReadReplyAsync(reader)).ShouldStartWith("220");
        await using var tls = new SslStream(plain, leaveInnerStreamOpen: true);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            ClientCertificates = [certificate],
            RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && Convert.ToHexString(presented.GetCertHash(HashAlgorithmName.SHA256)) == _serverCertificate.Sha256Fingerprint,
        }).WithTimeout("tls");
        var secure = new StreamReader(tls, Encoding.ASCII);
        await WriteAsync(tls, "EHLO raw.test");
        (await ReadReplyAsync(secure)).ShouldContain("EXTERNAL");

        await WriteAsync(tls, "AUTH EXTERNAL " + Convert.ToBase64String(Encoding.UTF8.GetBytes(Personal)));
        (await ReadReplyAsync(secure)).ShouldStartWith("535 5.7.8");
        await WriteAsync(tls, "AUTH EXTERNAL =");
        (await ReadReplyAsync(secure)).ShouldStartWith("235");
    }

    private static async Task WriteAsync(Stream stream, string line)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n")).AsTask().WithTimeout("write");
        await stream.FlushAsync().WithTimeout("flush");
    }

    /// <summary>Reads a whole (multi-line) reply and returns it joined by LF.</summary>
    private static async Task<string> ReadReplyAsync(StreamReader reader)
    {
        var lines = new List<string>();
        while (await reader.ReadLineAsync().WithTimeout("reply") is { } line)
        {
            lines.Add(line);
            if (line.Length < 4 || line[3] != '-')
            {
                break;
            }
        }

        return string.Join('\n', lines);
    }

    private SmtpClient Client(X509Certificate2? certificate)
    {
        var client = new SmtpClient
        {
            ServerCertificateValidationCallback = (_, presented, _, _) =>
                presented is not null && Convert.ToHexString(presented.GetCertHash(HashAlgorithmName.SHA256)) == _serverCertificate.Sha256Fingerprint,
            Timeout = (int)TaskTimeouts.Network.TotalMilliseconds,
        };
        if (certificate is not null)
        {
            client.ClientCertificates = [certificate];
        }

        return client;
    }

    private static MimeMessage Message()
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(Organisation));
        message.To.Add(MailboxAddress.Parse(Personal));
        message.Subject = "Test EXTERNAL";
        message.Body = new TextPart("plain") { Text = "Envoi par la BAL organisationnelle." };
        return message;
    }

    /// <summary>SASL EXTERNAL for MailKit, which has none: an empty initial response (act as the certificate's identity).</summary>
    private sealed class ExternalMechanism() : SaslMechanism(new NetworkCredential())
    {
        public override string MechanismName => "EXTERNAL";

        public override bool SupportsInitialResponse => true;

        protected override byte[] Challenge(byte[]? token, int startIndex, int length, CancellationToken cancellationToken)
        {
            IsAuthenticated = true;
            return [];
        }
    }
}
