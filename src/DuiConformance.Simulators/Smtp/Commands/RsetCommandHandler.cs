namespace DuiConformance.Simulators.Smtp.Commands;

/// <summary>RSET (RFC 5321 §4.1.1.5): drops the transaction, keeps the greeting, TLS and authentication.</summary>
internal sealed class RsetCommandHandler : ISmtpCommandHandler
{
    public string Verb => "RSET";

    public IReadOnlySet<SmtpSessionState> AllowedStates => SmtpStateSets.AnyCommandState;

    public async Task HandleAsync(SmtpSession session, SmtpCommand command, CancellationToken cancellationToken)
    {
        if (command.Argument.Length > 0)
        {
            throw new SmtpReplyException(SmtpReplies.BadArguments);
        }

        session.ResetTransaction();
        if (session.State != SmtpSessionState.Greeting)
        {
            session.State = SmtpSessionState.Ready;
        }

        await session.ReplyAsync(SmtpReplies.Ok, cancellationToken).ConfigureAwait(false);
    }
}
