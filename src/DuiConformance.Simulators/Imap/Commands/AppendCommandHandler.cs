using System.Globalization;

namespace DuiConformance.Simulators.Imap.Commands;

/// <summary>
/// APPEND (RFC 3501 §6.3.11) with optional flags and date-time; answers <c>[APPENDUID validity uid]</c> (UIDPLUS,
/// RFC 4315 §3) and <c>NO [TRYCREATE]</c> for a folder that does not exist.
/// </summary>
internal sealed class AppendCommandHandler : IImapCommandHandler
{
    private static readonly string[] DateFormats = ["d-MMM-yyyy HH:mm:ss zzz", "dd-MMM-yyyy HH:mm:ss zzz"];

    public string Name => "APPEND";

    public IReadOnlySet<ImapSessionState> AllowedStates => ImapStateSets.Authenticated;

    public async Task<ImapCompletion?> HandleAsync(ImapSession session, ImapCommand command, CancellationToken cancellationToken)
    {
        ImapArguments.CountBetween(command, 2, 4);
        var name = ImapArguments.String(command, 0);
        var message = command.Arguments[^1];
        if (message.Kind != ImapTokenKind.Literal || message.Octets!.Length == 0)
        {
            throw ImapReplyException.Syntax("Error in IMAP command APPEND: the message must be a non-empty literal.");
        }

        IReadOnlyList<string> flags = [];
        DateTimeOffset? date = null;
        foreach (var option in command.Arguments.Skip(1).SkipLast(1))
        {
            if (option.Kind == ImapTokenKind.List)
            {
                flags = ImapArguments.Flags(option);
            }
            else if (option.Kind == ImapTokenKind.Quoted && TryParseDate(option.Text, out var parsed))
            {
                date = parsed;
            }
            else
            {
                throw ImapReplyException.Syntax("Error in IMAP command APPEND: invalid flags or date-time.");
            }
        }

        var folder = session.Mailbox!.FindFolder(name) ?? throw ImapReplyException.No("[TRYCREATE] Mailbox doesn't exist: " + name);
        var stored = await folder.AppendAsync(message.Octets, flags, date, cancellationToken).ConfigureAwait(false);
        return new ImapCompletion(string.Create(CultureInfo.InvariantCulture, $"[APPENDUID {folder.UidValidity} {stored.Uid}] Append completed."));
    }

    /// <summary>RFC 3501 §9 date-time: <c>"dd-Mon-yyyy hh:mm:ss +zzzz"</c>, the day possibly space-padded.</summary>
    private static bool TryParseDate(string text, out DateTimeOffset date)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > 5 && trimmed[^5] is '+' or '-')
        {
            trimmed = trimmed[..^2] + ":" + trimmed[^2..];
        }

        return DateTimeOffset.TryParseExact(trimmed, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
