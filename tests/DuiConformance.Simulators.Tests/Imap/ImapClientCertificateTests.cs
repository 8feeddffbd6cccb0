using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using DuiConformance.Core.Evidence;
using DuiConformance.Simulators.Imap;
using DuiConformance.Simulators.Mail;
using DuiConformance.Simulators.Tests.Support;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;

namespace DuiConformance.Simulators.Tests.Imap;

/// <summary>
/// An organisation mailbox opened over IMAP with a client certificate and AUTHENTICATE EXTERNAL (domain.md §4.2,
/// RFC 4422 Appendix A), MailKit on loopback.
/// </summary>
[Category("Network")]
public sealed class ImapClientCertificateTests
{
    private const string Organisation = "secretariat@ehpad-les-tilleuls.test-ci-sis.mssante.fr";

    private TemporaryEvidence _evidence = null!;
    private SimulatorCertificate _serverCertificate = null!;
    private SimulatorCertificateAuthority _authority = null!;
    private ImapSimulator _imap = null!;

    [SetUp]
    public void StartSimulator()
    {
        _evidence = new TemporaryEvidence();
        _serverCertificate = SimulatorCertificate.Create();
        _authority = SimulatorCertificateAuthority.Create();
        var options = new ImapSimulatorOptions { ClientCertificates = new ClientCertificateVerifier(_authority.Certificate, MailDirectory.LoadDefault()) };
        var store = new DuiConformance.Simulators.Mail.MailStore(Path.Combine(_evidence.Directory, "store"));
        _imap = new ImapSimulator(ImapServerContext.Create(options, store, _evidence.Store, _serverCertificate));
        _imap.Start();
    }

    [TearDown]
    public async Task StopSimulator()
    {
        await _imap.DisposeAsync().AsTask().WithTimeout("imap stop");
        _authority.Dispose();
        _serverCertificate.Dispose();
        _evidence.Dispose();
    }

    [Test]
    public async Task Mailkit_with_an_organisation_certificate_opens_its_inbox_with_external_and_the_transcript_names_it()
    {
        using var certificate = _authority.IssueClientCertificate(Organisation);
        using (var client = Client(certificate))
        {
            await client.ConnectAsync(_imap.LocalEndPoint.Address.ToString(), _imap.LocalEndPoint.Port, SecureSocketOptions.StartTls).WithTimeout("connect");
            client.AuthenticationMechanisms.ShouldContain("EXTERNAL");
            await client.AuthenticateAsync(new ExternalMechanism()).WithTimeout("auth");
            await client.Inbox.OpenAsync(FolderAccess.ReadOnly).WithTimeout("select");
            await client.DisconnectAsync(quit: true).WithTimeout("logout");
        }

        var transcript = await _evidence.Store.WaitForAsync(item => item.Kind == ImapSimulator.TranscriptKind, 0, TaskTimeouts.Network).WithTimeout("transcript");
        transcript.ShouldSatisfyAllConditions(
            () => transcript.Property(SmtpProperties.AuthMechanism).ShouldBe("EXTERNAL"),
            () => transcript.Property(SmtpProperties.AuthUser).ShouldBe(Organisation),
            () => transcript.Property(SmtpProperties.ClientCertificateSubject).ShouldBe(certificate.Subject));
    }

    [Test]
    public async Task Without_a_certificate_external_is_refused_with_authenticationfailed()
    {
        using var client = Client(null);
        await client.ConnectAsync(_imap.LocalEndPoint.Address.ToString(), _imap.LocalEndPoint.Port, SecureSocketOptions.StartTls).WithTimeout("connect");

        await Should.ThrowAsync<AuthenticationException>(() => client.AuthenticateAsync(new ExternalMechanism()).WithTimeout("auth"));
        await client.DisconnectAsync(quit: true).WithTimeout("logout");

        var transcript = await _evidence.Store.WaitForAsync(item => item.Kind == ImapSimulator.TranscriptKind, 0, TaskTimeouts.Network).WithTimeout("transcript");
        var text = Encoding.UTF8.GetString(_evidence.Store.ReadContent(transcript));
        text.ShouldContain("no client certificate presented", customMessage: text);
        text.ShouldContain("[AUTHENTICATIONFAILED]", customMessage: text);
    }

    [Test]
    public async Task A_certificate_from_another_authority_is_refused()
    {
        using var stranger = SimulatorCertificateAuthority.Create("Autorité inconnue");
        using var certificate = stranger.IssueClientCertificate(Organisation);
        using var client = Client(certificate);
        await client.ConnectAsync(_imap.LocalEndPoint.Address.ToString(), _imap.LocalEndPoint.Port, SecureSocketOptions.StartTls).WithTimeout("connect");

        await Should.ThrowAsync<AuthenticationException>(() => client.AuthenticateAsync(new ExternalMechanism()).WithTimeout("auth"));
    }

    private ImapClient Client(X509Certificate2? certificate)
    {
        var client = new ImapClient
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

    /// <summary>
    /// SASL EXTERNAL for MailKit, which has none: an empty response to the server's empty challenge (act as the
    /// certificate's identity). Note: not as an initial response — MailKit would send "AUTHENTICATE EXTERNAL " with a
    /// trailing space instead of RFC 4959's "=".
    /// </summary>
    private sealed class ExternalMechanism() : SaslMechanism(new NetworkCredential())
    {
        public override string MechanismName => "EXTERNAL";

        public override bool SupportsInitialResponse => false;

        protected override byte[] Challenge(byte[]? token, int startIndex, int length, CancellationToken cancellationToken)
        {
            IsAuthenticated = true;
            return [];
        }
    }
}
