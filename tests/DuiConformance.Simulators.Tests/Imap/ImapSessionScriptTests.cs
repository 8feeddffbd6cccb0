using DuiConformance.Simulators.Imap;
using DuiConformance.Simulators.Mail;
using DuiConformance.Simulators.Tests.Support;

namespace DuiConformance.Simulators.Tests.Imap;

/// <summary>Scripted IMAP sessions over in-memory pipes: sequence, syntax and hostile input (RFC 3501).</summary>
public sealed class ImapSessionScriptTests
{
    private const string Greeting = "* OK [CAPABILITY IMAP4rev1 LITERAL+ SASL-IR IDLE UIDPLUS CHILDREN LOGINDISABLED] DuiConformance MSSante IMAP simulator ready";

    [Test]
    public async Task Commands_out_of_sequence_are_answered_bad_and_the_session_goes_on()
    {
        await using var harness = Harness.Start();
        (await harness.Client.ReadLineAsync()).ShouldBe(Greeting);

        (await harness.Client.RoundTripAsync("a1", "SELECT INBOX")).ShouldBe(["a1 BAD Command not valid in this state: log in first."]);
        (await harness.Client.RoundTripAsync("a2", "FETCH 1 FLAGS")).ShouldBe(["a2 BAD Command not valid in this state: log in first."]);
        (await harness.Client.RoundTripAsync("a3", "LOGIN user pass")).ShouldBe(["a3 NO [PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure connections."]);
        (await harness.Client.RoundTripAsync("a4", "NOOP")).ShouldBe(["a4 OK NOOP completed."]);
        (await harness.Client.RoundTripAsync("a5", "LOGOUT")).ShouldBe(["* BYE Logging out", "a5 OK Logout completed."]);
        await harness.Running.WithTimeout("session end");
    }

    [Test]
    public async Task Garbage_untagged_and_unknown_commands_are_answered_bad_then_bye_after_too_many()
    {
        await using var harness = Harness.Start(options => options with { MaxBadCommands = 3 });
        await harness.Client.ReadLineAsync();

        await harness.Client.SendRawAsync([0xFF, 0xFE, 0x00, 0x41, (byte)'\r', (byte)'\n']);
        (await harness.Client.ReadLineAsync()).ShouldBe("* BAD Error in IMAP command: invalid octets.");
        (await harness.Client.RoundTripAsync("b1", "FROBNICATE")).ShouldBe(["b1 BAD Unknown command."]);
        await harness.Client.SendAsync("b2 FETCH (unclosed");
        (await harness.Client.ReadUntilTaggedAsync("b2")).ShouldBe(["b2 BAD Error in IMAP command: unclosed list."]);
        (await harness.Client.ReadLineAsync()).ShouldBe("* BYE Too many invalid IMAP commands.");
        await harness.Running.WithTimeout("session end");
    }

    [Test, Description("RFC 3501 §4.3 / RFC 7888: a synchronizing literal over the limit is refused before the client sends it")]
    public async Task Oversized_literal_is_refused_before_it_is_sent_and_an_overlong_line_is_bad()
    {
        await using var harness = Harness.Start(options => options with { MaxLiteralSize = 1000, MaxCommandLineLength = 200 });
        await harness.Client.ReadLineAsync();

        (await harness.Client.RoundTripAsync("c1", "LOGIN {5000}")).ShouldBe(["c1 BAD [TOOBIG] Literal too large."]);
        await harness.Client.SendAsync("c2 NOOP " + new string('x', 5000));
        (await harness.Client.ReadUntilTaggedAsync("c2")).ShouldBe(["c2 BAD [TOOBIG] Command line too long."]);
        (await harness.Client.RoundTripAsync("c3", "NOOP")).ShouldBe(["c3 OK NOOP completed."]);
    }

