using System.Text;
using DuiConformance.Core.Evidence;
using DuiConformance.Simulators.Smtp;
using DuiConformance.Simulators.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DuiConformance.Simulators.Tests.Smtp;

/// <summary>Scripted client replays over in-memory streams (STYLE.md rule 20): exact replies, wire facts, evidence.</summary>
public sealed class SmtpSessionScriptTests
{
    [Test]
    public async Task Greeting_then_quit_ends_the_session_normally_with_221()
    {
        await using var harness = SmtpSessionHarness.Start();
        await harness.Client.ExpectAsync(SmtpSessionHarness.Greeting);

        var end = await harness.QuitAsync();

        end.ShouldBe(SmtpSessionEnd.Normal);
    }

    [Test]
    public async Task Ehlo_before_tls_offers_starttls_and_no_auth()
    {
        await using var harness = SmtpSessionHarness.Start();
        await harness.Client.ExpectAsync(SmtpSessionHarness.Greeting);

        await harness.Client.RoundTripAsync("ehlo client.test", SmtpSessionHarness.EhloBeforeTls());
    }

    [Test, Description("RFC 5321 §4.1.1.3 and §3.3: RCPT needs an open transaction")]
    public async Task Rcpt_before_mail_is_rejected_with_503()
    {
        await using var harness = SmtpSessionHarness.Start();
        await harness.Client.ExpectAsync(SmtpSessionHarness.Greeting);
        await harness.Client.RoundTripAsync("EHLO client.test", SmtpSessionHarness.EhloBeforeTls());

        await harness.Client.RoundTripAsync("RCPT TO:<a@test-ci-sis.mssante.fr>", "503 5.5.1 Bad sequence of commands");
    }

    [Test]
    public async Task Mail_before_ehlo_is_rejected_with_503()
    {
        await using var harness = SmtpSessionHarness.Start();
        await harness.Client.ExpectAsync(SmtpSessionHarness.Greeting);

        await harness.Client.RoundTripAsync("MAIL FROM:<a@test-ci-sis.mssante.fr>", "503 5.5.1 Bad sequence of commands");
    }

    [Test, Description("RFC 3207 §4 / RFC 4954 §4: a submission server refuses AUTH in clear; the attempt is a DUI-SEC-01 fact")]
    public async Task Auth_before_starttls_is_refused_with_530_and_recorded()
    {
        await using var harness = SmtpSessionHarness.Start();
        await harness.Client.ExpectAsync(SmtpSessionHarness.Greeting);
        await harness.Client.RoundTripAsync("EHLO client.test", SmtpSessionHarness.EhloBeforeTls());

        await harness.Client.RoundTripAsync("AUTH PLAIN " + SmtpSessionHarness.PlainToken(), "530 5.7.0 Must issue a STARTTLS command first");
        await harness.QuitAsync();

        var transcript = harness.Evidence.OfKind(EvidenceKinds.SmtpTranscript).ShouldHaveSingleItem();
        var text = Encoding.UTF8.GetString(harness.Evidence.Store.ReadContent(transcript));
        transcript.ShouldSatisfyAllConditions(
            () => transcript.Flag(SmtpProperties.AuthBeforeTls).ShouldBeTrue(),
            () => transcript.Property(SmtpProperties.Tls).ShouldBe("false"),
            () => transcript.Property(SmtpProperties.Session).ShouldBe("smtp-test0001"),
            () => text.ShouldContain("C: AUTH PLAIN ********"),
            () => text.ShouldNotContain(SmtpSessionHarness.PlainToken()),
            () => text.ShouldNotContain(SmtpSessionHarness.Password));
    }

    [Test]
    public async Task Mail_without_auth_after_tls_is_refused_with_530()
    {
        await using var harness = SmtpSessionHarness.Start();
        await harness.SecureAsync();

        await harness.Client.RoundTripAsync("MAIL FROM:<a@test-ci-sis.mssante.fr>", "530 5.7.0 Authentication required");
    }

