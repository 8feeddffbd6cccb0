namespace DuiConformance.Simulators.Imap;

/// <summary>One IMAP command as the client sent it (RFC 3501 §2.2.1), literals included.</summary>
/// <param name="Tag">The client's tag, echoed in the completion reply.</param>
/// <param name="Name">The command name in upper case, e.g. <c>FETCH</c>.</param>
/// <param name="Arguments">The arguments after the name.</param>
/// <param name="Redacted">The line fit for a transcript: LOGIN and AUTHENTICATE secrets masked.</param>
public sealed record ImapCommand(string Tag, string Name, IReadOnlyList<ImapToken> Arguments, string Redacted);
