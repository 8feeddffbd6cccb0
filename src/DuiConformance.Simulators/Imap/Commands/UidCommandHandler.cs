namespace DuiConformance.Simulators.Imap.Commands;

/// <summary>UID (RFC 3501 §6.4.8, RFC 4315 §2.1): UID FETCH, STORE, SEARCH, COPY and EXPUNGE, dispatched to those handlers.</summary>
internal sealed class UidCommandHandler : IImapCommandHandler
{
    public string Name => "UID";

    public IReadOnlySet<ImapSessionState> AllowedStates => ImapStateSets.Selected;

    public Task<ImapCompletion?> HandleAsync(ImapSession session, ImapCommand command, CancellationToken cancellationToken)
    {
        if (command.Arguments.Count == 0 || command.Arguments[0].Kind != ImapTokenKind.Atom)
        {
            throw ImapReplyException.Syntax("Error in IMAP command UID: missing command.");
        }

        var name = command.Arguments[0].Text.ToUpperInvariant();
        if (name is not ("FETCH" or "STORE" or "SEARCH" or "COPY" or "EXPUNGE")
            || !session.Server.Commands.TryGet(name, out var handler) || handler is not IImapUidCommand uidCommand)
        {
            throw ImapReplyException.Syntax("Error in IMAP command UID: unknown command " + name + ".");
        }

        var inner = command with { Name = name, Arguments = [.. command.Arguments.Skip(1)] };
        return uidCommand.HandleAsync(session, inner, byUid: true, cancellationToken);
    }
}