    [Test, Description("RFC 3207 §4.2: after TLS the client must greet again")]
    public async Task Mail_right_after_starttls_without_new_ehlo_is_rejected_with_503()
    {
        await using var harness = SmtpSessionHarness.Start();
        await harness.Client.ExpectAsync(SmtpSessionHarness.Greeting);
        await harness.Client.RoundTripAsync("EHLO client.test", SmtpSessionHarness.EhloBeforeTls());
        await harness.Client.RoundTripAsync("STARTTLS", "220 2.0.0 Ready to start TLS");
        await harness.Client.StartTlsAsync(harness.Certificate.Sha256Fingerprint);

        await harness.Client.RoundTripAsync("AUTH PLAIN " + SmtpSessionHarness.PlainToken(), "503 5.5.1 Bad sequence of commands");
        harness.Session.IsTls.ShouldBeTrue();
        harness.Session.TlsProtocol.ShouldBeOneOf("Tls12", "Tls13");
    }

    [Test, Description("RFC 3207 §5: commands pipelined after STARTTLS are discarded, not executed after the handshake")]
    public async Task Commands_pipelined_after_starttls_are_discarded()
    {
        await using var harness = SmtpSessionHarness.Start();
        await harness.Client.ExpectAsync(SmtpSessionHarness.Greeting);
        await harness.Client.RoundTripAsync("EHLO client.test", SmtpSessionHarness.EhloBeforeTls());

        await harness.Client.SendRawAsync("STARTTLS\r\nEHLO injected.test\r\n"u8.ToArray());
        await harness.Client.ExpectAsync("220 2.0.0 Ready to start TLS");
        await harness.Client.StartTlsAsync(harness.Certificate.Sha256Fingerprint);

        await harness.Client.RoundTripAsync("MAIL FROM:<a@test-ci-sis.mssante.fr>", "503 5.5.1 Bad sequence of commands");
        harness.Session.Transcript.Lines.ShouldContain(line => line.Text.Contains("discarded", StringComparison.Ordinal));
    }

    [Test, Description("RFC 4954 §4: AUTH PLAIN without initial response gets an empty 334 challenge; the response is masked")]
    public async Task Auth_plain_with_continuation_succeeds_and_the_response_is_masked()
    {
        await using var harness = SmtpSessionHarness.Start();
        await harness.SecureAsync();

        await harness.Client.RoundTripAsync("AUTH PLAIN", "334 ");
        await harness.Client.RoundTripAsync(SmtpSessionHarness.PlainToken(), "235 2.7.0 Authentication successful");

        harness.Session.AuthUser.ShouldBe(SmtpSessionHarness.User);
        harness.Session.AuthMechanism.ShouldBe("PLAIN");
        harness.Session.Transcript.Lines.ShouldContain(line => line.Direction == SmtpTranscriptDirection.Client && line.Text == SmtpSecretRedactor.Mask);
        harness.Session.Transcript.Lines.ShouldNotContain(line => line.Text.Contains(SmtpSessionHarness.PlainToken(), StringComparison.Ordinal));
    }

    [Test]
    public async Task Auth_plain_with_a_wrong_password_is_refused_with_535()
    {
        await using var harness = SmtpSessionHarness.Start();
        await harness.SecureAsync();

        await harness.Client.RoundTripAsync("AUTH PLAIN " + SmtpSessionHarness.PlainToken(password: "wrong"), "535 5.7.8 Authentication credentials invalid");
        harness.Session.AuthUser.ShouldBeNull();
    }

    [Test]
    public async Task Auth_cancelled_with_a_star_is_answered_501()
    {
        await using var harness = SmtpSessionHarness.Start();
        await harness.SecureAsync();

        await harness.Client.RoundTripAsync("AUTH PLAIN", "334 ");
        await harness.Client.RoundTripAsync("*", "501 5.7.0 Authentication canceled");
    }

