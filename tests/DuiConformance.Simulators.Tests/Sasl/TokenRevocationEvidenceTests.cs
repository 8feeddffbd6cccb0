using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using DuiConformance.Core.Evidence;
using DuiConformance.Simulators.Psc;
using DuiConformance.Simulators.Tests.Support;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace DuiConformance.Simulators.Tests.Sasl;

/// <summary>
/// What the operator records for DUI-SEC-04 (domain.md §8.5 MSS-04): every token attempt (jti and hash, never the
/// token) before it is answered, and the harness's revocation of the tokens the mail sessions used.
/// </summary>
[Category("Network")]
public sealed class TokenRevocationEvidenceTests
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

    [Test]
    public async Task Revoking_the_mail_tokens_records_the_revocation_and_the_refused_attempt_names_the_token_by_hash_only()
    {
        var token = _simulators.IssueTestToken().AccessToken;
        using (var client = await ConnectSmtpAsync())
        {
            await client.AuthenticateAsync(new SaslMechanismOAuth2(Mailbox.Address, token)).WithTimeout("auth");
            await client.DisconnectAsync(true).WithTimeout("quit");
        }

        (await _simulators.RevokeMailTokensAsync().WithTimeout("revoke")).ShouldBe(1);
        (await _simulators.RevokeMailTokensAsync().WithTimeout("revoke again")).ShouldBe(0);

        using (var imap = new ImapClient { ServerCertificateValidationCallback = Pinned, Timeout = (int)TaskTimeouts.Network.TotalMilliseconds })
        {
            await imap.ConnectAsync(_simulators.ImapHost, _simulators.ImapPort, SecureSocketOptions.StartTls).WithTimeout("connect");
            await Should.ThrowAsync<AuthenticationException>(() => imap.AuthenticateAsync(new SaslMechanismOAuth2(Mailbox.Address, token)).WithTimeout("imap auth"));
        }

        var hash = PscTokenFingerprint.Hash(token);
        var jti = PscTokenFingerprint.ClaimedTokenId(token);
        jti.ShouldNotBeEmpty();
        var attempts = _evidence.OfKind(EvidenceKinds.MailAuth);
        attempts.Count.ShouldBe(2);
        attempts[0].Properties[MailAuthProperties.Protocol].ShouldBe("smtp");
        attempts[0].Properties[MailAuthProperties.Result].ShouldBe(MailAuthProperties.Accepted);
        attempts[0].Properties[MailAuthProperties.Mechanism].ShouldBe("XOAUTH2");
        attempts[1].Properties[MailAuthProperties.Protocol].ShouldBe("imap");
        attempts[1].Properties[MailAuthProperties.Result].ShouldBe(MailAuthProperties.Refused);
        attempts.ShouldAllBe(attempt => attempt.Properties[MailAuthProperties.TokenHash] == hash && attempt.Properties[MailAuthProperties.TokenId] == jti);
        var revocation = _evidence.OfKind(EvidenceKinds.PscRevocation).ShouldHaveSingleItem();
        revocation.Properties[MailAuthProperties.TokenId].ShouldBe(jti);
        revocation.Properties[MailAuthProperties.TokenHash].ShouldBe(hash);
        _simulators.Psc.Validator.Validate(token).Error.ShouldBe(PscTokenError.Revoked);
        foreach (var item in attempts.Append(revocation))
        {
            Encoding.UTF8.GetString(_evidence.Store.ReadContent(item)).ShouldNotContain(token.Split('.')[2]);
        }
    }

    [Test]
    public void Fingerprint_of_a_token_that_is_not_a_jwt_has_no_token_id_but_a_stable_hash()
    {
        PscTokenFingerprint.ClaimedTokenId("not-a-jwt").ShouldBeEmpty();
        PscTokenFingerprint.ClaimedTokenId("a.%%%.c").ShouldBeEmpty();
        PscTokenFingerprint.Hash("not-a-jwt").ShouldBe(PscTokenFingerprint.Hash("not-a-jwt"));
        PscTokenFingerprint.Hash("not-a-jwt").Length.ShouldBe(32);
    }

    private async Task<SmtpClient> ConnectSmtpAsync()
    {
        var client = new SmtpClient { ServerCertificateValidationCallback = Pinned, Timeout = (int)TaskTimeouts.Network.TotalMilliseconds };
        await client.ConnectAsync(_simulators.SmtpHost, _simulators.SmtpPort, SecureSocketOptions.StartTls).WithTimeout("connect");
        return client;
    }

    private bool Pinned(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        certificate is not null && Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256)) == _simulators.Certificate.Sha256Fingerprint;
}
