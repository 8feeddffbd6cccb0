namespace DuiConformance.Simulators.Smtp.Commands;

/// <summary>NOOP (RFC 5321 §4.1.1.9): <c>250 2.0.0</c>; an argument is allowed and ignored.</summary>
internal sealed class NoopCommandHandler : ISmtpCommandHandler
{
    public string Verb => "NOOP";

    public IReadOnlySet<SmtpSessionState> AllowedStates => SmtpStateSets.AnyCommandState;

    public Task HandleAsync(SmtpSession session, SmtpCommand command, CancellationToken cancellationToken) =>
        session.ReplyAsync(SmtpReplies.Ok, cancellationToken);
}
