namespace DuiConformance.Simulators.Imap.Commands;

/// <summary>
/// FETCH and UID FETCH (RFC 3501 §6.4.5): FLAGS, UID, INTERNALDATE, RFC822.SIZE, ENVELOPE, BODYSTRUCTURE, BODY,
/// BODY[section]&lt;partial&gt; and BODY.PEEK, RFC822*. A non-peek body fetch sets <c>\Seen</c> in a read-write folder.
/// </summary>
internal sealed class FetchCommandHandler : IImapUidCommand
{
    public string Name => "FETCH";

    public IReadOnlySet<ImapSessionState> AllowedStates => ImapStateSets.Selected;

    public Task<ImapCompletion?> HandleAsync(ImapSession session, ImapCommand command, CancellationToken cancellationToken) =>
        HandleAsync(session, command, byUid: false, cancellationToken);

    public async Task<ImapCompletion?> HandleAsync(ImapSession session, ImapCommand command, bool byUid, CancellationToken cancellationToken)
    {
        if (command.Arguments.Count < 2)
        {
            throw ImapReplyException.Syntax("Error in IMAP command FETCH: expected a set and items.");
        }

        var set = ImapSequenceSet.Parse(ImapArguments.Atom(command, 0));
        var items = ImapFetchItem.ParseAll([.. command.Arguments.Skip(1)]);
        var setsSeen = !session.ReadOnly && items.Any(item => item.Name is "RFC822" or "RFC822.TEXT" || (item.Name == "BODY[]" && !item.Peek));
        var missing = false;

        // Note: responses are sent in batches of about 64 KiB rather than one TLS record and flush per message.
        using var batch = new MemoryStream();
        foreach (var index in set.Resolve(session.View, byUid))
        {
            var message = session.View[index];
            if (message.Expunged)
            {
                missing = true;
                continue;
            }

            var flagsChanged = setsSeen && session.Folder!.ChangeFlags(message, Mail.MailFlagChange.Add, ["\\Seen"]);
            byte[] response;
            try
            {
                response = await ImapFetchWriter.BuildAsync(index + 1, message, session.IsRecent(message), items, byUid, flagsChanged, cancellationToken).ConfigureAwait(false);
            }
            catch (FileNotFoundException)
            {
                // Note: expunged by another session between the check and the read.
                missing = true;
                continue;
            }

            batch.Write(response);
            if (batch.Length >= 64 * 1024)
            {
                await session.WriteAsync(batch.GetBuffer().AsMemory(0, (int)batch.Length), cancellationToken).ConfigureAwait(false);
                batch.SetLength(0);
            }
        }

        if (batch.Length > 0)
        {
            await session.WriteAsync(batch.GetBuffer().AsMemory(0, (int)batch.Length), cancellationToken).ConfigureAwait(false);
        }

        return missing
            ? throw ImapReplyException.No("Some messages were expunged.")
            : new ImapCompletion("Fetch completed.", AllowExpunge: byUid);
    }
}