    [Test]
    public async Task Auth_with_an_unknown_mechanism_is_answered_504()
    {
        await using var harness = SmtpSessionHarness.Start();
        await harness.SecureAsync();

        await harness.Client.RoundTripAsync("AUTH CRAM-MD5", "504 5.5.4 Unrecognized authentication type");
    }

    [Test]
    public async Task Rcpt_outside_the_accepted_domains_is_refused_as_relay()
    {
        await using var harness = SmtpSessionHarness.Start();
        await harness.AuthenticateAsync();
        await harness.Client.RoundTripAsync("MAIL FROM:<a@test-ci-sis.mssante.fr>", "250 2.1.0 Sender <a@test-ci-sis.mssante.fr> OK");

        await harness.Client.RoundTripAsync("RCPT TO:<someone@gmail.com>", "550 5.7.1 Relaying denied");
        await harness.Client.RoundTripAsync("RCPT TO:<x@test-ci-sis.mssante.fr>", "250 2.1.5 Recipient <x@test-ci-sis.mssante.fr> OK");
        await harness.Client.RoundTripAsync("RCPT TO:<x@ch-dax.MSSANTE.fr>", "250 2.1.5 Recipient <x@ch-dax.MSSANTE.fr> OK");
    }

    [Test, Description("RFC 5321 §4.5.2: a leading dot added by the client for transparency is removed")]
    public async Task Data_with_dot_stuffing_is_unstuffed_and_stored_before_250()
    {
        await using var harness = SmtpSessionHarness.Start();
        await harness.OpenDataAsync();

        await harness.Client.SendRawAsync("Subject: test\r\n\r\n..leading dot\r\n.\r\n"u8.ToArray());
        var reply = (await harness.Client.ReadReplyAsync()).ShouldHaveSingleItem();

        var message = harness.Evidence.OfKind(EvidenceKinds.SmtpMessage).ShouldHaveSingleItem();
        reply.ShouldBe($"250 2.0.0 OK queued as {message.Id}");
        Encoding.ASCII.GetString(harness.Evidence.Store.ReadContent(message)).ShouldBe("Subject: test\r\n\r\n.leading dot\r\n");
        message.ShouldSatisfyAllConditions(
            () => message.MediaType.ShouldBe("message/rfc822"),
            () => message.Property(SmtpProperties.Session).ShouldBe("smtp-test0001"),
            () => message.Property(SmtpProperties.MailFrom).ShouldBe(SmtpSessionHarness.Sender),
            () => message.Property(SmtpProperties.RcptTo).ShouldBe(SmtpSessionHarness.Recipient),
            () => message.Property(SmtpProperties.Tls).ShouldBe("true"),
            () => message.Property(SmtpProperties.AuthMechanism).ShouldBe("PLAIN"),
            () => message.Property(SmtpProperties.AuthUser).ShouldBe(SmtpSessionHarness.User),
            () => message.Property(SmtpProperties.AuthBeforeTls).ShouldBe("false"),
            () => message.Property(SmtpProperties.BareLineFeed).ShouldBe("false"),
            () => message.Property(SmtpProperties.EightBitWithout8BitMime).ShouldBe("false"),
            () => message.Property(SmtpProperties.LongLines).ShouldBe("false"));
    }

    [Test, Description("RFC 5321 §2.3.8: a bare LF is recorded as a wire fact and kept as received")]
    public async Task Data_with_a_bare_line_feed_records_the_bare_lf_fact()
    {
        await using var harness = SmtpSessionHarness.Start();
        await harness.OpenDataAsync();

        await harness.Client.SendRawAsync("Subject: bare\r\n\r\nline one\nline two\r\n.\r\n"u8.ToArray());
        await harness.Client.ReadReplyAsync();

        var message = harness.Evidence.OfKind(EvidenceKinds.SmtpMessage).ShouldHaveSingleItem();
        message.Flag(SmtpProperties.BareLineFeed).ShouldBeTrue();
        Encoding.ASCII.GetString(harness.Evidence.Store.ReadContent(message)).ShouldBe("Subject: bare\r\n\r\nline one\nline two\r\n");
    }

