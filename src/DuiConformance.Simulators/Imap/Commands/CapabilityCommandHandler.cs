namespace DuiConformance.Simulators.Imap.Commands;

/// <summary>CAPABILITY (RFC 3501 §6.1.1): the list depends on TLS and login (LOGINDISABLED before TLS).</summary>
internal sealed class CapabilityCommandHandler : IImapCommandHandler
{
    public string Name => "CAPABILITY";

    public IReadOnlySet<ImapSessionState> AllowedStates => ImapStateSets.Any;

    public async Task<ImapCompletion?> HandleAsync(ImapSession session, ImapCommand command, CancellationToken cancellationToken)
    {
        ImapArguments.Count(command, 0);
        await session.WriteLineAsync("* CAPABILITY " + session.Capabilities(), cancellationToken).ConfigureAwait(false);
        return new ImapCompletion("Capability completed.");
    }
}
