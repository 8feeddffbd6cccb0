namespace DuiConformance.Simulators.Imap.Commands;

/// <summary>CREATE (RFC 3501 §6.3.3): a new folder; INBOX or an existing name is <c>NO [ALREADYEXISTS]</c>.</summary>
internal sealed class CreateCommandHandler : IImapCommandHandler
{
    public string Name => "CREATE";

    public IReadOnlySet<ImapSessionState> AllowedStates => ImapStateSets.Authenticated;

    public Task<ImapCompletion?> HandleAsync(ImapSession session, ImapCommand command, CancellationToken cancellationToken)
    {
        ImapArguments.Count(command, 1);

        // Note: RFC 3501 §6.3.3 — a trailing hierarchy delimiter only says the client means to create children.
        var name = ImapArguments.String(command, 0).TrimEnd('/');
        if (name.Length == 0 || name.Length > 255 || name.Any(char.IsControl) || name.Contains('*') || name.Contains('%'))
        {
            throw ImapReplyException.No("Invalid mailbox name.");
        }

        _ = session.Mailbox!.CreateFolder(name) ?? throw ImapReplyException.No("[ALREADYEXISTS] Mailbox already exists.");
        return Task.FromResult<ImapCompletion?>(new ImapCompletion("Create completed."));
    }
}
