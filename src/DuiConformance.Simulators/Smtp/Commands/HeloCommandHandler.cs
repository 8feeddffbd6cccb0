namespace DuiConformance.Simulators.Smtp.Commands;

/// <summary>HELO (RFC 5321 §4.1.1.1): the old greeting without extensions; resets any transaction.</summary>
internal sealed class HeloCommandHandler : ISmtpCommandHandler
{
    public string Verb => "HELO";

    public IReadOnlySet<SmtpSessionState> AllowedStates => SmtpStateSets.AnyCommandState;

    public async Task HandleAsync(SmtpSession session, SmtpCommand command, CancellationToken cancellationToken)
    {
        var name = command.Argument.Trim();
        if (name.Length == 0 || name.Contains(' ', StringComparison.Ordinal))
        {
            throw new SmtpReplyException(new SmtpReply(501, "5.5.4", "Syntax: HELO hostname"));
        }

        session.ResetTransaction();
        session.ClientName = name;
        session.State = SmtpSessionState.Ready;
        await session.ReplyAsync(new SmtpReply(250, null, $"{session.Server.Options.Domain} Hello {name}"), cancellationToken).ConfigureAwait(false);
    }
}
