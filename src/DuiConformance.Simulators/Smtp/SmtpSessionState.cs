namespace DuiConformance.Simulators.Smtp;

/// <summary>
/// Where an SMTP session stands in the RFC 5321 command sequence. Every command handler declares the states it is
/// allowed in; a command sent in any other state is answered <c>503 5.5.1</c> (STYLE.md rule 6).
/// </summary>
public enum SmtpSessionState
{
    /// <summary>Connected (or just upgraded to TLS) and not greeted yet: the client must send EHLO or HELO first (RFC 3207 §4.2 after STARTTLS).</summary>
    Greeting,

    /// <summary>Greeted, no mail transaction open: STARTTLS, AUTH and MAIL are possible.</summary>
    Ready,

    /// <summary>MAIL FROM accepted, no recipient yet: only RCPT (or RSET, NOOP, QUIT, EHLO) moves on.</summary>
    MailFrom,

    /// <summary>At least one recipient accepted: more RCPT or DATA.</summary>
    RcptTo,

    /// <summary>Receiving the message content after <c>354</c>; no command is read until the terminating dot line.</summary>
    Data,

    /// <summary>QUIT answered or the session was ended by the server; nothing more is read.</summary>
    Closed,
}
