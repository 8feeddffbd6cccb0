namespace DuiConformance.Simulators.Imap.Commands;

/// <summary>
/// EXPUNGE (RFC 3501 §6.4.3) and UID EXPUNGE (RFC 4315 §2.1): removes the <c>\Deleted</c> messages (only those in the
/// UID set for the UID form); the session reports each with <c>* n EXPUNGE</c>.
/// </summary>
internal sealed class ExpungeCommandHandler : IImapUidCommand
{
    public string Name => "EXPUNGE";

    public IReadOnlySet<ImapSessionState> AllowedStates => ImapStateSets.Selected;

    public Task<ImapCompletion?> HandleAsync(ImapSession session, ImapCommand command, CancellationToken cancellationToken) =>
        HandleAsync(session, command, byUid: false, cancellationToken);

    public Task<ImapCompletion?> HandleAsync(ImapSession session, ImapCommand command, bool byUid, CancellationToken cancellationToken)
    {
        ImapArguments.Count(command, byUid ? 1 : 0);
        if (session.ReadOnly)
        {
            throw ImapReplyException.No("[READ-ONLY] Mailbox is read-only.");
        }

        HashSet<uint>? only = null;
        if (byUid)
        {
            var set = ImapSequenceSet.Parse(ImapArguments.Atom(command, 0));
            only = [.. set.Resolve(session.View, byUid: true).Select(index => session.View[index].Uid)];
        }

        session.Folder!.Expunge(only);
        return Task.FromResult<ImapCompletion?>(new ImapCompletion("Expunge completed."));
    }
}
