namespace DuiConformance.Simulators.Smtp;

/// <summary>The verbs the simulator understands, each with its handler; lookup is case-insensitive (RFC 5321 §2.4).</summary>
public sealed class SmtpCommandMap
{
    private readonly Dictionary<string, ISmtpCommandHandler> _handlers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a map of the given handlers.</summary>
    /// <exception cref="ArgumentException">Two handlers claim the same verb.</exception>
    public SmtpCommandMap(IEnumerable<ISmtpCommandHandler> handlers)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        foreach (var handler in handlers)
        {
            if (!_handlers.TryAdd(handler.Verb, handler))
            {
                throw new ArgumentException($"Two handlers for the SMTP verb {handler.Verb}.", nameof(handlers));
            }
        }
    }

    /// <summary>The verbs in the map.</summary>
    public IReadOnlyCollection<string> Verbs => _handlers.Keys;

    /// <summary>The handler of a verb, or <c>false</c> when the verb is unknown (answered <c>500 5.5.2</c>).</summary>
    public bool TryGet(string verb, out ISmtpCommandHandler handler) => _handlers.TryGetValue(verb, out handler!);

    /// <summary>The RFC 5321 / 6409 submission verbs: EHLO, HELO, STARTTLS, AUTH, MAIL, RCPT, DATA, RSET, NOOP, QUIT.</summary>
    public static SmtpCommandMap CreateDefault() => new(
    [
        new Commands.EhloCommandHandler(),
        new Commands.HeloCommandHandler(),
        new Commands.StartTlsCommandHandler(),
        new Commands.AuthCommandHandler(),
        new Commands.MailCommandHandler(),
        new Commands.RcptCommandHandler(),
        new Commands.DataCommandHandler(),
        new Commands.RsetCommandHandler(),
        new Commands.NoopCommandHandler(),
        new Commands.QuitCommandHandler(),
    ]);
}
