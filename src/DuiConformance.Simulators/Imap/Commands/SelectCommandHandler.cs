using System.Globalization;

namespace DuiConformance.Simulators.Imap.Commands;

/// <summary>
/// SELECT (RFC 3501 §6.3.1): opens a folder read-write and reports FLAGS, EXISTS, RECENT, UNSEEN, UIDVALIDITY and
/// UIDNEXT. A failed SELECT leaves no folder selected.
/// </summary>
internal class SelectCommandHandler : IImapCommandHandler
{
    public virtual string Name => "SELECT";

    public IReadOnlySet<ImapSessionState> AllowedStates => ImapStateSets.Authenticated;

    protected virtual bool ReadOnly => false;

    public async Task<ImapCompletion?> HandleAsync(ImapSession session, ImapCommand command, CancellationToken cancellationToken)
    {
        ImapArguments.Count(command, 1);
        var name = ImapArguments.String(command, 0);
        session.Unselect();
        var folder = session.Mailbox!.FindFolder(name) ?? throw ImapReplyException.No("Mailbox doesn't exist: " + name);
        var recent = session.Select(folder, ReadOnly);
        var view = session.View;
        await session.WriteLineAsync(ImapFlags.FlagsLine, cancellationToken).ConfigureAwait(false);
        await session.WriteLineAsync(ReadOnly ? "* OK [PERMANENTFLAGS ()] Read-only mailbox." : ImapFlags.PermanentFlagsLine, cancellationToken).ConfigureAwait(false);
        await session.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"* {view.Count} EXISTS"), cancellationToken).ConfigureAwait(false);
        await session.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"* {recent} RECENT"), cancellationToken).ConfigureAwait(false);
        for (var index = 0; index < view.Count; index++)
        {
            if (!view[index].HasFlag("\\Seen"))
            {
                await session.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"* OK [UNSEEN {index + 1}] First unseen."), cancellationToken).ConfigureAwait(false);
                break;
            }
        }

        await session.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"* OK [UIDVALIDITY {folder.UidValidity}] UIDs valid"), cancellationToken).ConfigureAwait(false);
        await session.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"* OK [UIDNEXT {folder.UidNext}] Predicted next UID"), cancellationToken).ConfigureAwait(false);
        return new ImapCompletion(ReadOnly ? "[READ-ONLY] Examine completed." : "[READ-WRITE] Select completed.");
    }
}
