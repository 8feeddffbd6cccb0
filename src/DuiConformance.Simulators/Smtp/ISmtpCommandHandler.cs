namespace DuiConformance.Simulators.Smtp;

/// <summary>
/// Handles one SMTP verb (STYLE.md rule 7). The session checks <see cref="AllowedStates"/> before calling
/// <see cref="HandleAsync"/>; the handler either writes its reply through <see cref="SmtpSession.ReplyAsync"/> or throws
/// <see cref="SmtpReplyException"/>, which the session loop turns into the wire reply.
/// </summary>
public interface ISmtpCommandHandler
{
    /// <summary>The verb, e.g. <c>MAIL</c>; matched case-insensitively.</summary>
    string Verb { get; }

    /// <summary>The states in which the verb is accepted; in any other the session answers <c>503 5.5.1</c>.</summary>
    IReadOnlySet<SmtpSessionState> AllowedStates { get; }

    /// <summary>Runs the command; throws <see cref="SmtpReplyException"/> to refuse it.</summary>
    Task HandleAsync(SmtpSession session, SmtpCommand command, CancellationToken cancellationToken);
}
