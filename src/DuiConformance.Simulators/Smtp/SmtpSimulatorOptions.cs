namespace DuiConformance.Simulators.Smtp;

/// <summary>
/// Settings of the simulated MSSanté operator's SMTP submission server (RFC 6409). The defaults are those of a test
/// operator on loopback: port chosen by the system, 10 MiB messages, the CI-SIS test domain and any <c>*.mssante.fr</c>.
/// </summary>
public sealed record SmtpSimulatorOptions
{
    /// <summary>Address to listen on; only loopback unless <see cref="AllowNonLoopback"/> (BRIEF: nothing listens beyond loopback).</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port; 0 lets the system choose (read it back from <see cref="SmtpSimulator.LocalEndPoint"/>).</summary>
    public int Port { get; init; }

    /// <summary>Accept a non-loopback <see cref="Host"/>; off by default, so a typo cannot expose the simulator.</summary>
    public bool AllowNonLoopback { get; init; }

    /// <summary>The server's name in the greeting and EHLO reply.</summary>
    public string Domain { get; init; } = "localhost";

    /// <summary>Largest message accepted, in octets after dot-unstuffing; advertised as <c>SIZE</c> (RFC 1870). Over it: <c>552 5.3.4</c>.</summary>
    public long MaxMessageSize { get; init; } = 10 * 1024 * 1024;

    /// <summary>Recipients per transaction; more get <c>452 4.5.3</c> (RFC 5321 §4.5.3.1.8 asks for at least 100).</summary>
    public int MaxRecipients { get; init; } = 100;

    /// <summary>Mailbox accounts for AUTH: user name → password (compared in constant time).</summary>
    public IReadOnlyDictionary<string, string> Accounts { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Recipient domains this operator accepts, case-insensitively: an exact name (<c>test-ci-sis.mssante.fr</c>) or a
    /// suffix written <c>*.mssante.fr</c> or <c>.mssante.fr</c>. Any other recipient gets <c>550 5.7.1</c> (relay denied).
    /// </summary>
    public IReadOnlyList<string> AcceptedDomains { get; init; } = ["test-ci-sis.mssante.fr", "*.mssante.fr"];

    /// <summary>
    /// The operator's mailbox directory; when set, a recipient of an accepted domain that it does not list gets
    /// <c>550 5.1.1</c>. <c>null</c> accepts any mailbox of an accepted domain.
    /// </summary>
    public Mail.MailDirectory? Directory { get; init; }

    /// <summary>
    /// Port of the implicit-TLS submission listener (RFC 8314 §3.3, the "submissions" port 465): TLS from the first
    /// octet. <c>null</c> disables it; 0 lets the system choose.
    /// </summary>
    public int? ImplicitTlsPort { get; init; }

    /// <summary>
    /// The DUI's own addresses: simulated recipients send read receipts, these never do (the DUI answers for itself).
    /// </summary>
    public IReadOnlyList<string> OwnMailboxes { get; init; } = [];

    /// <summary>
    /// When set, simulated recipients answer <c>Disposition-Notification-To</c> with
    /// <c>processed/Error: &lt;code&gt;^&lt;label&gt;</c> (MSSanté integration errors 900–906, domain.md §4.5) instead of
    /// <c>processed</c>.
    /// </summary>
    public (int Code, string Label)? ReadReceiptError { get; init; }

    /// <summary>
    /// When set, the TLS handshake asks the client for a certificate and SASL EXTERNAL is offered: an organisation or
    /// applicative mailbox authenticates with a certificate of the test authority (domain.md §4.2). <c>null</c>: no
    /// client certificate is requested.
    /// </summary>
    public Mail.ClientCertificateVerifier? ClientCertificates { get; init; }

    /// <summary>How long the server waits for each line from the client before <c>421 4.4.2</c> (RFC 5321 §4.5.3.2 suggests 5 minutes).</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Bad commands (syntax, sequence, failed AUTH) tolerated in one session before <c>421 4.7.0</c> and close.</summary>
    public int MaxBadCommands { get; init; } = 10;

    /// <summary>Concurrent sessions; one more is answered <c>421 4.3.2</c> and closed.</summary>
    public int MaxSessions { get; init; } = 100;

    /// <summary>
    /// Longest command line accepted, in octets without CRLF. RFC 5321 §4.5.3.1.4 sets 512, but SASL lines may be longer
    /// (RFC 4954 §4 lifts the limit for AUTH; XOAUTH2 bearer tokens are several KiB), hence 16 KiB.
    /// </summary>
    public int MaxCommandLineLength { get; init; } = 16 * 1024;

    /// <summary>
    /// Hard cap of one DATA line, in octets. Lines over 998 octets are accepted and recorded as <c>longLines</c>
    /// (RFC 5321 §4.5.3.1.6); a line over this cap makes the message refused with <c>500 5.5.2</c>.
    /// </summary>
    public int MaxDataLineLength { get; init; } = 64 * 1024;

    /// <summary>True when <paramref name="domain"/> is one of <see cref="AcceptedDomains"/> (exact or suffix match).</summary>
    public bool AcceptsDomain(string domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        foreach (var accepted in AcceptedDomains)
        {
            var suffix = accepted.StartsWith("*.", StringComparison.Ordinal) ? accepted[1..]
                : accepted.StartsWith('.') ? accepted
                : null;
            if (suffix is null)
            {
                if (string.Equals(domain, accepted, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
            else if (domain.Length > suffix.Length && domain.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
