using System.Text;
using DuiConformance.Simulators.Mail;
using DuiConformance.Simulators.Smtp;
using DuiConformance.Simulators.Tests.Support;
using MimeKit;

namespace DuiConformance.Simulators.Tests.Mail;

/// <summary>Delivery status notifications (RFC 3464) and read receipts (RFC 8098) filed for the sender to read over IMAP.</summary>
[Category("Network")]
public sealed class MailReceiptTests
{
    private const string Sender = SimulatorHostOptions.DefaultMailboxAddress;
    private const string Recipient = "dr.fictif@medecin.mssante.fr";

    [Test, Description("RFC 3461/3464: NOTIFY=SUCCESS with RET=HDRS and ENVID gives a delivered DSN with the headers only")]
    public async Task Notify_success_files_a_delivered_dsn_in_the_sender_mailbox()
    {
        await using var run = await Run.StartAsync();

        await run.SendAsync("MAIL FROM:<" + Sender + "> RET=HDRS ENVID=ENV-42", "RCPT TO:<" + Recipient + "> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;" + Recipient, "Subject: avec accuse\r\nMessage-ID: <m1@dui.test>\r\n\r\nbody\r\n");

        var dsn = await run.SingleInSenderInboxAsync();
        var report = dsn.Body.ShouldBeOfType<MultipartReport>();
        var status = Encoding.ASCII.GetString(Content((MimePart)report[1]));
        report.ShouldSatisfyAllConditions(
            () => report.ReportType.ShouldBe("delivery-status"),
            () => status.ShouldContain("Original-Envelope-Id: ENV-42"),
            () => status.ShouldContain("Final-Recipient: rfc822; " + Recipient),
            () => status.ShouldContain("Original-Recipient: rfc822;" + Recipient),
            () => status.ShouldContain("Action: delivered"),
            () => status.ShouldContain("Status: 2.0.0"),
            () => report[2].ContentType.MimeType.ShouldBe("text/rfc822-headers"),
            () => dsn.Headers["Auto-Submitted"].ShouldBe("auto-replied"));
    }

    [Test, Description("domain.md §4.5 / RFC 8098: a simulated recipient answers Disposition-Notification-To with a processed MDN")]
    public async Task Disposition_notification_to_gets_a_processed_mdn_from_the_recipient()
    {
        await using var run = await Run.StartAsync();

        await run.SendAsync("MAIL FROM:<" + Sender + ">", "RCPT TO:<" + Recipient + ">", "Subject: lu ?\r\nMessage-ID: <m2@dui.test>\r\nDisposition-Notification-To: <" + Sender + ">\r\n\r\nbody\r\n");

        var mdn = await run.SingleInSenderInboxAsync();
        var report = mdn.Body.ShouldBeOfType<MultipartReport>();
        var fields = Encoding.UTF8.GetString(Content((MimePart)report[1]));
        report.ShouldSatisfyAllConditions(
            () => report.ReportType.ShouldBe("disposition-notification"),
            () => fields.ShouldContain("Disposition: automatic-action/MDN-sent-automatically; processed\r\n"),
            () => fields.ShouldContain("Original-Message-ID: <m2@dui.test>"),
            () => fields.ShouldContain("Final-Recipient: rfc822; " + Recipient),
            () => report[2].ShouldBeOfType<MessagePart>().Message!.MessageId.ShouldBe("m2@dui.test"),
            () => mdn.From.Mailboxes.Single().Address.ShouldBe(Recipient));
    }

    [Test, Description("domain.md §4.5: the integration error codes 900–906 travel in the MDN disposition")]
    public async Task Configured_integration_error_is_sent_as_processed_error_with_its_code()
    {
        await using var run = await Run.StartAsync(options => options with { ReadReceiptError = (904, "INS ne correspond pas") });

        await run.SendAsync("MAIL FROM:<" + Sender + ">", "RCPT TO:<" + Recipient + ">", "Subject: lu ?\r\nMessage-ID: <m3@dui.test>\r\nDisposition-Notification-To: " + Sender + "\r\n\r\nbody\r\n");

        var report = (await run.SingleInSenderInboxAsync()).Body.ShouldBeOfType<MultipartReport>();
        Encoding.UTF8.GetString(Content((MimePart)report[1])).ShouldContain("Disposition: automatic-action/MDN-sent-automatically; processed/Error: 904^INS ne correspond pas");
    }

