namespace DuiConformance.Simulators.Smtp;

/// <summary>
/// The fixed replies of the simulator, with their RFC 5321 code and RFC 3463 enhanced status, so every handler refuses the
/// same situation with the same words.
/// </summary>
public static class SmtpReplies
{
    /// <summary><c>250 2.0.0 OK</c>: RSET, NOOP and the like succeeded.</summary>
    public static SmtpReply Ok { get; } = new(250, "2.0.0", "OK");

    /// <summary><c>503 5.5.1</c>: the command is valid but not in the current <see cref="SmtpSessionState"/>.</summary>
    public static SmtpReply BadSequence { get; } = new(503, "5.5.1", "Bad sequence of commands");

    /// <summary><c>500 5.5.2</c>: not a command line (unknown verb, binary or non-ASCII bytes, empty line).</summary>
    public static SmtpReply SyntaxError { get; } = new(500, "5.5.2", "Syntax error, command unrecognized");

    /// <summary><c>500 5.5.2</c>: a line longer than the server accepts (RFC 5321 §4.5.3.1.4 and §4.5.3.1.10).</summary>
    public static SmtpReply LineTooLong { get; } = new(500, "5.5.2", "Line too long");

    /// <summary><c>501 5.5.4</c>: the verb is known but its arguments are not valid.</summary>
    public static SmtpReply BadArguments { get; } = new(501, "5.5.4", "Syntax error in parameters or arguments");

    /// <summary><c>555 5.5.4</c>: a MAIL or RCPT parameter the server did not advertise (RFC 5321 §4.1.1.11).</summary>
    public static SmtpReply UnsupportedParameter { get; } = new(555, "5.5.4", "MAIL FROM/RCPT TO parameters not recognized or not implemented");

    /// <summary><c>530 5.7.0</c>: AUTH before STARTTLS on the submission port (RFC 3207 §4, RFC 4954 §4).</summary>
    public static SmtpReply MustStartTls { get; } = new(530, "5.7.0", "Must issue a STARTTLS command first");

    /// <summary><c>530 5.7.0</c>: MAIL before a successful AUTH (RFC 4954 §6, RFC 6409 §4.3).</summary>
    public static SmtpReply AuthenticationRequired { get; } = new(530, "5.7.0", "Authentication required");

    /// <summary><c>535 5.7.8</c>: wrong user name or password (RFC 4954 §6).</summary>
    public static SmtpReply InvalidCredentials { get; } = new(535, "5.7.8", "Authentication credentials invalid");

    /// <summary><c>235 2.7.0</c>: AUTH succeeded (RFC 4954 §6).</summary>
    public static SmtpReply AuthenticationSucceeded { get; } = new(235, "2.7.0", "Authentication successful");

    /// <summary><c>504 5.5.4</c>: a SASL mechanism the server does not offer (RFC 4954 §4).</summary>
    public static SmtpReply UnknownMechanism { get; } = new(504, "5.5.4", "Unrecognized authentication type");

    /// <summary><c>501 5.7.0</c>: the client cancelled the SASL exchange with <c>*</c> (RFC 4954 §4).</summary>
    public static SmtpReply AuthenticationCancelled { get; } = new(501, "5.7.0", "Authentication canceled");

    /// <summary><c>501 5.5.2</c>: a SASL response that is not valid base64 (RFC 4954 §4).</summary>
    public static SmtpReply InvalidBase64 { get; } = new(501, "5.5.2", "Cannot decode response");

    /// <summary><c>552 5.3.4</c>: the declared or actual message size is over the limit advertised by SIZE (RFC 1870).</summary>
    public static SmtpReply MessageTooBig { get; } = new(552, "5.3.4", "Message size exceeds fixed maximum message size");

    /// <summary><c>550 5.7.1</c>: the recipient domain is not one this operator serves.</summary>
    public static SmtpReply RelayDenied { get; } = new(550, "5.7.1", "Relaying denied");

    /// <summary><c>550 5.1.1</c>: the domain is the operator's but the directory has no such mailbox (RFC 3463 §3.2).</summary>
    public static SmtpReply UnknownMailbox { get; } = new(550, "5.1.1", "Mailbox unknown in the MSSante directory");

    /// <summary><c>553 5.6.7</c>: a UTF-8 address in a transaction opened without <c>SMTPUTF8</c> (RFC 6531 §3.5).</summary>
    public static SmtpReply NonAsciiAddress { get; } = new(553, "5.6.7", "Non-ASCII addresses need SMTPUTF8");

    /// <summary><c>501 5.5.4</c>: a DSN parameter (RFC 3461 §4) with a value outside its syntax.</summary>
    public static SmtpReply BadDsnParameter { get; } = new(501, "5.5.4", "Invalid DSN parameter (RFC 3461)");

    /// <summary><c>452 4.5.3</c>: more recipients than <see cref="SmtpSimulatorOptions.MaxRecipients"/> (RFC 5321 §4.5.3.1.10).</summary>
    public static SmtpReply TooManyRecipients { get; } = new(452, "4.5.3", "Too many recipients");

    /// <summary><c>451 4.3.0</c>: the message could not be stored; the client must retry, nothing was accepted.</summary>
    public static SmtpReply StorageFailed { get; } = new(451, "4.3.0", "Requested action aborted: local error in processing");

    /// <summary><c>421 4.3.2</c>: the simulator is stopping.</summary>
    public static SmtpReply ShuttingDown { get; } = new(421, "4.3.2", "Service shutting down, closing transmission channel");

    /// <summary><c>421 4.4.2</c>: the client was idle longer than the command timeout (RFC 5321 §4.5.3.2).</summary>
    public static SmtpReply Timeout { get; } = new(421, "4.4.2", "Timeout exceeded, closing transmission channel");

    /// <summary><c>421 4.7.0</c>: too many bad commands in one session.</summary>
    public static SmtpReply TooManyErrors { get; } = new(421, "4.7.0", "Too many errors, closing transmission channel");

    /// <summary><c>421 4.3.2</c>: more concurrent sessions than <see cref="SmtpSimulatorOptions.MaxSessions"/>.</summary>
    public static SmtpReply TooManySessions { get; } = new(421, "4.3.2", "Too many connections, try again later");

    /// <summary><c>421 4.3.0</c>: the simulator failed; the session is closed.</summary>
    public static SmtpReply LocalError { get; } = new(421, "4.3.0", "Local error, closing transmission channel");

    /// <summary>
    /// <c>421 4.7.0</c>: the Pro Santé Connect token of the session was revoked; the channel closes (RFC 5321 §3.8,
    /// domain.md §8.5 MSS-04).
    /// </summary>
    public static SmtpReply TokenRevoked { get; } = new(421, "4.7.0", "Access token revoked, closing transmission channel");
}
