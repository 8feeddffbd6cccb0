namespace DuiConformance.Simulators.Imap.Commands;

/// <summary>
/// LIST (RFC 3501 §6.3.8): the folders matching reference + pattern, with CHILDREN attributes (RFC 3348); an empty
/// pattern returns the hierarchy delimiter.
/// </summary>
internal class ListCommandHandler : IImapCommandHandler
{
    public virtual string Name => "LIST";

    public IReadOnlySet<ImapSessionState> AllowedStates => ImapStateSets.Authenticated;

    public async Task<ImapCompletion?> HandleAsync(ImapSession session, ImapCommand command, CancellationToken cancellationToken)
    {
        ImapArguments.Count(command, 2);
        var reference = ImapArguments.String(command, 0);
        var pattern = ImapArguments.String(command, 1);
        if (pattern.Length == 0)
        {
            await session.WriteLineAsync($"* {Name} (\\Noselect) \"{ImapMailboxPattern.Delimiter}\" \"\"", cancellationToken).ConfigureAwait(false);
            return new ImapCompletion($"{ToTitle(Name)} completed.");
        }

        var matcher = ImapMailboxPattern.Compile(reference, pattern);
        var all = session.Mailbox!.FolderNames;
        foreach (var name in Candidates(session))
        {
            if (!ImapMailboxPattern.Matches(matcher, name))
            {
                continue;
            }

            var children = all.Any(other => other.StartsWith(name + ImapMailboxPattern.Delimiter, StringComparison.Ordinal));
            await session.WriteLineAsync($"* {Name} ({(children ? "\\HasChildren" : "\\HasNoChildren")}) \"{ImapMailboxPattern.Delimiter}\" {ImapString.AString(name)}", cancellationToken).ConfigureAwait(false);
        }

        return new ImapCompletion($"{ToTitle(Name)} completed.");
    }

    protected virtual IReadOnlyList<string> Candidates(ImapSession session) => session.Mailbox!.FolderNames;

    private static string ToTitle(string name) => name[..1] + name[1..].ToLowerInvariant();
}
