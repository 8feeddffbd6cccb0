namespace DuiConformance.Core.Evidence;

/// <summary>Property names of <see cref="EvidenceKinds.ImapTranscript"/> items: the facts of one IMAP session.</summary>
public static class ImapProperties
{
    /// <summary>Session identifier, e.g. <c>imap-1a2b3c4d</c>.</summary>
    public const string Session = "session";

    /// <summary><c>true</c> when TLS was established (STARTTLS or implicit TLS).</summary>
    public const string Tls = "tls";

    /// <summary>The negotiated TLS protocol (SslProtocols name, e.g. <c>Tls13</c>); absent without TLS.</summary>
    public const string TlsProtocol = "tlsProtocol";

    /// <summary><c>true</c> for a session of the implicit-TLS listener (RFC 8314 §3.3).</summary>
    public const string ImplicitTls = "implicitTls";

    /// <summary>The mechanism of the successful login (<c>LOGIN</c>, <c>PLAIN</c>, <c>XOAUTH2</c>, <c>OAUTHBEARER</c>); empty when none.</summary>
    public const string AuthMechanism = "authMechanism";

    /// <summary>The logged-in account's user name; empty when none.</summary>
    public const string AuthUser = "authUser";

    /// <summary><c>true</c> when the client sent LOGIN or AUTHENTICATE before TLS (refused, but its secret may have crossed in clear).</summary>
    public const string AuthBeforeTls = "authBeforeTls";

    /// <summary>How the session ended (<c>Normal</c>, <c>Timeout</c>, <c>TokenRevoked</c>, …).</summary>
    public const string End = "end";
}
