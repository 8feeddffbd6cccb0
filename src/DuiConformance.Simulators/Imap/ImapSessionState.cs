namespace DuiConformance.Simulators.Imap;

/// <summary>
/// Where an IMAP session stands (RFC 3501 §3). Every command handler declares the states it is allowed in; a command in
/// any other state is answered <c>BAD</c> (STYLE.md rule 6).
/// </summary>
public enum ImapSessionState
{
    /// <summary>Connected, not logged in: only CAPABILITY, NOOP, LOGOUT, STARTTLS, LOGIN and AUTHENTICATE.</summary>
    NotAuthenticated,

    /// <summary>Logged in, no folder selected: folder commands (SELECT, LIST, STATUS, APPEND…).</summary>
    Authenticated,

    /// <summary>A folder is selected: message commands (FETCH, STORE, SEARCH, COPY, EXPUNGE, IDLE…) too.</summary>
    Selected,

    /// <summary>LOGOUT answered or the server ended the session; nothing more is read.</summary>
    Logout,
}
