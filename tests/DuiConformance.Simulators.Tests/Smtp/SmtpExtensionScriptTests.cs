using System.Text;
using DuiConformance.Core.Evidence;
using DuiConformance.Simulators.Mail;
using DuiConformance.Simulators.Smtp;
using DuiConformance.Simulators.Tests.Support;

namespace DuiConformance.Simulators.Tests.Smtp;

/// <summary>AUTH LOGIN, SMTPUTF8, DSN, the directory and the limits, replayed over in-memory pipes (STYLE.md rule 20).</summary>
public sealed class SmtpExtensionScriptTests
{
    private static MailDirectory Directory() => new(
    [
        new MailDirectoryEntry(SmtpSessionHarness.Recipient, MailboxKind.Personal, "Médecin traitant"),
        new MailDirectoryEntry("146026322000196@patient.mssante.fr", MailboxKind.Patient, "Patient"),
    ]);

    [Test, Description("draft-murchison-sasl-login: Username: then Password: challenges, both masked in the transcript")]
    public async Task Auth_login_with_two_challenges_succeeds_and_masks_both_answers()
    {
        await using var harness = SmtpSessionHarness.Start();
        await harness.SecureAsync();

        await harness.Client.RoundTripAsync("AUTH LOGIN", "334 VXNlcm5hbWU6");
        await harness.Client.RoundTripAsync(Base64(SmtpSessionHarness.User), "334 UGFzc3dvcmQ6");
        await harness.Client.RoundTripAsync(Base64(SmtpSessionHarness.Password), "235 2.7.0 Authentication successful");
        await harness.QuitAsync();

        harness.Session.AuthMechanism.ShouldBe("LOGIN");
        var text = harness.Session.Transcript.ToText();
        text.ShouldNotContain(Base64(SmtpSessionHarness.Password));
        text.ShouldNotContain(Base64(SmtpSessionHarness.User));
    }

    [Test]
    public async Task Auth_login_with_the_user_as_initial_response_and_a_wrong_password_is_refused_with_535()
    {
        await using var harness = SmtpSessionHarness.Start();
        await harness.SecureAsync();

        await harness.Client.RoundTripAsync("AUTH LOGIN " + Base64(SmtpSessionHarness.User), "334 UGFzc3dvcmQ6");
        await harness.Client.RoundTripAsync(Base64("wrong"), "535 5.7.8 Authentication credentials invalid");
    }

    [Test, Description("RFC 3461: RET, ENVID, NOTIFY and ORCPT are parsed and recorded with the message")]
    public async Task Dsn_parameters_are_accepted_and_recorded_per_recipient()
    {
        await using var harness = SmtpSessionHarness.Start();
        await harness.AuthenticateAsync();
        const string sender = SmtpSessionHarness.Sender;

        await harness.Client.RoundTripAsync($"MAIL FROM:<{sender}> RET=HDRS ENVID=QQ314159+2B1", $"250 2.1.0 Sender <{sender}> OK");
        await harness.Client.RoundTripAsync("RCPT TO:<a@medecin.mssante.fr> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;a@medecin.mssante.fr", "250 2.1.5 Recipient <a@medecin.mssante.fr> OK");
        await harness.Client.RoundTripAsync("RCPT TO:<b@medecin.mssante.fr> NOTIFY=NEVER", "250 2.1.5 Recipient <b@medecin.mssante.fr> OK");
        await harness.Client.RoundTripAsync("DATA", "354 Start mail input; end with <CRLF>.<CRLF>");
        await harness.Client.SendRawAsync("Subject: dsn\r\n\r\nbody\r\n.\r\n"u8.ToArray());
        (await harness.Client.ReadReplyAsync()).Single().ShouldStartWith("250 2.0.0 OK queued as ");
        await harness.QuitAsync();

        var stored = harness.Evidence.OfKind(EvidenceKinds.SmtpMessage).ShouldHaveSingleItem();
        stored.ShouldSatisfyAllConditions(
            () => stored.Property("dsnRet").ShouldBe("HDRS"),
            () => stored.Property("dsnEnvid").ShouldBe("QQ314159+2B1"),
            () => stored.Property("dsnNotify").ShouldBe("SUCCESS,FAILURE;NEVER"),
            () => stored.Property("dsnOrcpt").ShouldBe("rfc822;a@medecin.mssante.fr;"),
            () => stored.Property(SmtpProperties.RcptTo).ShouldBe("a@medecin.mssante.fr,b@medecin.mssante.fr"));
    }

