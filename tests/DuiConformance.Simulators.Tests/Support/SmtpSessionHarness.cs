using System.Text;
using DuiConformance.Simulators.Smtp;

namespace DuiConformance.Simulators.Tests.Support;

/// <summary>An <see cref="SmtpSession"/> running over in-memory pipes, with a scripted client on the other end.</summary>
public sealed class SmtpSessionHarness : IAsyncDisposable
{
    public const string User = "dui-reference";
    public const string Password = "s3cret-Pa55w0rd";
    public const string Greeting = "220 localhost ESMTP DuiConformance MSSante simulator ready";
    public const string Sender = "secretariat@ehpad-les-tilleuls.test-ci-sis.mssante.fr";
    public const string Recipient = "medecin.traitant@medecin.mssante.fr";

    private readonly CancellationTokenSource _shutdown = new();

    private SmtpSessionHarness(SmtpSimulatorOptions options, TimeProvider? time, string? storeDirectory)
    {
        Evidence = new TemporaryEvidence();
        Certificate = SimulatorCertificate.Create();
        Context = SmtpServerContext.Create(options, Evidence.Store, Certificate, time);
        if (storeDirectory is not null)
        {
            Context = Context with { Store = new DuiConformance.Simulators.Mail.MailStore(Path.Combine(Evidence.Directory, storeDirectory), time) };
        }

        var (client, server) = DuplexPipeStream.CreatePair();
        Session = new SmtpSession(server, Context, "smtp-test0001", "in-memory");
        Running = Session.RunAsync(_shutdown.Token);
        Client = new ScriptedSmtpClient(client);
    }

    public TemporaryEvidence Evidence { get; }

    public SimulatorCertificate Certificate { get; }

    public SmtpServerContext Context { get; }

    public SmtpSession Session { get; }

    public Task<SmtpSessionEnd> Running { get; }

    public ScriptedSmtpClient Client { get; }

    /// <summary>The base64 SASL PLAIN message of the test account.</summary>
    public static string PlainToken(string user = User, string password = Password) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{user}\0{password}"));

    public static SmtpSimulatorOptions DefaultOptions() => new()
    {
        Accounts = new Dictionary<string, string> { [User] = Password },
    };

    /// <summary>Starts a session; the greeting has not been read yet.</summary>
    public static SmtpSessionHarness Start(Func<SmtpSimulatorOptions, SmtpSimulatorOptions>? configure = null, TimeProvider? time = null, string? storeDirectory = null) =>
        new(configure is null ? DefaultOptions() : configure(DefaultOptions()), time, storeDirectory);

    public static string[] EhloBeforeTls(string client = "client.test") =>
    [
        $"250-localhost Hello {client}",
        "250-PIPELINING",
        "250-SIZE 10485760",
        "250-8BITMIME",
        "250-ENHANCEDSTATUSCODES",
        "250-SMTPUTF8",
        "250-DSN",
        "250 STARTTLS",
    ];

    public static string[] EhloAfterTls(string client = "client.test") =>
    [
        $"250-localhost Hello {client}",
        "250-PIPELINING",
        "250-SIZE 10485760",
        "250-8BITMIME",
        "250-ENHANCEDSTATUSCODES",
        "250-SMTPUTF8",
        "250-DSN",
        "250 AUTH PLAIN LOGIN",
    ];

    /// <summary>Greeting, EHLO, STARTTLS, EHLO again: ready for AUTH.</summary>
    public async Task SecureAsync()
    {
        await Client.ExpectAsync(Greeting);
        await Client.SendAsync("EHLO client.test");
        await Client.ReadReplyAsync();
        await Client.RoundTripAsync("STARTTLS", "220 2.0.0 Ready to start TLS");
        await Client.StartTlsAsync(Certificate.Sha256Fingerprint);
        await Client.RoundTripAsync("EHLO client.test", EhloAfterTls());
    }

    /// <summary>Secured and authenticated with AUTH PLAIN: ready for MAIL.</summary>
    public async Task AuthenticateAsync()
    {
        await SecureAsync();
        await Client.RoundTripAsync("AUTH PLAIN " + PlainToken(), "235 2.7.0 Authentication successful");
    }

    /// <summary>Authenticated, MAIL and RCPT accepted, DATA answered 354: ready for content.</summary>
    public async Task OpenDataAsync(string mailParameters = "")
    {
        await AuthenticateAsync();
        await Client.RoundTripAsync($"MAIL FROM:<{Sender}>{mailParameters}", $"250 2.1.0 Sender <{Sender}> OK");
        await Client.RoundTripAsync($"RCPT TO:<{Recipient}>", $"250 2.1.5 Recipient <{Recipient}> OK");
        await Client.RoundTripAsync("DATA", "354 Start mail input; end with <CRLF>.<CRLF>");
    }

    /// <summary>Sends QUIT, expects 221 and waits for the session to end.</summary>
    public async Task<SmtpSessionEnd> QuitAsync()
    {
        await Client.RoundTripAsync("QUIT", "221 2.0.0 localhost Service closing transmission channel");
        return await Running.WithTimeout("session end");
    }

    public async Task ShutdownAsync() => await _shutdown.CancelAsync();

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        try
        {
            await Running.WithTimeout("session end on dispose");
        }
        finally
        {
            _shutdown.Dispose();
            Certificate.Dispose();
            Evidence.Dispose();
        }
    }
}
