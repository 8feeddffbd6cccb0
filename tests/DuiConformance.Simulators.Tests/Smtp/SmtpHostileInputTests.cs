using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using DuiConformance.Core.Evidence;
using DuiConformance.Simulators.Mail;
using DuiConformance.Simulators.Smtp;
using DuiConformance.Simulators.Tests.Support;

namespace DuiConformance.Simulators.Tests.Smtp;

/// <summary>
/// Hostile clients on real sockets (issue 3 §6): the server stays up, answers per the RFCs, never files a partial or
/// refused message, and still serves a well-behaved client afterwards.
/// </summary>
[Category("Network")]
public sealed class SmtpHostileInputTests
{
    private const string User = "dui";
    private const string Password = "pa55-w0rd";
    private const string Recipient = "dr.fictif@medecin.mssante.fr";

    private TemporaryEvidence _evidence = null!;
    private SimulatorCertificate _certificate = null!;
    private MailStore _store = null!;
    private SmtpSimulator _simulator = null!;

    [SetUp]
    public void Start()
    {
        _evidence = new TemporaryEvidence();
        _certificate = SimulatorCertificate.Create();
        _store = new MailStore(Path.Combine(_evidence.Directory, "store"));
        StartSimulator(TimeSpan.FromSeconds(1));
    }

    private void StartSimulator(TimeSpan commandTimeout)
    {
        var options = new SmtpSimulatorOptions
        {
            Accounts = new Dictionary<string, string> { [User] = Password },
            MaxMessageSize = 1024 * 1024,
            CommandTimeout = commandTimeout,
            MaxSessions = 600,
            ImplicitTlsPort = 0,
        };
        _simulator = new SmtpSimulator(SmtpServerContext.Create(options, _evidence.Store, _certificate) with { Store = _store });
        _simulator.Start();
    }

    [TearDown]
    public async Task Stop()
    {
        await _simulator.DisposeAsync().AsTask().WithTimeout("stop");
        _certificate.Dispose();
        _evidence.Dispose();
    }

    [Test]
    public async Task Binary_garbage_lines_get_500_then_421_and_the_server_still_serves_the_next_client()
    {
        await using (var client = await ConnectAsync())
        {
            await client.ReadReplyAsync();
            var random = new Random(42);
            for (var line = 0; line < 9; line++)
            {
                var garbage = new byte[200];
                random.NextBytes(garbage);
                await client.SendRawAsync([.. garbage.Where(octet => octet != (byte)'\n'), (byte)'\r', (byte)'\n']);
                (await client.ReadReplyAsync()).Single().ShouldBe("500 5.5.2 Syntax error, command unrecognized");
            }

            await client.SendAsync("NOT A VERB AT ALL");
            await client.ExpectAsync("500 5.5.2 Syntax error, command unrecognized");
            await client.ExpectAsync("421 4.7.0 Too many errors, closing transmission channel");
        }

        await AssertStillServingAsync();
    }

    [Test, Description("RFC 5321 §4.5.3.1.4: a 1 MiB command line is answered 500 5.5.2 without buffering it")]
    public async Task Megabyte_command_line_is_refused_and_the_session_goes_on()
    {
        await using var client = await ConnectAsync();
        await client.ReadReplyAsync();

        await client.SendRawAsync([.. Encoding.ASCII.GetBytes("EHLO "), .. Enumerable.Repeat((byte)'a', 1024 * 1024), (byte)'\r', (byte)'\n']);
        await client.ExpectAsync("500 5.5.2 Line too long");
        await client.RoundTripAsync("NOOP", "250 2.0.0 OK");
    }

    [Test, Description("RFC 5321 §4.5.3.2: DATA never ended ends with 421 4.4.2 at the timeout; nothing is stored or filed")]
    public async Task Data_never_ended_times_out_and_nothing_is_filed()
    {
        await using var client = await OpenDataAsync();
        await client.SendRawAsync("Subject: never ends\r\n\r\nhalf a message"u8.ToArray());

        await client.ExpectAsync("421 4.4.2 Timeout exceeded, closing transmission channel");
        await WaitForTranscriptAsync();
        _evidence.OfKind(EvidenceKinds.SmtpMessage).ShouldBeEmpty();
        _store.Mailbox(Recipient).InboxFolder.Messages.ShouldBeEmpty();
    }

    [Test, Description("RFC 1870: five times over SIZE is 552 5.3.4 after the dot; nothing filed; the session goes on")]
    public async Task Message_far_over_size_is_refused_with_552_and_the_session_goes_on()
    {
        await using var client = await OpenDataAsync();
        var line = Encoding.ASCII.GetBytes(new string('x', 998) + "\r\n");
        var content = new MemoryStream();
        content.Write("Subject: big\r\n\r\n"u8);
        for (var index = 0; index < 5 * 1024; index++)
        {
            content.Write(line);
        }

        content.Write(".\r\n"u8);
        await client.SendRawAsync(content.ToArray());
        await client.ExpectAsync("552 5.3.4 Message size exceeds fixed maximum message size");
        await client.RoundTripAsync("RSET", "250 2.0.0 OK");

        _evidence.OfKind(EvidenceKinds.SmtpMessage).ShouldBeEmpty();
        _store.Mailbox(Recipient).InboxFolder.Messages.ShouldBeEmpty();
    }