    [TestCase("MAIL FROM:<x@test-ci-sis.mssante.fr> RET=BOTH")]
    [TestCase("MAIL FROM:<x@test-ci-sis.mssante.fr> ENVID=has=equals")]
    [TestCase("MAIL FROM:<x@test-ci-sis.mssante.fr> RET=FULL RET=HDRS")]
    public async Task Malformed_dsn_parameters_on_mail_are_answered_501(string line)
    {
        await using var harness = SmtpSessionHarness.Start();
        await harness.AuthenticateAsync();

        await harness.Client.RoundTripAsync(line, "501 5.5.4 Invalid DSN parameter (RFC 3461)");
    }

    [TestCase("NOTIFY=NEVER,SUCCESS")]
    [TestCase("NOTIFY=SOMETIMES")]
    [TestCase("NOTIFY=SUCCESS,SUCCESS")]
    [TestCase("ORCPT=no-semicolon")]
    public async Task Malformed_dsn_parameters_on_rcpt_are_answered_501(string parameter)
    {
        await using var harness = SmtpSessionHarness.Start();
        await harness.AuthenticateAsync();
        await harness.Client.RoundTripAsync("MAIL FROM:<x@test-ci-sis.mssante.fr>", "250 2.1.0 Sender <x@test-ci-sis.mssante.fr> OK");

        await harness.Client.RoundTripAsync($"RCPT TO:<a@medecin.mssante.fr> {parameter}", "501 5.5.4 Invalid DSN parameter (RFC 3461)");
    }

    [Test, Description("RFC 6531 §3.4/§3.5: UTF-8 addresses only in a transaction opened with SMTPUTF8; 553 5.6.7 otherwise")]
    public async Task Utf8_addresses_need_smtputf8()
    {
        await using var harness = SmtpSessionHarness.Start();
        await harness.AuthenticateAsync();

        await harness.Client.SendRawAsync(Encoding.UTF8.GetBytes("MAIL FROM:<hélène@test-ci-sis.mssante.fr>\r\n"));
        await harness.Client.ExpectAsync("553 5.6.7 Non-ASCII addresses need SMTPUTF8");
        await harness.Client.RoundTripAsync("MAIL FROM:<a@test-ci-sis.mssante.fr>", "250 2.1.0 Sender <a@test-ci-sis.mssante.fr> OK");
        await harness.Client.SendRawAsync(Encoding.UTF8.GetBytes("RCPT TO:<jérôme@medecin.mssante.fr>\r\n"));
        await harness.Client.ExpectAsync("553 5.6.7 Non-ASCII addresses need SMTPUTF8");
        await harness.Client.RoundTripAsync("RSET", "250 2.0.0 OK");

        await harness.Client.SendRawAsync(Encoding.UTF8.GetBytes("MAIL FROM:<hélène@test-ci-sis.mssante.fr> SMTPUTF8\r\n"));
        (await harness.Client.ReadReplyAsync()).Single().ShouldStartWith("250 2.1.0");
        await harness.Client.SendRawAsync(Encoding.UTF8.GetBytes("RCPT TO:<jérôme@medecin.mssante.fr>\r\n"));
        (await harness.Client.ReadReplyAsync()).Single().ShouldStartWith("250 2.1.5");
        await harness.Client.RoundTripAsync("DATA", "354 Start mail input; end with <CRLF>.<CRLF>");
        await harness.Client.SendRawAsync(Encoding.UTF8.GetBytes("Subject: é\r\n\r\nx\r\n.\r\n"));
        (await harness.Client.ReadReplyAsync()).Single().ShouldStartWith("250 2.0.0");
        await harness.QuitAsync();

        harness.Evidence.OfKind(EvidenceKinds.SmtpMessage).ShouldHaveSingleItem().Property("smtpUtf8").ShouldBe("true");
    }