    [Test, Description("RFC 8098 §2.1: no automatic MDN when Disposition-Notification-To is not the envelope sender")]
    public async Task No_mdn_when_the_notification_address_differs_from_the_envelope_sender()
    {
        await using var run = await Run.StartAsync();

        await run.SendAsync("MAIL FROM:<" + Sender + ">", "RCPT TO:<" + Recipient + ">", "Subject: x\r\nDisposition-Notification-To: <someone.else@medecin.mssante.fr>\r\n\r\nbody\r\n");

        run.Store.Mailbox(Sender).InboxFolder.Messages.ShouldBeEmpty();
        run.Store.Mailbox("someone.else@medecin.mssante.fr").InboxFolder.Messages.ShouldBeEmpty();
        run.Store.Mailbox(Recipient).InboxFolder.Messages.Count.ShouldBe(1);
    }

    [Test, Description("RFC 5321 §6.1 / RFC 3464: a recipient accepted at RCPT whose mailbox is full gets the sender a failed DSN")]
    public async Task Over_quota_recipient_with_notify_failure_gets_a_failed_dsn_and_nothing_is_filed_for_it()
    {
        const string full = "boite.pleine@ch-exemple.test-ci-sis.mssante.fr";
        await using var run = await Run.StartAsync(options => options with { Directory = MailDirectory.LoadDefault() });

        await run.SendAsync("MAIL FROM:<" + Sender + "> RET=FULL", "RCPT TO:<" + full + "> NOTIFY=FAILURE", "Subject: pour une boite pleine\r\nMessage-ID: <m5@dui.test>\r\n\r\nbody\r\n");

        var dsn = await run.SingleInSenderInboxAsync();
        var report = dsn.Body.ShouldBeOfType<MultipartReport>();
        var status = Encoding.ASCII.GetString(Content((MimePart)report[1]));
        report.ShouldSatisfyAllConditions(
            () => report.ReportType.ShouldBe("delivery-status"),
            () => status.ShouldContain("Final-Recipient: rfc822; " + full),
            () => status.ShouldContain("Action: failed\r\nStatus: 5.2.2\r\nDiagnostic-Code: smtp; 552 5.2.2 Mailbox full"),
            () => report[2].ShouldBeOfType<MessagePart>().Message!.MessageId.ShouldBe("m5@dui.test"),
            () => dsn.Subject.ShouldNotBeNull().ShouldContain("Failure"),
            () => run.Store.Mailbox(full).InboxFolder.Messages.ShouldBeEmpty());
    }

    [TestCase(null, true, Description = "no NOTIFY: RFC 5321 §6.1 still reports the failure")]
    [TestCase("SUCCESS,FAILURE", true)]
    [TestCase("SUCCESS", false, Description = "RFC 3461 §4.1: FAILURE not asked")]
    [TestCase("NEVER", false)]
    public async Task Unreachable_recipient_gets_a_failed_dsn_unless_notify_excludes_failure(string? notify, bool expected)
    {
        const string unreachable = "service.injoignable@ch-exemple.test-ci-sis.mssante.fr";
        await using var run = await Run.StartAsync(options => options with { Directory = MailDirectory.LoadDefault() });

        await run.SendAsync("MAIL FROM:<" + Sender + ">", "RCPT TO:<" + unreachable + ">" + (notify is null ? string.Empty : " NOTIFY=" + notify), "Subject: x\r\nMessage-ID: <m6@dui.test>\r\n\r\nbody\r\n");

        var inbox = run.Store.Mailbox(Sender).InboxFolder.Messages;
        inbox.Count.ShouldBe(expected ? 1 : 0);
        if (expected)
        {
            var report = (await run.SingleInSenderInboxAsync()).Body.ShouldBeOfType<MultipartReport>();
            Encoding.ASCII.GetString(Content((MimePart)report[1])).ShouldContain("Action: failed\r\nStatus: 5.4.1\r\n");
        }

        run.Store.Mailbox(unreachable).InboxFolder.Messages.ShouldBeEmpty();
    }

