namespace DuiConformance.Simulators.Imap.Commands;

/// <summary>CHECK (RFC 3501 §6.4.1): every message is already on disk when filed, so there is nothing to flush.</summary>
internal sealed class CheckCommandHandler : IImapCommandHandler
{
    public string Name => "CHECK";

    public IReadOnlySet<ImapSessionState> AllowedStates => ImapStateSets.Selected;

    public Task<ImapCompletion?> HandleAsync(ImapSession session, ImapCommand command, CancellationToken cancellationToken)
    {
        ImapArguments.Count(command, 0);
        return Task.FromResult<ImapCompletion?>(new ImapCompletion("CHECK completed."));
    }
}
