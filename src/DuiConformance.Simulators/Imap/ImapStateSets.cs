namespace DuiConformance.Simulators.Imap;

/// <summary>The allowed-state sets the handlers share (RFC 3501 §6).</summary>
internal static class ImapStateSets
{
    /// <summary>Any state (RFC 3501 §6.1: CAPABILITY, NOOP, LOGOUT).</summary>
    public static readonly IReadOnlySet<ImapSessionState> Any = new HashSet<ImapSessionState>
    {
        ImapSessionState.NotAuthenticated, ImapSessionState.Authenticated, ImapSessionState.Selected,
    };

    /// <summary>Not authenticated (§6.2).</summary>
    public static readonly IReadOnlySet<ImapSessionState> NotAuthenticated = new HashSet<ImapSessionState> { ImapSessionState.NotAuthenticated };

    /// <summary>Authenticated or selected (§6.3).</summary>
    public static readonly IReadOnlySet<ImapSessionState> Authenticated = new HashSet<ImapSessionState> { ImapSessionState.Authenticated, ImapSessionState.Selected };

    /// <summary>Selected (§6.4).</summary>
    public static readonly IReadOnlySet<ImapSessionState> Selected = new HashSet<ImapSessionState> { ImapSessionState.Selected };
}
