namespace DuiConformance.Simulators.Imap;

/// <summary>Settings of the simulated MSSanté operator's IMAP server (RFC 3501, STARTTLS on the port, as domain.md §4.2 says for TCP/143).</summary>
public sealed record ImapSimulatorOptions
{
    /// <summary>Address to listen on; only loopback unless <see cref="AllowNonLoopback"/>.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port; 0 lets the system choose.</summary>
    public int Port { get; init; }

    /// <summary>Accept a non-loopback <see cref="Host"/>.</summary>
    public bool AllowNonLoopback { get; init; }

    /// <summary>The accounts that may log in, each reading the mailbox of its address.</summary>
    public IReadOnlyList<MailboxAccount> Accounts { get; init; } = [];

    /// <summary>How long the server waits for each client line (RFC 3501 §5.4: at least 30 minutes of inactivity).</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// When set, the TLS handshake asks the client for a certificate and AUTHENTICATE EXTERNAL is offered: an
    /// organisation or applicative mailbox opens its mailbox with a certificate of the test authority (domain.md §4.2).
    /// <c>null</c>: no client certificate is requested.
    /// </summary>
    public Mail.ClientCertificateVerifier? ClientCertificates { get; init; }

    /// <summary>Longest command line, in octets without literals.</summary>
    public int MaxCommandLineLength { get; init; } = 64 * 1024;

    /// <summary>Largest literal (an APPENDed message), in octets; a larger synchronizing literal is refused before it is sent.</summary>
    public int MaxLiteralSize { get; init; } = 50 * 1024 * 1024;

    /// <summary>BAD commands tolerated in one session before <c>* BYE</c>.</summary>
    public int MaxBadCommands { get; init; } = 20;

    /// <summary>Concurrent sessions; one more gets <c>* BYE</c>.</summary>
    public int MaxSessions { get; init; } = 200;

    /// <summary>
    /// Port of a second listener with implicit TLS (RFC 8314 §3.3, the "imaps" 993 of domain.md §8.5 MSS-02): the handshake
    /// (TLS 1.2 or later only) comes before the greeting. 0 lets the system choose; <c>null</c> (the default) opens none.
    /// </summary>
    public int? ImplicitTlsPort { get; init; }
}