    [Test, Description("RFC 6152: 8-bit octets need BODY=8BITMIME; RFC 5321 §4.5.3.1.6: lines over 998 octets")]
    public async Task Data_with_8bit_octets_without_8bitmime_and_a_long_line_records_both_facts()
    {
        await using var harness = SmtpSessionHarness.Start();
        await harness.OpenDataAsync();

        var content = Encoding.UTF8.GetBytes("Subject: é\r\n\r\n" + new string('x', 1200) + "\r\n.\r\n");
        await harness.Client.SendRawAsync(content);
        await harness.Client.ReadReplyAsync();

        var message = harness.Evidence.OfKind(EvidenceKinds.SmtpMessage).ShouldHaveSingleItem();
        message.Flag(SmtpProperties.EightBitWithout8BitMime).ShouldBeTrue();
        message.Flag(SmtpProperties.LongLines).ShouldBeTrue();
    }

    [Test]
    public async Task Data_with_8bit_octets_after_body_8bitmime_is_not_flagged()
    {
        await using var harness = SmtpSessionHarness.Start();
        await harness.OpenDataAsync(" BODY=8BITMIME");

        await harness.Client.SendRawAsync(Encoding.UTF8.GetBytes("Subject: é\r\n\r\nbody\r\n.\r\n"));
        await harness.Client.ReadReplyAsync();

        harness.Evidence.OfKind(EvidenceKinds.SmtpMessage).ShouldHaveSingleItem().Flag(SmtpProperties.EightBitWithout8BitMime).ShouldBeFalse();
    }

    [Test, Description("RFC 1870: a declared SIZE over the limit is refused at MAIL")]
    public async Task Mail_declaring_a_size_over_the_limit_is_refused_with_552()
    {
        await using var harness = SmtpSessionHarness.Start();
        await harness.AuthenticateAsync();

        await harness.Client.RoundTripAsync("MAIL FROM:<a@test-ci-sis.mssante.fr> SIZE=99999999", "552 5.3.4 Message size exceeds fixed maximum message size");
    }

    [Test, Description("RFC 1870 §6: content over the limit is read to the end, refused with 552 and not stored")]
    public async Task Oversize_data_is_refused_with_552_and_nothing_is_stored()
    {
        await using var harness = SmtpSessionHarness.Start(options => options with { MaxMessageSize = 100 });
        await harness.Client.ExpectAsync(SmtpSessionHarness.Greeting);
        await harness.Client.SendAsync("EHLO client.test");
        (await harness.Client.ReadReplyAsync()).ShouldContain("250-SIZE 100");
        await harness.Client.RoundTripAsync("STARTTLS", "220 2.0.0 Ready to start TLS");
        await harness.Client.StartTlsAsync(harness.Certificate.Sha256Fingerprint);
        await harness.Client.SendAsync("EHLO client.test");
        await harness.Client.ReadReplyAsync();
        await harness.Client.RoundTripAsync("AUTH PLAIN " + SmtpSessionHarness.PlainToken(), "235 2.7.0 Authentication successful");
        await harness.Client.RoundTripAsync("MAIL FROM:<a@test-ci-sis.mssante.fr>", "250 2.1.0 Sender <a@test-ci-sis.mssante.fr> OK");
        await harness.Client.RoundTripAsync("RCPT TO:<b@test-ci-sis.mssante.fr>", "250 2.1.5 Recipient <b@test-ci-sis.mssante.fr> OK");
        await harness.Client.RoundTripAsync("DATA", "354 Start mail input; end with <CRLF>.<CRLF>");

        await harness.Client.SendRawAsync(Encoding.ASCII.GetBytes("Subject: big\r\n\r\n" + string.Concat(Enumerable.Repeat("0123456789\r\n", 20)) + ".\r\n"));
        await harness.Client.ExpectAsync("552 5.3.4 Message size exceeds fixed maximum message size");
        await harness.Client.RoundTripAsync("NOOP", "250 2.0.0 OK");

        harness.Evidence.OfKind(EvidenceKinds.SmtpMessage).ShouldBeEmpty();
    }

