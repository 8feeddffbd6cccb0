using System.Globalization;

namespace DuiConformance.Simulators.Imap.Commands;

/// <summary>
/// COPY and UID COPY (RFC 3501 §6.4.7): copies the messages with their flags and internal date, answering
/// <c>[COPYUID validity source-uids destination-uids]</c> (RFC 4315 §3) or <c>NO [TRYCREATE]</c>.
/// </summary>
internal sealed class CopyCommandHandler : IImapUidCommand
{
    public string Name => "COPY";

    public IReadOnlySet<ImapSessionState> AllowedStates => ImapStateSets.Selected;

    public Task<ImapCompletion?> HandleAsync(ImapSession session, ImapCommand command, CancellationToken cancellationToken) =>
        HandleAsync(session, command, byUid: false, cancellationToken);

    public async Task<ImapCompletion?> HandleAsync(ImapSession session, ImapCommand command, bool byUid, CancellationToken cancellationToken)
    {
        ImapArguments.Count(command, 2);
        var set = ImapSequenceSet.Parse(ImapArguments.Atom(command, 0));
        var name = ImapArguments.String(command, 1);
        var target = session.Mailbox!.FindFolder(name) ?? throw ImapReplyException.No("[TRYCREATE] Mailbox doesn't exist: " + name);
        var sources = new List<uint>();
        var copies = new List<uint>();
        foreach (var index in set.Resolve(session.View, byUid))
        {
            var message = session.View[index];
            if (message.Expunged)
            {
                continue;
            }

            var content = await message.ReadAsync(cancellationToken).ConfigureAwait(false);
            var copy = await target.AppendAsync(content, message.Flags, message.InternalDate, cancellationToken).ConfigureAwait(false);
            sources.Add(message.Uid);
            copies.Add(copy.Uid);
        }

        return sources.Count == 0
            ? new ImapCompletion("No messages found.")
            : new ImapCompletion(string.Create(CultureInfo.InvariantCulture, $"[COPYUID {target.UidValidity} {ImapSequenceSet.Format(sources)} {ImapSequenceSet.Format(copies)}] Copy completed."));
    }
}