    [Test, Description("domain.md §4.5: an integration error with no MDN asked for comes back as a [KO Intégration système !] mail")]
    public async Task Integration_error_without_mdn_request_sends_the_ko_integration_mail()
    {
        await using var run = await Run.StartAsync(options => options with { ReadReceiptError = (902, "Identifiant de patient inconnu") });

        await run.SendAsync("MAIL FROM:<" + Sender + ">", "RCPT TO:<" + Recipient + ">", "Subject: XDM/1.0/DDM+Lettre de liaison EXEMPLE Marie\r\nMessage-ID: <m7@dui.test>\r\n\r\nbody\r\n");

        var mail = await run.SingleInSenderInboxAsync();
        var parts = mail.Body.ShouldBeOfType<Multipart>();
        mail.ShouldSatisfyAllConditions(
            () => mail.Subject.ShouldBe("[KO Intégration système !][902] XDM/1.0/DDM+Lettre de liaison EXEMPLE Marie"),
            () => mail.From.Mailboxes.Single().Address.ShouldBe(Recipient),
            () => mail.InReplyTo.ShouldBe("m7@dui.test"),
            () => parts.ContentType.MimeType.ShouldBe("multipart/mixed"),
            () => parts[0].ShouldBeOfType<TextPart>().Text.ShouldContain("Code d'erreur : 902"),
            () => parts[1].ShouldBeOfType<MessagePart>().Message!.MessageId.ShouldBe("m7@dui.test"));
        run.Store.Mailbox(Recipient).InboxFolder.Messages.Count.ShouldBe(1);
    }

    private static byte[] Content(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return stream.ToArray();
    }

    private sealed class Run : IAsyncDisposable
    {
        private readonly SmtpSessionHarness _harness;

        private Run(SmtpSessionHarness harness, MailStore store)
        {
            _harness = harness;
            Store = store;
        }

        public MailStore Store { get; }

        public static Task<Run> StartAsync(Func<SmtpSimulatorOptions, SmtpSimulatorOptions>? configure = null)
        {
            var harness = SmtpSessionHarness.Start(options => (configure ?? (value => value))(options with { OwnMailboxes = [Sender] }), storeDirectory: "store");
            return Task.FromResult(new Run(harness, harness.Context.Store!));
        }

        public async Task SendAsync(string mail, string rcpt, string message)
        {
            await _harness.AuthenticateAsync();
            (await RoundTrip(mail))[0].ShouldStartWith("250");
            (await RoundTrip(rcpt))[0].ShouldStartWith("250");
            (await RoundTrip("DATA"))[0].ShouldStartWith("354");
            await _harness.Client.SendRawAsync(Encoding.UTF8.GetBytes(message + ".\r\n"));
            (await _harness.Client.ReadReplyAsync())[0].ShouldStartWith("250 2.0.0");
            await _harness.QuitAsync();
        }

        public async Task<MimeMessage> SingleInSenderInboxAsync()
        {
            var stored = Store.Mailbox(Sender).InboxFolder.Messages.ShouldHaveSingleItem();
            return MimeMessage.Load(new MemoryStream(await stored.ReadAsync(CancellationToken.None)));
        }

        public ValueTask DisposeAsync() => _harness.DisposeAsync();

        private async Task<string[]> RoundTrip(string line)
        {
            await _harness.Client.SendAsync(line);
            return await _harness.Client.ReadReplyAsync();
        }
    }
}
