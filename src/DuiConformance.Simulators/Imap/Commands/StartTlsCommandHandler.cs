namespace DuiConformance.Simulators.Imap.Commands;

/// <summary>STARTTLS (RFC 3501 §6.2.1): the tagged OK, then the handshake; commands pipelined before it are discarded.</summary>
internal sealed class StartTlsCommandHandler : IImapCommandHandler
{
    public string Name => "STARTTLS";

    public IReadOnlySet<ImapSessionState> AllowedStates => ImapStateSets.NotAuthenticated;

    public async Task<ImapCompletion?> HandleAsync(ImapSession session, ImapCommand command, CancellationToken cancellationToken)
    {
        ImapArguments.Count(command, 0);
        if (session.Server.Certificate is null || session.IsTls)
        {
            throw ImapReplyException.Syntax(session.IsTls ? "TLS is already active." : "STARTTLS is not available.");
        }

        await session.WriteLineAsync($"{command.Tag} OK Begin TLS negotiation now.", cancellationToken).ConfigureAwait(false);
        await session.UpgradeToTlsAsync(cancellationToken).ConfigureAwait(false);
        return null;
    }
}
