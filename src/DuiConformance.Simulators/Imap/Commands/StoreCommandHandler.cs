using System.Globalization;
using DuiConformance.Simulators.Mail;

namespace DuiConformance.Simulators.Imap.Commands;

/// <summary>
/// STORE and UID STORE (RFC 3501 §6.4.6): <c>FLAGS</c>, <c>+FLAGS</c>, <c>-FLAGS</c>, each optionally <c>.SILENT</c>;
/// answers the new flags with untagged FETCH (with the UID for the UID form).
/// </summary>
internal sealed class StoreCommandHandler : IImapUidCommand
{
    public string Name => "STORE";

    public IReadOnlySet<ImapSessionState> AllowedStates => ImapStateSets.Selected;

    public Task<ImapCompletion?> HandleAsync(ImapSession session, ImapCommand command, CancellationToken cancellationToken) =>
        HandleAsync(session, command, byUid: false, cancellationToken);

    public async Task<ImapCompletion?> HandleAsync(ImapSession session, ImapCommand command, bool byUid, CancellationToken cancellationToken)
    {
        if (command.Arguments.Count < 3)
        {
            throw ImapReplyException.Syntax("Error in IMAP command STORE: expected a set, an item and flags.");
        }

        var set = ImapSequenceSet.Parse(ImapArguments.Atom(command, 0));
        var item = ImapArguments.Atom(command, 1).ToUpperInvariant();
        var silent = item.EndsWith(".SILENT", StringComparison.Ordinal);
        var change = (silent ? item[..^7] : item) switch
        {
            "FLAGS" => MailFlagChange.Replace,
            "+FLAGS" => MailFlagChange.Add,
            "-FLAGS" => MailFlagChange.Remove,
            _ => throw ImapReplyException.Syntax("Error in IMAP command STORE: unknown item " + item + "."),
        };
        var flags = command.Arguments.Count == 3 ? ImapArguments.Flags(command.Arguments[2]) : ImapArguments.Flags(ImapToken.List([.. command.Arguments.Skip(2)]));
        if (session.ReadOnly)
        {
            throw ImapReplyException.No("[READ-ONLY] Mailbox is read-only.");
        }

        foreach (var index in set.Resolve(session.View, byUid))
        {
            var message = session.View[index];
            if (message.Expunged)
            {
                continue;
            }

            session.Folder!.ChangeFlags(message, change, flags);
            if (!silent)
            {
                var uid = byUid ? string.Create(CultureInfo.InvariantCulture, $"UID {message.Uid} ") : string.Empty;
                await session.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"* {index + 1} FETCH ({uid}FLAGS ({ImapFetchWriter.FlagList(message, session.IsRecent(message))}))"), cancellationToken).ConfigureAwait(false);
            }
        }

        return new ImapCompletion("Store completed.", AllowExpunge: byUid);
    }
}
