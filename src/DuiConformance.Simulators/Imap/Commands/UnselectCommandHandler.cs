namespace DuiConformance.Simulators.Imap.Commands;

/// <summary>UNSELECT (RFC 3691): leaves the folder without expunging.</summary>
internal sealed class UnselectCommandHandler : IImapCommandHandler
{
    public string Name => "UNSELECT";

    public IReadOnlySet<ImapSessionState> AllowedStates => ImapStateSets.Selected;

    public Task<ImapCompletion?> HandleAsync(ImapSession session, ImapCommand command, CancellationToken cancellationToken)
    {
        ImapArguments.Count(command, 0);
        session.Unselect();
        return Task.FromResult<ImapCompletion?>(new ImapCompletion("Unselect completed."));
    }
}