    [Test]
    public async Task Utf8_in_any_other_command_is_a_syntax_error()
    {
        await using var harness = SmtpSessionHarness.Start();
        await harness.Client.ExpectAsync(SmtpSessionHarness.Greeting);

        await harness.Client.SendRawAsync(Encoding.UTF8.GetBytes("EHLO héte\r\n"));
        await harness.Client.ExpectAsync("500 5.5.2 Syntax error, command unrecognized");
    }

    [Test, Description("RFC 3463 §3.2: a mailbox of an accepted domain that the operator's directory does not list is 550 5.1.1")]
    public async Task Recipient_missing_from_the_directory_is_refused_with_550_5_1_1()
    {
        await using var harness = SmtpSessionHarness.Start(options => options with { Directory = Directory() });
        await harness.AuthenticateAsync();
        await harness.Client.RoundTripAsync("MAIL FROM:<x@test-ci-sis.mssante.fr>", "250 2.1.0 Sender <x@test-ci-sis.mssante.fr> OK");

        await harness.Client.RoundTripAsync("RCPT TO:<nobody@medecin.mssante.fr>", "550 5.1.1 Mailbox unknown in the MSSante directory");
        await harness.Client.RoundTripAsync("RCPT TO:<146026322000197@patient.mssante.fr>", "550 5.1.1 Mailbox unknown in the MSSante directory");
        await harness.Client.RoundTripAsync("RCPT TO:<someone@gmail.com>", "550 5.7.1 Relaying denied");
        await harness.Client.RoundTripAsync($"RCPT TO:<{SmtpSessionHarness.Recipient.ToUpperInvariant()}>", $"250 2.1.5 Recipient <{SmtpSessionHarness.Recipient.ToUpperInvariant()}> OK");
        await harness.Client.RoundTripAsync("RCPT TO:<146026322000196@patient.mssante.fr>", "250 2.1.5 Recipient <146026322000196@patient.mssante.fr> OK");
    }

    [Test, Description("RFC 5321 §4.5.3.1.10: one recipient past the limit is 452 4.5.3, the accepted ones stay")]
    public async Task Recipients_over_the_limit_get_452_4_5_3()
    {
        await using var harness = SmtpSessionHarness.Start(options => options with { MaxRecipients = 2 });
        await harness.AuthenticateAsync();
        await harness.Client.RoundTripAsync("MAIL FROM:<x@test-ci-sis.mssante.fr>", "250 2.1.0 Sender <x@test-ci-sis.mssante.fr> OK");
        await harness.Client.RoundTripAsync("RCPT TO:<a@medecin.mssante.fr>", "250 2.1.5 Recipient <a@medecin.mssante.fr> OK");
        await harness.Client.RoundTripAsync("RCPT TO:<b@medecin.mssante.fr>", "250 2.1.5 Recipient <b@medecin.mssante.fr> OK");

        await harness.Client.RoundTripAsync("RCPT TO:<c@medecin.mssante.fr>", "452 4.5.3 Too many recipients");
        await harness.Client.RoundTripAsync("DATA", "354 Start mail input; end with <CRLF>.<CRLF>");
    }

    [Test, Description("RFC 6409 §4.3: MAIL before AUTH is 530 5.7.0 even after TLS, and RCPT/DATA are then out of sequence")]
    public async Task Commands_before_authentication_are_refused()
    {
        await using var harness = SmtpSessionHarness.Start();
        await harness.SecureAsync();

        await harness.Client.RoundTripAsync("MAIL FROM:<x@test-ci-sis.mssante.fr>", "530 5.7.0 Authentication required");
        await harness.Client.RoundTripAsync("RCPT TO:<a@medecin.mssante.fr>", "503 5.5.1 Bad sequence of commands");
        await harness.Client.RoundTripAsync("DATA", "503 5.5.1 Bad sequence of commands");
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
