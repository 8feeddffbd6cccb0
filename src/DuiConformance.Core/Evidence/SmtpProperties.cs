namespace DuiConformance.Core.Evidence;

/// <summary>Property names of <see cref="EvidenceKinds.SmtpMessage"/> and <see cref="EvidenceKinds.SmtpTranscript"/> items: the wire facts.</summary>
public static class SmtpProperties
{
    /// <summary>Session identifier, shared by the message and its transcript.</summary>
    public const string Session = "session";

    /// <summary>Envelope sender (MAIL FROM), without angle brackets.</summary>
    public const string MailFrom = "mailFrom";

    /// <summary>Envelope recipients (RCPT TO), comma-separated.</summary>
    public const string RcptTo = "rcptTo";

    /// <summary><c>true</c> when the message was received over TLS (STARTTLS or implicit).</summary>
    public const string Tls = "tls";

    /// <summary>The negotiated TLS protocol, e.g. <c>Tls13</c>, when <see cref="Tls"/> is true.</summary>
    public const string TlsProtocol = "tlsProtocol";

    /// <summary>The SASL mechanism used to authenticate, empty when none.</summary>
    public const string AuthMechanism = "authMechanism";

    /// <summary><c>true</c> when AUTH was issued before TLS was established.</summary>
    public const string AuthBeforeTls = "authBeforeTls";

    /// <summary>The authenticated user name, empty when none.</summary>
    public const string AuthUser = "authUser";

    /// <summary><c>true</c> when DATA held a bare LF (RFC 5321 §2.3.8).</summary>
    public const string BareLineFeed = "bareLf";

    /// <summary><c>true</c> when DATA held 8-bit octets without BODY=8BITMIME.</summary>
    public const string EightBitWithout8BitMime = "eightBitWithout8BitMime";

    /// <summary><c>true</c> when a DATA line exceeded 998 octets (RFC 5322 §2.1.1).</summary>
    public const string LongLines = "longLines";

    /// <summary>The RFC 3461 NOTIFY value of each RCPT, in <see cref="RcptTo"/> order, separated by <c>;</c> (empty when a RCPT had none); absent when no RCPT had NOTIFY or ORCPT.</summary>
    public const string DsnNotify = "dsnNotify";

    /// <summary>The RFC 3461 ENVID of MAIL FROM (xtext as sent), absent when none.</summary>
    public const string DsnEnvelopeId = "dsnEnvid";

    /// <summary>The subject of the TLS client certificate the client presented (RFC 4514 form); absent when none was asked for or presented.</summary>
    public const string ClientCertificateSubject = "clientCertificateSubject";
}
