namespace DuiConformance.Simulators.Imap.Commands;

/// <summary>CLOSE (RFC 3501 §6.4.2): expunges silently when read-write, then no folder is selected.</summary>
internal sealed class CloseCommandHandler : IImapCommandHandler
{
    public string Name => "CLOSE";

    public IReadOnlySet<ImapSessionState> AllowedStates => ImapStateSets.Selected;

    public Task<ImapCompletion?> HandleAsync(ImapSession session, ImapCommand command, CancellationToken cancellationToken)
    {
        ImapArguments.Count(command, 0);
        if (!session.ReadOnly)
        {
            session.Folder!.Expunge();
        }

        session.Unselect();
        return Task.FromResult<ImapCompletion?>(new ImapCompletion("Close completed."));
    }
}
