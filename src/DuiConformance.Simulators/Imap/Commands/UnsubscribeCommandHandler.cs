namespace DuiConformance.Simulators.Imap.Commands;

/// <summary>UNSUBSCRIBE (RFC 3501 §6.3.7): removes a name from the list LSUB shows.</summary>
internal sealed class UnsubscribeCommandHandler : IImapCommandHandler
{
    public string Name => "UNSUBSCRIBE";

    public IReadOnlySet<ImapSessionState> AllowedStates => ImapStateSets.Authenticated;

    public Task<ImapCompletion?> HandleAsync(ImapSession session, ImapCommand command, CancellationToken cancellationToken)
    {
        ImapArguments.Count(command, 1);
        session.Mailbox!.SetSubscribed(ImapArguments.String(command, 0), subscribed: false);
        return Task.FromResult<ImapCompletion?>(new ImapCompletion("Unsubscribe completed."));
    }
}
