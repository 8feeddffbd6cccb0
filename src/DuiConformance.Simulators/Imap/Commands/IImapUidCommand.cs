namespace DuiConformance.Simulators.Imap.Commands;

/// <summary>A command with a UID form (RFC 3501 §6.4.8): the same handler, numbers read as UIDs.</summary>
internal interface IImapUidCommand : IImapCommandHandler
{
    Task<ImapCompletion?> HandleAsync(ImapSession session, ImapCommand command, bool byUid, CancellationToken cancellationToken);
}
