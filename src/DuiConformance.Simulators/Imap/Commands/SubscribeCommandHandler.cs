namespace DuiConformance.Simulators.Imap.Commands;

/// <summary>SUBSCRIBE (RFC 3501 §6.3.6): adds a folder to the list LSUB shows.</summary>
internal sealed class SubscribeCommandHandler : IImapCommandHandler
{
    public string Name => "SUBSCRIBE";

    public IReadOnlySet<ImapSessionState> AllowedStates => ImapStateSets.Authenticated;

    public Task<ImapCompletion?> HandleAsync(ImapSession session, ImapCommand command, CancellationToken cancellationToken)
    {
        ImapArguments.Count(command, 1);
        var name = ImapArguments.String(command, 0);
        _ = session.Mailbox!.FindFolder(name) ?? throw ImapReplyException.No("Mailbox doesn't exist: " + name);
        session.Mailbox.SetSubscribed(name, subscribed: true);
        return Task.FromResult<ImapCompletion?>(new ImapCompletion("Subscribe completed."));
    }
}
