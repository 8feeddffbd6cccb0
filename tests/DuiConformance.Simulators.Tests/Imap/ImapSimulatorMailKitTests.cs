using System.Security.Cryptography;
using DuiConformance.Simulators.Tests.Support;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using MimeKit;

namespace DuiConformance.Simulators.Tests.Imap;

/// <summary>MailKit's ImapClient as a reference client against the IMAP simulator on loopback (STYLE.md rule 21).</summary>
[Category("Network")]
public sealed class ImapSimulatorMailKitTests
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

    [Test, Description("Receive-and-file: a delivered message is read back over IMAP byte for byte, with envelope and structure")]
    public async Task Delivered_message_is_fetched_byte_for_byte_with_envelope_and_bodystructure()
    {
        var original = Serialize(CreateDischargeLetter());
        await _simulators.DeliverAsync(Mailbox.Address, original).WithTimeout("deliver");
        using var client = await ConnectAsync();

        var inbox = client.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadWrite).WithTimeout("select");
        inbox.Count.ShouldBe(1);
        var summary = (await inbox.FetchAsync(0, -1, MessageSummaryItems.Envelope | MessageSummaryItems.BodyStructure | MessageSummaryItems.Flags | MessageSummaryItems.UniqueId | MessageSummaryItems.Size | MessageSummaryItems.InternalDate).WithTimeout("fetch")).ShouldHaveSingleItem();
        summary.ShouldSatisfyAllConditions(
            () => summary.Envelope!.Subject.ShouldBe("XDM/1.0/DDM+Lettre de liaison EXEMPLE Marie"),
            () => summary.Envelope!.From.Mailboxes.Single().Address.ShouldBe("dr.martin@ch-exemple.test-ci-sis.mssante.fr"),
            () => summary.Envelope!.From.Mailboxes.Single().Name.ShouldBe("Dr Claire Martin"),
            () => summary.Envelope!.MessageId.ShouldBe("letter-1@ch-exemple.test"),
            () => summary.Size.ShouldBe((uint)original.Length),
            () => summary.Flags.ShouldBe(MessageFlags.Recent),
            () => summary.Attachments.Single().FileName.ShouldBe("IHE_XDM.ZIP"),
            () => summary.TextBody.ShouldNotBeNull().ContentType.Charset.ShouldBe("utf-8"));

        using var stream = new MemoryStream();
        var message = await inbox.GetMessageAsync(summary.UniqueId).WithTimeout("get message");
        var header = await inbox.GetHeadersAsync(summary.UniqueId).WithTimeout("headers");
        var attachment = (MimePart)await inbox.GetBodyPartAsync(summary.UniqueId, summary.Attachments.Single()).WithTimeout("body part");
        message.WriteTo(FormatOptionsCrlf(), stream);
        stream.ToArray().ShouldBe(original);
        header!["X-MSS-NIL"].ShouldBe("TEST-NIL-0001");
        using var decoded = new MemoryStream();
        await attachment.Content!.DecodeToAsync(decoded);
        decoded.ToArray().ShouldBe(ZipBytes());

        // Note: MailKit fetches with BODY.PEEK[…], which must leave \Seen unset (RFC 3501 §6.4.5).
        (await inbox.FetchAsync([summary.UniqueId], MessageSummaryItems.Flags).WithTimeout("flags")).Single().Flags!.Value.HasFlag(MessageFlags.Seen).ShouldBeFalse();
    }

    [Test]
    public async Task Search_store_copy_expunge_and_append_work_with_uidplus()
    {
        for (var index = 0; index < 3; index++)
        {
            var letter = CreateDischargeLetter();
            letter.Subject = $"Message {index}";
            await _simulators.DeliverAsync(Mailbox.Address, Serialize(letter)).WithTimeout("deliver");
        }

        using var client = await ConnectAsync();
        var inbox = client.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadWrite).WithTimeout("select");
        var archive = (await client.GetFolder(client.PersonalNamespaces[0]).CreateAsync("Classés", isMessageFolder: true).WithTimeout("create")).ShouldNotBeNull();

        var found = await inbox.SearchAsync(SearchQuery.SubjectContains("message 1")).WithTimeout("search");
        found.Count.ShouldBe(1);
        var copied = await inbox.CopyToAsync(found[0], archive).WithTimeout("copy");
        copied.ShouldNotBeNull();
        await inbox.AddFlagsAsync(found[0], MessageFlags.Deleted, silent: false).WithTimeout("store");
        (await inbox.SearchAsync(SearchQuery.Deleted).WithTimeout("search deleted")).ShouldBe([found[0]]);
        await inbox.ExpungeAsync().WithTimeout("expunge");
        inbox.Count.ShouldBe(2);
        (await inbox.SearchAsync(SearchQuery.All).WithTimeout("search all")).Count.ShouldBe(2);

        var appended = await archive.AppendAsync(new AppendRequest(CreateDischargeLetter(), MessageFlags.Seen)).WithTimeout("append");
        appended.ShouldNotBeNull();
        var status = await client.GetFolderAsync("Classés").WithTimeout("get folder");
        await status.StatusAsync(StatusItems.Count | StatusItems.Unread | StatusItems.UidNext).WithTimeout("status");
        var folders = await client.GetFoldersAsync(client.PersonalNamespaces[0]).WithTimeout("list");
        status.ShouldSatisfyAllConditions(
            () => status.Count.ShouldBe(2),
            () => status.Unread.ShouldBe(1),
            () => folders.Select(folder => folder.FullName).ShouldBe(["INBOX", "Classés"], ignoreOrder: true));
        await inbox.CloseAsync().WithTimeout("close");
        await client.DisconnectAsync(quit: true).WithTimeout("logout");
    }

    [Test, Description("RFC 2177: a message delivered while the client idles is pushed as EXISTS")]
    public async Task Idle_client_is_told_of_a_new_message_at_once()
    {
        using var client = await ConnectAsync();
        var inbox = client.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadOnly).WithTimeout("examine");
        var arrived = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        inbox.CountChanged += (_, _) => arrived.TrySetResult(inbox.Count);
        using var done = new CancellationTokenSource();
        var idle = client.IdleAsync(done.Token);

        await Task.Delay(200);
        await _simulators.DeliverAsync(Mailbox.Address, Serialize(CreateDischargeLetter())).WithTimeout("deliver");

        (await arrived.Task.WithTimeout("EXISTS while idling")).ShouldBe(1);
        await done.CancelAsync();
        await idle.WithTimeout("idle done");
        await client.NoOpAsync().WithTimeout("noop after idle");
    }

    [Test, Description("MSS-01 for IMAP: no credentials in clear; LOGINDISABLED before STARTTLS")]
    public async Task Login_without_tls_is_refused_and_logindisabled_is_advertised()
    {
        using var client = new ImapClient { Timeout = (int)TaskTimeouts.Network.TotalMilliseconds };
        await client.ConnectAsync(_simulators.ImapHost, _simulators.ImapPort, SecureSocketOptions.None).WithTimeout("connect");

        client.Capabilities.HasFlag(ImapCapabilities.LoginDisabled).ShouldBeTrue();
        client.Capabilities.HasFlag(ImapCapabilities.StartTLS).ShouldBeTrue();
        await Should.ThrowAsync<Exception>(() => client.AuthenticateAsync(Mailbox.User, Mailbox.Password).WithTimeout("auth"));
    }

    [Test, Description("SMTP accepted for the run's own mailbox is filed and readable over IMAP")]
    public async Task Message_sent_over_smtp_to_the_dui_mailbox_is_in_its_inbox()
    {
        using (var smtp = new MailKit.Net.Smtp.SmtpClient { ServerCertificateValidationCallback = Pinned, Timeout = 10_000 })
        {
            await smtp.ConnectAsync(_simulators.SmtpHost, _simulators.SmtpImplicitTlsPort!.Value, SecureSocketOptions.SslOnConnect).WithTimeout("implicit tls connect");
            smtp.AuthenticationMechanisms.Remove("PLAIN");
            await smtp.AuthenticateAsync(Mailbox.User, Mailbox.Password).WithTimeout("auth login");
            var letter = CreateDischargeLetter();
            letter.To.Clear();
            letter.To.Add(MailboxAddress.Parse(Mailbox.Address));
            await smtp.SendAsync(letter).WithTimeout("send");
            await smtp.DisconnectAsync(true).WithTimeout("quit");
        }

        using var client = await ConnectAsync();
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly).WithTimeout("examine");
        client.Inbox.Count.ShouldBe(1);
        var stored = _evidence.OfKind(Core.Evidence.EvidenceKinds.SmtpMessage).ShouldHaveSingleItem();
        stored.Property(Core.Evidence.SmtpProperties.AuthMechanism).ShouldBe("LOGIN");
        stored.Property("implicitTls").ShouldBe("true");
    }

    private async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient { ServerCertificateValidationCallback = Pinned, Timeout = (int)TaskTimeouts.Network.TotalMilliseconds };
        await client.ConnectAsync(_simulators.ImapHost, _simulators.ImapPort, SecureSocketOptions.StartTls).WithTimeout("connect");
        await client.AuthenticateAsync(Mailbox.User, Mailbox.Password).WithTimeout("login");
        return client;
    }

    private bool Pinned(object sender, System.Security.Cryptography.X509Certificates.X509Certificate? certificate, System.Security.Cryptography.X509Certificates.X509Chain? chain, System.Net.Security.SslPolicyErrors errors) =>
        certificate is not null && Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256)) == _simulators.Certificate.Sha256Fingerprint;

    internal static MimeMessage CreateDischargeLetter()
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Dr Claire Martin", "dr.martin@ch-exemple.test-ci-sis.mssante.fr"));
        message.To.Add(MailboxAddress.Parse(SimulatorHostOptions.DefaultMailboxAddress));
        message.Subject = "XDM/1.0/DDM+Lettre de liaison EXEMPLE Marie";
        message.MessageId = "letter-1@ch-exemple.test";
        message.Date = new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.FromHours(1));
        message.Headers.Add("X-MSS-NIL", "TEST-NIL-0001");
        var body = new BodyBuilder { TextBody = "Bonjour,\nci-joint la lettre de liaison de Mme Exemple (données synthétiques).\n" };
        body.Attachments.Add("IHE_XDM.ZIP", ZipBytes(), new ContentType("application", "zip"));
        message.Body = body.ToMessageBody();
        return message;
    }

    internal static byte[] ZipBytes() => [.. Enumerable.Range(0, 3000).Select(index => (byte)(index * 7))];

    internal static byte[] Serialize(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(FormatOptionsCrlf(), stream);
        return stream.ToArray();
    }

    private static FormatOptions FormatOptionsCrlf()
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        return options;
    }
}
