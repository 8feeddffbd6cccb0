namespace DuiConformance.Simulators.Imap.Commands;

/// <summary>
/// IDLE (RFC 2177): <c>+ idling</c>, then new and expunged messages are pushed as they happen until the client sends
/// <c>DONE</c>.
/// </summary>
internal sealed class IdleCommandHandler : IImapCommandHandler
{
    public string Name => "IDLE";

    public IReadOnlySet<ImapSessionState> AllowedStates => ImapStateSets.Authenticated;

    public async Task<ImapCompletion?> HandleAsync(ImapSession session, ImapCommand command, CancellationToken cancellationToken)
    {
        ImapArguments.Count(command, 0);
        await session.WriteLineAsync("+ idling", cancellationToken).ConfigureAwait(false);
        await session.SyncAsync(allowExpunge: true, cancellationToken).ConfigureAwait(false);
        var read = session.ReadLineAsync(cancellationToken).AsTask();
        while (true)
        {
            var change = session.Folder?.NextChange ?? Task.Delay(Timeout.Infinite, cancellationToken);
            var first = await Task.WhenAny(read, change).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (first == read)
            {
                break;
            }

            await session.SyncAsync(allowExpunge: true, cancellationToken).ConfigureAwait(false);
        }

        var line = await read.ConfigureAwait(false);
        if (line.IsEndOfStream)
        {
            throw new IOException("Connection closed during IDLE.");
        }

        var text = System.Text.Encoding.ASCII.GetString(line.Content.Span);
        session.Transcript.Client(text);
        return string.Equals(text, "DONE", StringComparison.OrdinalIgnoreCase)
            ? new ImapCompletion("Idle completed.")
            : throw ImapReplyException.Syntax("Expected DONE.");
    }
}
