namespace DuiConformance.Simulators.Imap;

/// <summary>The IMAP commands the simulator understands, each with its handler.</summary>
public sealed class ImapCommandMap
{
    private readonly Dictionary<string, IImapCommandHandler> _handlers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a map of the given handlers.</summary>
    /// <exception cref="ArgumentException">Two handlers claim the same command.</exception>
    public ImapCommandMap(IEnumerable<IImapCommandHandler> handlers)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        foreach (var handler in handlers)
        {
            if (!_handlers.TryAdd(handler.Name, handler))
            {
                throw new ArgumentException($"Two handlers for the IMAP command {handler.Name}.", nameof(handlers));
            }
        }
    }

    /// <summary>The command names.</summary>
    public IReadOnlyCollection<string> Names => _handlers.Keys;

    /// <summary>The handler of a command, or <c>false</c> when unknown (answered <c>BAD</c>).</summary>
    public bool TryGet(string name, out IImapCommandHandler handler) => _handlers.TryGetValue(name, out handler!);

    /// <summary>RFC 3501 plus IDLE (RFC 2177), UIDPLUS (RFC 4315) and UNSELECT (RFC 3691).</summary>
    public static ImapCommandMap CreateDefault() => new(
    [
        new Commands.CapabilityCommandHandler(),
        new Commands.NoopCommandHandler(),
        new Commands.LogoutCommandHandler(),
        new Commands.StartTlsCommandHandler(),
        new Commands.LoginCommandHandler(),
        new Commands.AuthenticateCommandHandler(),
        new Commands.SelectCommandHandler(),
        new Commands.ExamineCommandHandler(),
        new Commands.CreateCommandHandler(),
        new Commands.SubscribeCommandHandler(),
        new Commands.UnsubscribeCommandHandler(),
        new Commands.ListCommandHandler(),
        new Commands.LsubCommandHandler(),
        new Commands.StatusCommandHandler(),
        new Commands.AppendCommandHandler(),
        new Commands.CheckCommandHandler(),
        new Commands.CloseCommandHandler(),
        new Commands.UnselectCommandHandler(),
        new Commands.ExpungeCommandHandler(),
        new Commands.SearchCommandHandler(),
        new Commands.FetchCommandHandler(),
        new Commands.StoreCommandHandler(),
        new Commands.CopyCommandHandler(),
        new Commands.UidCommandHandler(),
        new Commands.IdleCommandHandler(),
    ]);
}
