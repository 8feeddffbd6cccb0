namespace DuiConformance.Simulators.Imap.Commands;

/// <summary>NOOP (RFC 3501 §6.1.2): nothing, but the session then reports new and expunged messages.</summary>
internal sealed class NoopCommandHandler : IImapCommandHandler
{
    public string Name => "NOOP";

    public IReadOnlySet<ImapSessionState> AllowedStates => ImapStateSets.Any;

    public Task<ImapCompletion?> HandleAsync(ImapSession session, ImapCommand command, CancellationToken cancellationToken)
    {
        ImapArguments.Count(command, 0);
        return Task.FromResult<ImapCompletion?>(new ImapCompletion("NOOP completed."));
    }
}
