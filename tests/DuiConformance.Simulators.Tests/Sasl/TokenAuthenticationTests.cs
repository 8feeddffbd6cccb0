using System.Net.Http.Headers;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using DuiConformance.Core.Evidence;
using DuiConformance.Simulators.Imap;
using DuiConformance.Simulators.Psc;
using DuiConformance.Simulators.Tests.Support;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace DuiConformance.Simulators.Tests.Sasl;

/// <summary>
/// SASL XOAUTH2 and OAUTHBEARER with Pro Santé Connect tokens on the simulated operator's SMTP and IMAP servers, with
/// MailKit as the reference client, and revocation (RFC 7009) ending the sessions (domain.md §8.5 MSS-03, MSS-04).
/// </summary>
[Category("Network")]
public sealed class TokenAuthenticationTests
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
    public async Task Smtp_xoauth2_with_a_valid_psc_token_submits_and_records_the_mechanism()
    {
        var token = _simulators.IssueTestToken().AccessToken;
        using var client = await ConnectSmtpAsync();
        client.AuthenticationMechanisms.ShouldContain("XOAUTH2");
        client.AuthenticationMechanisms.ShouldContain("OAUTHBEARER");
        await client.AuthenticateAsync(new SaslMechanismOAuth2(Mailbox.Address, token)).WithTimeout("auth");
        await client.SendAsync(Letter()).WithTimeout("send");
        await client.DisconnectAsync(true).WithTimeout("quit");

        var message = _evidence.OfKind(EvidenceKinds.SmtpMessage).ShouldHaveSingleItem();
        message.Properties[SmtpProperties.AuthMechanism].ShouldBe("XOAUTH2");
        message.Properties[SmtpProperties.AuthUser].ShouldBe(Mailbox.User);
        await WaitForAsync(() => _evidence.OfKind(EvidenceKinds.SmtpTranscript).Count == 1);
        var transcript = Encoding.UTF8.GetString(_evidence.Store.ReadContent(_evidence.OfKind(EvidenceKinds.SmtpTranscript)[0]));
        transcript.ShouldNotContain(token);
        transcript.ShouldContain("AUTH XOAUTH2 ********");
    }

    [Test]
    public async Task Smtp_oauthbearer_with_a_valid_psc_token_is_accepted()
    {
        using var client = await ConnectSmtpAsync();
        await client.AuthenticateAsync(new SaslMechanismOAuthBearer(Mailbox.Address, _simulators.IssueTestToken().AccessToken)).WithTimeout("auth");
        await client.SendAsync(Letter()).WithTimeout("send");
        await client.DisconnectAsync(true).WithTimeout("quit");
        _evidence.OfKind(EvidenceKinds.SmtpMessage).ShouldHaveSingleItem().Properties[SmtpProperties.AuthMechanism].ShouldBe("OAUTHBEARER");
    }

    [Test]
    public async Task Smtp_xoauth2_continuation_form_with_a_forged_token_gets_the_json_error_challenge_then_535()
    {
        var forged = Tamper(_simulators.IssueTestToken().AccessToken);
        await using var script = await ScriptedTlsSmtpAsync();
        await script.RoundTripAsync("AUTH XOAUTH2", "334 ");
        await script.SendAsync(Base64($"user={Mailbox.Address}\u0001auth=Bearer {forged}\u0001\u0001"));
        var challenge = (await script.ReadReplyAsync()).ShouldHaveSingleItem();
        challenge.ShouldStartWith("334 ");
        using (var json = JsonDocument.Parse(Convert.FromBase64String(challenge[4..])))
        {
            json.RootElement.GetProperty("status").GetString().ShouldBe("401");
            json.RootElement.GetProperty("schemes").GetString().ShouldBe("bearer");
        }

        await script.RoundTripAsync(string.Empty, "535 5.7.8 Authentication credentials invalid");
    }

    [Test]
    public async Task Smtp_and_imap_accept_the_continuation_form_without_initial_response()
    {
        var token = _simulators.IssueTestToken().AccessToken;
        await using (var smtp = await ScriptedTlsSmtpAsync())
        {
            await smtp.RoundTripAsync("AUTH OAUTHBEARER", "334 ");
            await smtp.RoundTripAsync(Base64($"n,a={Mailbox.Address},\u0001auth=Bearer {token}\u0001\u0001"), "235 2.7.0 Authentication successful");
        }

        await using var imap = await ScriptedTlsImapAsync();
        await imap.SendAsync("a1 AUTHENTICATE XOAUTH2");
        (await imap.ReadLineAsync()).ShouldBe("+ ");
        await imap.SendAsync(Base64($"user={Mailbox.User}\u0001auth=Bearer {token}\u0001\u0001"));
        (await imap.ReadUntilTaggedAsync("a1"))[^1].ShouldStartWith("a1 OK [CAPABILITY");
    }

    [Test]
    public async Task Smtp_oauthbearer_for_a_mailbox_the_holder_does_not_hold_gets_invalid_token_and_535()
    {
        await using var script = await ScriptedTlsSmtpAsync();
        var response = Base64($"n,a=dr.fictif@medecin.mssante.fr,\u0001host=localhost\u0001auth=Bearer {_simulators.IssueTestToken().AccessToken}\u0001\u0001");
        await script.SendAsync("AUTH OAUTHBEARER " + response);
        var challenge = (await script.ReadReplyAsync()).ShouldHaveSingleItem();
        using (var json = JsonDocument.Parse(Convert.FromBase64String(challenge[4..])))
        {
            json.RootElement.GetProperty("status").GetString().ShouldBe("invalid_token");
            json.RootElement.GetProperty("openid-configuration").GetString().ShouldBe(_simulators.Psc.DiscoveryUri.ToString());
        }

        await script.RoundTripAsync("AQ==", "535 5.7.8 Authentication credentials invalid");
    }

    [Test]
    public async Task Imap_advertises_the_token_mechanisms_after_tls_and_accepts_xoauth2_and_oauthbearer()
    {
        foreach (var mechanism in new SaslMechanism[]
        {
            new SaslMechanismOAuth2(Mailbox.Address, _simulators.IssueTestToken().AccessToken),
            new SaslMechanismOAuthBearer(Mailbox.User, _simulators.IssueTestToken().AccessToken),
        })
        {
            using var client = new ImapClient { ServerCertificateValidationCallback = Pinned, Timeout = (int)TaskTimeouts.Network.TotalMilliseconds };
            await client.ConnectAsync(_simulators.ImapHost, _simulators.ImapPort, SecureSocketOptions.StartTls).WithTimeout("connect");
            client.AuthenticationMechanisms.ShouldContain("XOAUTH2");
            client.AuthenticationMechanisms.ShouldContain("OAUTHBEARER");
            client.Capabilities.HasFlag(ImapCapabilities.SaslIR).ShouldBeTrue();
            await client.AuthenticateAsync(mechanism).WithTimeout("authenticate");
            await client.Inbox.OpenAsync(FolderAccess.ReadOnly).WithTimeout("examine");
            await client.DisconnectAsync(true).WithTimeout("logout");
        }

        await WaitForAsync(() => _evidence.OfKind(ImapSimulator.TranscriptKind).Count == 2);
        _evidence.OfKind(ImapSimulator.TranscriptKind).Select(item => item.Properties["authMechanism"]).Order(StringComparer.Ordinal).ShouldBe(["OAUTHBEARER", "XOAUTH2"]);
    }

    [Test]
    public async Task Imap_xoauth2_with_an_expired_token_fails_with_authenticationfailed_after_the_error_challenge()
    {
        var expired = Tamper(_simulators.IssueTestToken().AccessToken);
        await using var script = await ScriptedTlsImapAsync();
        await script.SendAsync("a1 AUTHENTICATE XOAUTH2 " + Base64($"user={Mailbox.Address}\u0001auth=Bearer {expired}\u0001\u0001"));
        var challenge = await script.ReadLineAsync();
        challenge.ShouldStartWith("+ ");
        using (var json = JsonDocument.Parse(Convert.FromBase64String(challenge[2..])))
        {
            json.RootElement.GetProperty("status").GetString().ShouldBe("401");
        }

        await script.SendAsync(string.Empty);
        (await script.ReadUntilTaggedAsync("a1"))[^1].ShouldBe("a1 NO [AUTHENTICATIONFAILED] Authentication failed.");
    }

    [Test]
    public async Task Revoking_the_token_ends_the_imap_session_with_bye_and_the_token_is_refused_afterwards()
    {
        var token = _simulators.IssueTestToken().AccessToken;
        await using var script = await ScriptedTlsImapAsync();
        (await script.RoundTripAsync("a1", "AUTHENTICATE XOAUTH2 " + Base64($"user={Mailbox.Address}\u0001auth=Bearer {token}\u0001\u0001")))[^1].ShouldStartWith("a1 OK");
        (await script.RoundTripAsync("a2", "SELECT INBOX"))[^1].ShouldStartWith("a2 OK");

        await RevokeAsync(token);

        (await script.ReadLineAsync()).ShouldBe("* BYE [ALERT] Access token revoked (Pro Sante Connect)");
        await using var again = await ScriptedTlsImapAsync();
        await again.SendAsync("b1 AUTHENTICATE XOAUTH2 " + Base64($"user={Mailbox.Address}\u0001auth=Bearer {token}\u0001\u0001"));
        (await again.ReadLineAsync()).ShouldStartWith("+ ");
        await again.SendAsync(string.Empty);
        (await again.ReadUntilTaggedAsync("b1"))[^1].ShouldStartWith("b1 NO [AUTHENTICATIONFAILED]");
        await WaitForAsync(() => _evidence.OfKind(ImapSimulator.TranscriptKind).Any(item => item.Properties["end"] == "TokenRevoked"));
    }

    [Test]
    public async Task Revoking_the_token_answers_the_next_smtp_command_421_and_the_token_is_refused_afterwards()
    {
        var token = _simulators.IssueTestToken().AccessToken;
        using (var client = await ConnectSmtpAsync())
        {
            await client.AuthenticateAsync(new SaslMechanismOAuth2(Mailbox.Address, token)).WithTimeout("auth");
            await RevokeAsync(token);
            var refused = await Should.ThrowAsync<SmtpCommandException>(() => client.NoOpAsync().WithTimeout("noop"));
            ((int)refused.StatusCode).ShouldBe(421);
        }

        using var next = await ConnectSmtpAsync();
        await Should.ThrowAsync<AuthenticationException>(() => next.AuthenticateAsync(new SaslMechanismOAuth2(Mailbox.Address, token)).WithTimeout("auth"));
        _simulators.Psc.Validator.Validate(token).Error.ShouldBe(PscTokenError.Revoked);
    }

    [Test]
    public async Task Revocation_by_another_client_is_refused_and_an_unknown_token_is_answered_200()
    {
        using var http = new HttpClient();
        var organisation = _simulators.Psc.Options.Organisations[0];
        using var unknown = RevocationRequest("not-a-token", organisation.ClientId, organisation.ClientSecret);
        (await http.SendAsync(unknown).WithTimeout("revoke")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        using var badClient = RevocationRequest(_simulators.IssueTestToken().AccessToken, organisation.ClientId, "wrong");
        (await http.SendAsync(badClient).WithTimeout("revoke")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Unauthorized);
        _simulators.Psc.Revocations.Count.ShouldBe(0);
    }

    [Test]
    public async Task Discovery_names_the_revocation_endpoint_and_a_request_without_token_is_invalid()
    {
        using var http = new HttpClient();
        using (var discovery = JsonDocument.Parse(await http.GetStringAsync(_simulators.Psc.DiscoveryUri).WithTimeout("discovery")))
        {
            discovery.RootElement.GetProperty("revocation_endpoint").GetString().ShouldBe(_simulators.Psc.RevocationEndpoint.ToString());
        }

        var organisation = _simulators.Psc.Options.Organisations[0];
        using var request = RevocationRequest(string.Empty, organisation.ClientId, organisation.ClientSecret);
        using var response = await http.SendAsync(request).WithTimeout("revoke");
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("invalid_request");
    }

    [Test]
    public async Task Imap_implicit_tls_listener_serves_tls_12_or_later_before_the_greeting()
    {
        var port = _simulators.ImapImplicitTlsPort.ShouldNotBeNull();
        using var client = new ImapClient { ServerCertificateValidationCallback = Pinned, Timeout = (int)TaskTimeouts.Network.TotalMilliseconds };
        await client.ConnectAsync(_simulators.ImapHost, port, SecureSocketOptions.SslOnConnect).WithTimeout("connect");
        client.IsSecure.ShouldBeTrue();
        client.Capabilities.HasFlag(ImapCapabilities.StartTLS).ShouldBeFalse();
        await client.AuthenticateAsync(new SaslMechanismOAuth2(Mailbox.Address, _simulators.IssueTestToken().AccessToken)).WithTimeout("authenticate");
        await client.DisconnectAsync(true).WithTimeout("logout");

        await WaitForAsync(() => _evidence.OfKind(ImapSimulator.TranscriptKind).Count == 1);
        var transcript = _evidence.OfKind(ImapSimulator.TranscriptKind)[0];
        transcript.Properties["implicitTls"].ShouldBe("true");
        transcript.Properties["tlsProtocol"].ShouldBeOneOf("Tls12", "Tls13");
        transcript.Properties["authBeforeTls"].ShouldBe("false");
    }

    [Test]
    public async Task Imap_login_before_tls_is_refused_and_recorded_with_logindisabled_advertised()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_simulators.ImapHost, _simulators.ImapPort).WithTimeout("connect");
        await using var script = new ScriptedImapClient(tcp.GetStream());
        (await script.ReadLineAsync()).ShouldContain("LOGINDISABLED");
        (await script.RoundTripAsync("a1", $"LOGIN {Mailbox.User} {Mailbox.Password}"))[^1].ShouldStartWith("a1 NO [PRIVACYREQUIRED]");
        (await script.RoundTripAsync("a2", "AUTHENTICATE PLAIN " + Base64($"\0{Mailbox.User}\0{Mailbox.Password}")))[^1].ShouldStartWith("a2 NO [PRIVACYREQUIRED]");
        (await script.RoundTripAsync("a3", "LOGOUT"))[^1].ShouldStartWith("a3 OK");
        await WaitForAsync(() => _evidence.OfKind(ImapSimulator.TranscriptKind).Count == 1);
        _evidence.OfKind(ImapSimulator.TranscriptKind)[0].Properties["authBeforeTls"].ShouldBe("true");
    }

    private async Task RevokeAsync(string token)
    {
        using var http = new HttpClient();
        var organisation = _simulators.Psc.Options.Organisations[0];
        using var request = RevocationRequest(token, organisation.ClientId, organisation.ClientSecret);
        using var response = await http.SendAsync(request).WithTimeout("revoke");
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
    }

    private HttpRequestMessage RevocationRequest(string token, string clientId, string secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _simulators.Psc.RevocationEndpoint)
        {
            Content = new FormUrlEncodedContent([new("token", token), new("token_type_hint", "access_token")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Base64(clientId + ":" + secret));
        return request;
    }

    private async Task<SmtpClient> ConnectSmtpAsync()
    {
        var client = new SmtpClient { ServerCertificateValidationCallback = Pinned, Timeout = (int)TaskTimeouts.Network.TotalMilliseconds };
        await client.ConnectAsync(_simulators.SmtpHost, _simulators.SmtpPort, SecureSocketOptions.StartTls).WithTimeout("connect");
        return client;
    }

    private async Task<ScriptedSmtpClient> ScriptedTlsSmtpAsync()
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(_simulators.SmtpHost, _simulators.SmtpImplicitTlsPort!.Value).WithTimeout("connect");
        var tls = new SslStream(tcp.GetStream(), false, (_, certificate, _, _) => certificate is not null && Fingerprint(certificate) == _simulators.Certificate.Sha256Fingerprint);
        await tls.AuthenticateAsClientAsync("localhost").WithTimeout("tls");
        var script = new ScriptedSmtpClient(tls);
        (await script.ReadReplyAsync())[0].ShouldStartWith("220 ");
        await script.SendAsync("EHLO dui.test");
        (await script.ReadReplyAsync()).ShouldContain(line => line.Contains("XOAUTH2", StringComparison.Ordinal));
        return script;
    }

    private async Task<ScriptedImapClient> ScriptedTlsImapAsync()
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(_simulators.ImapHost, _simulators.ImapImplicitTlsPort!.Value).WithTimeout("connect");
        var tls = new SslStream(tcp.GetStream(), false, (_, certificate, _, _) => certificate is not null && Fingerprint(certificate) == _simulators.Certificate.Sha256Fingerprint);
        await tls.AuthenticateAsClientAsync("localhost").WithTimeout("tls");
        var script = new ScriptedImapClient(tls);
        (await script.ReadLineAsync()).ShouldContain("AUTH=XOAUTH2");
        return script;
    }

    private async Task WaitForAsync(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 100 && !condition(); attempt++)
        {
            await Task.Delay(50);
        }

        condition().ShouldBeTrue();
    }

    private bool Pinned(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        certificate is not null && Fingerprint(certificate) == _simulators.Certificate.Sha256Fingerprint;

    private static string Fingerprint(X509Certificate certificate) => Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256));

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    /// <summary>The token with its payload altered (the signature no longer verifies).</summary>
    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = parts[1].ToCharArray();
        payload[10] = payload[10] == 'A' ? 'B' : 'A';
        return parts[0] + "." + new string(payload) + "." + parts[2];
    }

    private static MimeMessage Letter()
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(SimulatorHostOptions.DefaultMailboxAddress));
        message.To.Add(MailboxAddress.Parse("dr.martin@ch-exemple.test-ci-sis.mssante.fr"));
        message.Subject = "Test XOAUTH2";
        message.Headers.Add("X-MSS-NIL", "TEST-NIL-0001");
        message.Body = new TextPart("plain") { Text = "Bonjour." };
        return message;
    }
}
