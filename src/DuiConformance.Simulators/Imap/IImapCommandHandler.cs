namespace DuiConformance.Simulators.Imap;

/// <summary>
/// Handles one IMAP command (STYLE.md rule 7). The session checks <see cref="AllowedStates"/> first; the handler writes
/// its untagged responses and returns the completion, or throws <see cref="ImapReplyException"/>, which the session loop
/// turns into <c>NO</c> or <c>BAD</c>. A handler that wrote its tagged reply itself (STARTTLS) returns <c>null</c>.
/// </summary>
public interface IImapCommandHandler
{
    /// <summary>The command name in upper case, e.g. <c>SELECT</c>.</summary>
    string Name { get; }

    /// <summary>The states in which the command is accepted; in any other the session answers <c>BAD</c>.</summary>
    IReadOnlySet<ImapSessionState> AllowedStates { get; }

    /// <summary>Runs the command.</summary>
    Task<ImapCompletion?> HandleAsync(ImapSession session, ImapCommand command, CancellationToken cancellationToken);
}
