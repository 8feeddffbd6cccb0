namespace DuiConformance.Simulators.Smtp.Commands;

/// <summary>QUIT (RFC 5321 §4.1.1.10): <c>221 2.0.0</c> and the session ends normally; an open transaction is dropped.</summary>
internal sealed class QuitCommandHandler : ISmtpCommandHandler
{
    public string Verb => "QUIT";

    public IReadOnlySet<SmtpSessionState> AllowedStates => SmtpStateSets.AnyCommandState;

    public async Task HandleAsync(SmtpSession session, SmtpCommand command, CancellationToken cancellationToken)
    {
        if (command.Argument.Length > 0)
        {
            throw new SmtpReplyException(SmtpReplies.BadArguments);
        }

        session.ResetTransaction();
        await session.ReplyAsync(new SmtpReply(221, "2.0.0", $"{session.Server.Options.Domain} Service closing transmission channel"), cancellationToken).ConfigureAwait(false);
        session.State = SmtpSessionState.Closed;
    }
}
