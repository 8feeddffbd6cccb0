namespace DuiConformance.Simulators.Smtp;

/// <summary>
/// How an SMTP session ended (STYLE.md rule 7). It tells whether the DUI, the network or the harness is to blame and is
/// recorded with the session transcript.
/// </summary>
public enum SmtpSessionEnd
{
    /// <summary>The client sent QUIT and received <c>221</c>: the only clean end.</summary>
    Normal,

    /// <summary>The client closed or reset the connection without QUIT, or the TLS handshake failed: a client or network fault.</summary>
    NetworkError,

    /// <summary>The client stayed silent longer than <see cref="SmtpSimulatorOptions.CommandTimeout"/>; the server answered <c>421 4.4.2</c> and closed.</summary>
    Timeout,

    /// <summary>The client sent too many bad commands (<see cref="SmtpSimulatorOptions.MaxBadCommands"/>); the server answered <c>421 4.7.0</c> and closed.</summary>
    TooManyErrors,

    /// <summary>The simulator itself failed (evidence store, unexpected exception): the run's outcome must be <c>error</c>, never <c>fail</c>.</summary>
    HarnessError,

    /// <summary>The simulator was stopping; the session was answered <c>421 4.3.2</c> and closed.</summary>
    Shutdown,

    /// <summary>The Pro Santé Connect token the session authenticated with was revoked: the next command got <c>421 4.7.0</c>.</summary>
    TokenRevoked,
}
