using System.Globalization;

namespace DuiConformance.Simulators.Imap.Commands;

/// <summary>SEARCH and UID SEARCH (RFC 3501 §6.4.4): <c>* SEARCH</c> with sequence numbers or UIDs of the matching messages.</summary>
internal sealed class SearchCommandHandler : IImapUidCommand
{
    public string Name => "SEARCH";

    public IReadOnlySet<ImapSessionState> AllowedStates => ImapStateSets.Selected;

    public Task<ImapCompletion?> HandleAsync(ImapSession session, ImapCommand command, CancellationToken cancellationToken) =>
        HandleAsync(session, command, byUid: false, cancellationToken);

    public async Task<ImapCompletion?> HandleAsync(ImapSession session, ImapCommand command, bool byUid, CancellationToken cancellationToken)
    {
        var criteria = ImapSearchCriteria.Parse(command.Arguments);
        var view = session.View;
        var largestUid = view.Count == 0 ? 0u : view[^1].Uid;
        var found = new List<string>();
        for (var index = 0; index < view.Count; index++)
        {
            var message = view[index];
            if (message.Expunged)
            {
                continue;
            }

            bool matches;
            try
            {
                matches = criteria.Matches(new ImapSearchCandidate(message, index + 1, view.Count, largestUid, session.IsRecent(message)));
            }
            catch (FileNotFoundException)
            {
                continue;
            }

            if (matches)
            {
                found.Add((byUid ? message.Uid : (uint)(index + 1)).ToString(CultureInfo.InvariantCulture));
            }
        }

        await session.WriteLineAsync(found.Count == 0 ? "* SEARCH" : "* SEARCH " + string.Join(' ', found), cancellationToken).ConfigureAwait(false);
        return new ImapCompletion("Search completed.", AllowExpunge: byUid);
    }
}
