using System.Globalization;

namespace DuiConformance.Simulators.Imap.Commands;

/// <summary>STATUS (RFC 3501 §6.3.10): MESSAGES, RECENT, UIDNEXT, UIDVALIDITY and UNSEEN of a folder, without selecting it.</summary>
internal sealed class StatusCommandHandler : IImapCommandHandler
{
    public string Name => "STATUS";

    public IReadOnlySet<ImapSessionState> AllowedStates => ImapStateSets.Authenticated;

    public async Task<ImapCompletion?> HandleAsync(ImapSession session, ImapCommand command, CancellationToken cancellationToken)
    {
        ImapArguments.Count(command, 2);
        var name = ImapArguments.String(command, 0);
        var items = command.Arguments[1];
        if (items.Kind != ImapTokenKind.List || items.Children.Count == 0)
        {
            throw ImapReplyException.Syntax("Error in IMAP command STATUS: expected a list of status items.");
        }

        var folder = session.Mailbox!.FindFolder(name) ?? throw ImapReplyException.No("Mailbox doesn't exist: " + name);
        var messages = folder.Messages;
        var values = new List<string>();
        foreach (var item in items.Children)
        {
            var key = item.Text.ToUpperInvariant();
            long value = key switch
            {
                "MESSAGES" => messages.Count,
                "RECENT" => messages.Count(message => message.Recent),
                "UIDNEXT" => folder.UidNext,
                "UIDVALIDITY" => folder.UidValidity,
                "UNSEEN" => messages.Count(message => !message.HasFlag("\\Seen")),
                _ => throw ImapReplyException.Syntax($"Error in IMAP command STATUS: unknown status item {item.Text}."),
            };
            values.Add(string.Create(CultureInfo.InvariantCulture, $"{key} {value}"));
        }

        await session.WriteLineAsync($"* STATUS {ImapString.AString(folder.Name)} ({string.Join(' ', values)})", cancellationToken).ConfigureAwait(false);
        return new ImapCompletion("Status completed.");
    }
}