    [Test]
    public async Task Disconnect_in_the_middle_of_data_files_nothing()
    {
        var client = await OpenDataAsync();
        await client.SendRawAsync("Subject: cut\r\n\r\nthe first half"u8.ToArray());
        await client.DisposeAsync();

        (await WaitForTranscriptAsync()).Property("end").ShouldBe("NetworkError");
        _evidence.OfKind(EvidenceKinds.SmtpMessage).ShouldBeEmpty();
        _store.Mailbox(Recipient).InboxFolder.Messages.ShouldBeEmpty();
        await AssertStillServingAsync();
    }

    [Test, Description("A TLS handshake of random octets on the implicit-TLS port ends that connection only")]
    public async Task Garbage_tls_handshake_on_the_implicit_tls_port_ends_only_that_connection()
    {
        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(_simulator.ImplicitTlsEndPoint!).WithTimeout("connect");
            var garbage = new byte[4096];
            new Random(7).NextBytes(garbage);
            garbage[0] = 0x16;
            await tcp.GetStream().WriteAsync(garbage).AsTask().WithTimeout("write garbage");
            var buffer = new byte[256];
            try
            {
                while (await tcp.GetStream().ReadAsync(buffer).AsTask().WithTimeout("server closes") > 0)
                {
                }
            }
            catch (IOException)
            {
                // A reset is as good as a close here.
            }
        }

        (await WaitForTranscriptAsync()).Property("end").ShouldBe("NetworkError");
        await AssertStillServingAsync();
    }

    [Test, Description("500 concurrent sessions (about 2 s on 2 cores, so not Slow): each is greeted and served; none disturbs another")]
    public async Task Five_hundred_concurrent_sessions_are_all_served()
    {
        // Note: the 1-second timeout of the other tests would drop the first sessions while the last ones connect.
        await _simulator.DisposeAsync();
        StartSimulator(TimeSpan.FromSeconds(60));
        var stopwatch = Stopwatch.StartNew();
        var clients = new List<ScriptedSmtpClient>();
        var sockets = new List<TcpClient>();
        try
        {
            for (var index = 0; index < 500; index++)
            {
                var tcp = new TcpClient();
                await tcp.ConnectAsync(_simulator.LocalEndPoint).WithTimeout("connect");
                sockets.Add(tcp);
                clients.Add(new ScriptedSmtpClient(tcp.GetStream()));
            }

            await Task.WhenAll(clients.Select(async (client, index) =>
            {
                await client.ReadReplyAsync();
                await client.SendAsync($"EHLO client{index}.test");
                (await client.ReadReplyAsync())[0].ShouldBe($"250-localhost Hello client{index}.test");
                await client.RoundTripAsync("QUIT", "221 2.0.0 localhost Service closing transmission channel");
            })).WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }
        }

        TestContext.Out.WriteLine($"500 sessions in {stopwatch.ElapsedMilliseconds} ms");
        await AssertStillServingAsync();
    }

    private async Task<ScriptedSmtpClient> ConnectAsync()
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(_simulator.LocalEndPoint).WithTimeout("connect");
        return new ScriptedSmtpClient(tcp.GetStream());
    }

    private async Task<ScriptedSmtpClient> OpenDataAsync()
    {
        var client = await ConnectAsync();
        await client.ReadReplyAsync();
        await client.SendAsync("EHLO hostile.test");
        await client.ReadReplyAsync();
        await client.RoundTripAsync("STARTTLS", "220 2.0.0 Ready to start TLS");
        await client.StartTlsAsync(_certificate.Sha256Fingerprint);
        await client.SendAsync("EHLO hostile.test");
        await client.ReadReplyAsync();
        await client.RoundTripAsync("AUTH PLAIN " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{User}\0{Password}")), "235 2.7.0 Authentication successful");
        await client.RoundTripAsync("MAIL FROM:<dui@test-ci-sis.mssante.fr>", "250 2.1.0 Sender <dui@test-ci-sis.mssante.fr> OK");
        await client.RoundTripAsync($"RCPT TO:<{Recipient}>", $"250 2.1.5 Recipient <{Recipient}> OK");
        await client.RoundTripAsync("DATA", "354 Start mail input; end with <CRLF>.<CRLF>");
        return client;
    }

    private Task<EvidenceItem> WaitForTranscriptAsync() =>
        _evidence.Store.WaitForAsync(item => item.Kind == EvidenceKinds.SmtpTranscript, 0, TaskTimeouts.Network);

    private async Task AssertStillServingAsync()
    {
        await using var client = await OpenDataAsync();
        await client.SendRawAsync("Subject: fine\r\n\r\nstill here\r\n.\r\n"u8.ToArray());
        (await client.ReadReplyAsync()).Single().ShouldStartWith("250 2.0.0 OK queued as ");
        _store.Mailbox(Recipient).InboxFolder.Messages.Count.ShouldBe(1);
        (await _store.Mailbox(Recipient).InboxFolder.Messages[0].ReadAsync(CancellationToken.None)).ShouldBe("Subject: fine\r\n\r\nstill here\r\n"u8.ToArray());
    }
}
