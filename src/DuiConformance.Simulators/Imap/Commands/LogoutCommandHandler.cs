namespace DuiConformance.Simulators.Imap.Commands;

/// <summary>LOGOUT (RFC 3501 §6.1.3): <c>* BYE</c>, the tagged OK, and the connection closes.</summary>
internal sealed class LogoutCommandHandler : IImapCommandHandler
{
    public string Name => "LOGOUT";

    public IReadOnlySet<ImapSessionState> AllowedStates => ImapStateSets.Any;

    public async Task<ImapCompletion?> HandleAsync(ImapSession session, ImapCommand command, CancellationToken cancellationToken)
    {
        ImapArguments.Count(command, 0);
        await session.WriteLineAsync("* BYE Logging out", cancellationToken).ConfigureAwait(false);
        session.Unselect();
        await session.WriteLineAsync($"{command.Tag} OK Logout completed.", cancellationToken).ConfigureAwait(false);
        session.EndSession();
        return null;
    }
}
