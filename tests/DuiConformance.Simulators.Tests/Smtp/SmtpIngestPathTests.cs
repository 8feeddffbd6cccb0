using System.Text;
using DuiConformance.Core.Evidence;
using DuiConformance.Simulators.Mail;
using DuiConformance.Simulators.Smtp;
using DuiConformance.Simulators.Tests.Support;

namespace DuiConformance.Simulators.Tests.Smtp;

/// <summary>
/// The fast path of message acceptance (issue 3 §7): pipelined groups, the reused DATA buffer, and the mailbox reading the
/// evidence store's record instead of a copy — with the same bytes and the same order of durability and replies as before.
/// </summary>
public sealed class SmtpIngestPathTests
{
    private const string Envelope = $"MAIL FROM:<{SmtpSessionHarness.Sender}>\r\nRCPT TO:<{SmtpSessionHarness.Recipient}>\r\nDATA\r\n";

    [Test, Description("RFC 2920 §3.1: content, then the next MAIL, RCPT and DATA in one write; every reply arrives, in order")]
    public async Task Pipelined_messages_each_get_their_replies_in_order_and_are_stored_as_sent()
    {
        await using var harness = SmtpSessionHarness.Start(storeDirectory: "mailstore");
        await harness.AuthenticateAsync();
        var first = Message("first", 3000);
        var second = Message("second", 40);

        await harness.Client.SendRawAsync(Encoding.ASCII.GetBytes(Envelope));
        await ExpectEnvelopeRepliesAsync(harness.Client);
        await harness.Client.SendRawAsync(Encoding.ASCII.GetBytes(Stuffed(first) + ".\r\n" + Envelope));
        var queuedFirst = (await harness.Client.ReadReplyAsync()).ShouldHaveSingleItem();
        await ExpectEnvelopeRepliesAsync(harness.Client);
        await harness.Client.SendRawAsync(Encoding.ASCII.GetBytes(Stuffed(second) + ".\r\n"));
        var queuedSecond = (await harness.Client.ReadReplyAsync()).ShouldHaveSingleItem();
        await harness.QuitAsync();

        var stored = harness.Evidence.OfKind(EvidenceKinds.SmtpMessage);
        stored.Count.ShouldBe(2);
        stored.ShouldSatisfyAllConditions(
            () => queuedFirst.ShouldBe("250 2.0.0 OK queued as " + stored[0].Id),
            () => queuedSecond.ShouldBe("250 2.0.0 OK queued as " + stored[1].Id),
            () => Encoding.ASCII.GetString(harness.Evidence.Store.ReadContent(stored[0])).ShouldBe(first),
            () => Encoding.ASCII.GetString(harness.Evidence.Store.ReadContent(stored[1])).ShouldBe(second));
    }

    [Test, Description("The mailbox serves exactly the evidence bytes, before and after the checkpoint, and expunging it keeps the evidence")]
    public async Task A_filed_message_equals_its_evidence_and_expunging_it_keeps_the_evidence()
    {
        await using var harness = SmtpSessionHarness.Start(storeDirectory: "mailstore");
        await harness.OpenDataAsync();
        var content = Message("recorded", 500);

        await harness.Client.SendRawAsync(Encoding.ASCII.GetBytes(Stuffed(content) + ".\r\n"));
        (await harness.Client.ReadReplyAsync()).ShouldHaveSingleItem().ShouldStartWith("250 2.0.0 OK queued as ev-");
        await harness.QuitAsync();

        var evidence = harness.Evidence.OfKind(EvidenceKinds.SmtpMessage).ShouldHaveSingleItem();
        var inbox = harness.Context.Store!.Mailbox(SmtpSessionHarness.Recipient).InboxFolder;
        var filed = inbox.Messages.ShouldHaveSingleItem();
        filed.Path.ShouldBeNull();
        Encoding.ASCII.GetString(await filed.ReadAsync(CancellationToken.None)).ShouldBe(content);
        filed.Size.ShouldBe(evidence.Length);
        await harness.Evidence.Store.CheckpointAsync();
        Encoding.ASCII.GetString(filed.Read()).ShouldBe(content);
        inbox.ChangeFlags(filed, MailFlagChange.Add, ["\\Deleted"]).ShouldBeTrue();
        inbox.Expunge().ShouldHaveSingleItem();
        File.Exists(Path.Combine(harness.Evidence.Directory, evidence.File)).ShouldBeTrue();
        Encoding.ASCII.GetString(harness.Evidence.Store.ReadContent(evidence)).ShouldBe(content);
    }

    [Test]
    public void The_data_buffer_grows_past_its_first_array_and_is_reused_after_clear()
    {
        using var buffer = new SmtpDataBuffer();
        var big = new byte[200_000];
        new Random(7).NextBytes(big);

        buffer.Append(big.AsSpan(0, 150_000));
        buffer.Append(big.AsSpan(150_000));
        buffer.Written.ToArray().ShouldBe(big);

        buffer.Clear();
        buffer.Append("abc"u8);
        buffer.Written.ToArray().ShouldBe("abc"u8.ToArray());
    }

    [Test, Description("The buffered fast path gives every line exactly as the asynchronous read does, long lines left to the latter")]
    public async Task A_buffered_line_is_taken_exactly_as_the_asynchronous_read_gives_it()
    {
        var wire = "first\r\n\r\n\n..dotted\r\nbare LF\nthis line is over the limit\r\n\r\r\nlast\r\n"u8.ToArray();
        var slow = new SmtpLineReader(new MemoryStream(wire));
        var fast = new SmtpLineReader(new MemoryStream(wire));
        var takenFast = 0;

        for (var index = 0; index < 9; index++)
        {
            var expected = await slow.ReadLineAsync(12, CancellationToken.None).AsTask().WithTimeout("slow read");
            if (fast.TryReadBuffered(12, out var actual))
            {
                takenFast++;
            }
            else
            {
                actual = await fast.ReadLineAsync(12, CancellationToken.None).AsTask().WithTimeout("fast read");
            }

            actual.ShouldSatisfyAllConditions(
                () => actual.Content.ToArray().ShouldBe(expected.Content.ToArray(), $"line {index}"),
                () => actual.Ending.ShouldBe(expected.Ending, $"line {index}"),
                () => actual.Length.ShouldBe(expected.Length, $"line {index}"));
        }

        takenFast.ShouldBe(6);
    }

    private static async Task ExpectEnvelopeRepliesAsync(ScriptedSmtpClient client)
    {
        await client.ExpectAsync($"250 2.1.0 Sender <{SmtpSessionHarness.Sender}> OK");
        await client.ExpectAsync($"250 2.1.5 Recipient <{SmtpSessionHarness.Recipient}> OK");
        await client.ExpectAsync("354 Start mail input; end with <CRLF>.<CRLF>");
    }

    /// <summary>A message of <paramref name="lines"/> body lines, some starting with a dot (RFC 5321 §4.5.2).</summary>
    private static string Message(string subject, int lines)
    {
        var text = new StringBuilder($"Subject: {subject}\r\nMessage-ID: <{subject}@ingest.test>\r\n\r\n");
        for (var index = 0; index < lines; index++)
        {
            text.Append(index % 7 == 0 ? ".dotted line " : "line ").Append(index).Append(" of the body, long enough to matter\r\n");
        }

        return text.ToString();
    }

    private static string Stuffed(string message) => message.Replace("\r\n.", "\r\n..", StringComparison.Ordinal);
}