    [Test, Description("RFC 3501 §4.3: a synchronizing literal gets '+' before its octets")]
    public async Task Synchronizing_literal_gets_a_continuation_and_is_read_exactly()
    {
        await using var harness = Harness.Start();
        await harness.Client.ReadLineAsync();

        await harness.Client.SendAsync("d1 CAPABILITY {3}");
        await harness.Client.ReadLineAsync();
        await harness.Client.SendRawAsync("abc\r\n"u8.ToArray());
        (await harness.Client.ReadUntilTaggedAsync("d1")).ShouldBe(["d1 BAD Error in IMAP command CAPABILITY: expected 0 argument(s)."]);
        (await harness.Client.RoundTripAsync("d2", "CAPABILITY")).ShouldBe(["* CAPABILITY IMAP4rev1 LITERAL+ SASL-IR IDLE UIDPLUS CHILDREN LOGINDISABLED", "d2 OK Capability completed."]);
    }

    [Test]
    public async Task Disconnect_inside_a_literal_ends_the_session_without_filing_anything()
    {
        await using var harness = Harness.Start();
        await harness.Client.ReadLineAsync();
        await harness.Client.SendAsync("e1 APPEND INBOX {100000+}");
        await harness.Client.SendRawAsync(new byte[5000]);
        await harness.Client.DisposeAsync();

        await harness.Running.WithTimeout("session end");
        harness.Store.Mailbox("x@test-ci-sis.mssante.fr").InboxFolder.Messages.ShouldBeEmpty();
    }

    [Test]
    public void Sequence_sets_resolve_stars_and_reversed_ranges()
    {
        var set = ImapSequenceSet.Parse("5:*,2");
        set.Contains(7, 7).ShouldBeTrue();
        set.Contains(3, 7).ShouldBeFalse();
        ImapSequenceSet.Parse("9:*").Contains(4, 4).ShouldBeTrue();
        ImapSequenceSet.Format([1, 2, 3, 7, 9, 10]).ShouldBe("1:3,7,9:10");
        Should.Throw<ImapReplyException>(() => ImapSequenceSet.Parse("0:3"));
        Should.Throw<ImapReplyException>(() => ImapSequenceSet.Parse("a"));
    }

    [Test]
    public void Parser_reads_sections_with_spaces_quoted_strings_and_literals()
    {
        var command = ImapCommandParser.Parse("t FETCH 1:* (UID BODY.PEEK[HEADER.FIELDS (FROM TO)]<0.100>) \"q \\\"x\\\"\" \0", [[0x41, 0x42]], out var tag);

        tag.ShouldBe("t");
        command.Name.ShouldBe("FETCH");
        command.Arguments.Count.ShouldBe(4);
        command.Arguments[1].Children.Select(child => child.Text).ShouldBe(["UID", "BODY.PEEK[HEADER.FIELDS (FROM TO)]<0.100>"]);
        command.Arguments[2].Text.ShouldBe("q \"x\"");
        command.Arguments[3].Octets.ShouldBe(new byte[] { 0x41, 0x42 });
        ImapCommandParser.Parse("t LOGIN user secret", [], out _).Redacted.ShouldBe("t LOGIN ********");
    }

    private sealed class Harness : IAsyncDisposable
    {
        private readonly TemporaryEvidence _evidence = new();

        private Harness(ImapSimulatorOptions options)
        {
            Store = new MailStore(Path.Combine(_evidence.Directory, "store"));
            var context = ImapServerContext.Create(options, Store, _evidence.Store, null);
            var (client, server) = DuplexPipeStream.CreatePair();
            Running = new ImapSession(server, context, "imap-test0001").RunAsync();
            Client = new ScriptedImapClient(client);
        }

        public MailStore Store { get; }

        public Task Running { get; }

        public ScriptedImapClient Client { get; }

        public static Harness Start(Func<ImapSimulatorOptions, ImapSimulatorOptions>? configure = null)
        {
            var options = new ImapSimulatorOptions { Accounts = [new MailboxAccount("x@test-ci-sis.mssante.fr", "user", "secret")] };
            return new Harness(configure is null ? options : configure(options));
        }

        public async ValueTask DisposeAsync()
        {
            await Client.DisposeAsync();
            await Running.WithTimeout("session end on dispose");
            _evidence.Dispose();
        }
    }
}