    [Test]
    public async Task Garbage_line_is_answered_500()
    {
        await using var harness = SmtpSessionHarness.Start();
        await harness.Client.ExpectAsync(SmtpSessionHarness.Greeting);

        await harness.Client.SendRawAsync([0x00, 0xFF, 0x16, 0x03, 0x01, (byte)'\r', (byte)'\n']);
        await harness.Client.ExpectAsync("500 5.5.2 Syntax error, command unrecognized");
        await harness.Client.RoundTripAsync("FOO bar", "500 5.5.2 Syntax error, command unrecognized");
        await harness.Client.RoundTripAsync("NOOP", "250 2.0.0 OK");
    }

    [Test, Description("RFC 5321 §4.5.3.1.4: an over-long command line is refused without being buffered whole")]
    public async Task Overlong_command_line_is_answered_500_line_too_long()
    {
        await using var harness = SmtpSessionHarness.Start(options => options with { MaxCommandLineLength = 512 });
        await harness.Client.ExpectAsync(SmtpSessionHarness.Greeting);

        await harness.Client.RoundTripAsync("NOOP " + new string('a', 100_000), "500 5.5.2 Line too long");
        await harness.Client.RoundTripAsync("NOOP", "250 2.0.0 OK");
    }

    [Test]
    public async Task Too_many_bad_commands_end_the_session_with_421()
    {
        await using var harness = SmtpSessionHarness.Start(options => options with { MaxBadCommands = 3 });
        await harness.Client.ExpectAsync(SmtpSessionHarness.Greeting);

        await harness.Client.RoundTripAsync("XYZZY", "500 5.5.2 Syntax error, command unrecognized");
        await harness.Client.RoundTripAsync("XYZZY", "500 5.5.2 Syntax error, command unrecognized");
        await harness.Client.SendAsync("XYZZY");
        await harness.Client.ExpectAsync("500 5.5.2 Syntax error, command unrecognized");
        await harness.Client.ExpectAsync("421 4.7.0 Too many errors, closing transmission channel");

        (await harness.Running.WithTimeout("session end")).ShouldBe(SmtpSessionEnd.TooManyErrors);
    }

    [Test, Description("RFC 5321 §4.5.3.2: an idle client is dropped with 421 after the command timeout")]
    public async Task Idle_client_is_dropped_with_421_after_the_command_timeout()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var harness = SmtpSessionHarness.Start(options => options with { CommandTimeout = TimeSpan.FromMinutes(5) }, time);
        await harness.Client.ExpectAsync(SmtpSessionHarness.Greeting);

        var reply = harness.Client.ReadReplyAsync();
        while (!reply.IsCompleted && !harness.Running.IsCompleted)
        {
            // Note: the server arms its timer when it starts reading; advancing repeatedly covers that race.
            time.Advance(TimeSpan.FromMinutes(6));
            await Task.WhenAny(reply, Task.Delay(20));
        }

        (await reply.WithTimeout("timeout reply")).ShouldBe(["421 4.4.2 Timeout exceeded, closing transmission channel"]);
        (await harness.Running.WithTimeout("session end")).ShouldBe(SmtpSessionEnd.Timeout);
        harness.Session.Transcript.Lines[0].At.ShouldBe(DateTimeOffset.Parse("2026-03-01T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Test]
    public async Task Failed_tls_handshake_ends_the_session_as_a_network_error()
    {
        var harness = SmtpSessionHarness.Start();
        try
        {
            await harness.Client.ExpectAsync(SmtpSessionHarness.Greeting);
            await harness.Client.RoundTripAsync("EHLO client.test", SmtpSessionHarness.EhloBeforeTls());
            await harness.Client.RoundTripAsync("STARTTLS", "220 2.0.0 Ready to start TLS");
            await harness.Client.SendRawAsync("this is not a TLS ClientHello\r\n"u8.ToArray());
            await harness.Client.DisposeAsync();

            (await harness.Running.WithTimeout("session end")).ShouldBe(SmtpSessionEnd.NetworkError);
            harness.Session.IsTls.ShouldBeFalse();
        }
        finally
        {
            await harness.DisposeAsync();
        }
    }

    [Test]
    public async Task Disconnect_in_the_middle_of_data_stores_no_message()
    {
        var harness = SmtpSessionHarness.Start();
        try
        {
            await harness.OpenDataAsync();
            await harness.Client.SendRawAsync("Subject: cut\r\n\r\nhalf a mes"u8.ToArray());
            await harness.Client.DisposeAsync();

            (await harness.Running.WithTimeout("session end")).ShouldBe(SmtpSessionEnd.NetworkError);
            harness.Evidence.OfKind(EvidenceKinds.SmtpMessage).ShouldBeEmpty();
            harness.Evidence.OfKind(EvidenceKinds.SmtpTranscript).ShouldHaveSingleItem().Property("end").ShouldBe("NetworkError");
        }
        finally
        {
            await harness.DisposeAsync();
        }
    }

    [Test, Description("DESIGN.md §6: a message that is not on disk never gets 250")]
    public async Task Evidence_store_failure_answers_451_and_never_250()
    {
        await using var harness = SmtpSessionHarness.Start();
        await harness.OpenDataAsync();
        await harness.Evidence.BreakStorageAsync();

        await harness.Client.SendRawAsync("Subject: lost\r\n\r\nbody\r\n.\r\n"u8.ToArray());
        await harness.Client.ExpectAsync("451 4.3.0 Requested action aborted: local error in processing");

        (await harness.QuitAsync()).ShouldBe(SmtpSessionEnd.HarnessError);
        harness.Evidence.OfKind(EvidenceKinds.SmtpMessage).ShouldBeEmpty();
    }

    [Test]
    public async Task Shutdown_answers_421_and_ends_the_session_as_shutdown()
    {
        await using var harness = SmtpSessionHarness.Start();
        await harness.Client.ExpectAsync(SmtpSessionHarness.Greeting);

        await harness.ShutdownAsync();

        await harness.Client.ExpectAsync("421 4.3.2 Service shutting down, closing transmission channel");
        (await harness.Running.WithTimeout("session end")).ShouldBe(SmtpSessionEnd.Shutdown);
    }

    [Test]
    public async Task Rset_drops_the_transaction_so_data_is_out_of_sequence()
    {
        await using var harness = SmtpSessionHarness.Start();
        await harness.AuthenticateAsync();
        await harness.Client.RoundTripAsync("MAIL FROM:<>", "250 2.1.0 Sender <> OK");
        await harness.Client.RoundTripAsync("RCPT TO:<b@test-ci-sis.mssante.fr>", "250 2.1.5 Recipient <b@test-ci-sis.mssante.fr> OK");

        await harness.Client.RoundTripAsync("RSET", "250 2.0.0 OK");
        await harness.Client.RoundTripAsync("DATA", "503 5.5.1 Bad sequence of commands");
    }

    [Test]
    public async Task Unknown_mail_parameter_is_answered_555()
    {
        await using var harness = SmtpSessionHarness.Start();
        await harness.AuthenticateAsync();

        await harness.Client.RoundTripAsync("MAIL FROM:<a@test-ci-sis.mssante.fr> MT-PRIORITY=3", "555 5.5.4 MAIL FROM/RCPT TO parameters not recognized or not implemented");
    }
}
