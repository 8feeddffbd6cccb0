namespace DuiConformance.Simulators.Smtp.Commands;

/// <summary>The allowed-state sets the handlers share.</summary>
internal static class SmtpStateSets
{
    /// <summary>Any state in which commands are read (every state but <see cref="SmtpSessionState.Data"/> and <see cref="SmtpSessionState.Closed"/>).</summary>
    public static readonly IReadOnlySet<SmtpSessionState> AnyCommandState = new HashSet<SmtpSessionState>
    {
        SmtpSessionState.Greeting, SmtpSessionState.Ready, SmtpSessionState.MailFrom, SmtpSessionState.RcptTo,
    };

    /// <summary>Greeted, no transaction.</summary>
    public static readonly IReadOnlySet<SmtpSessionState> Ready = new HashSet<SmtpSessionState> { SmtpSessionState.Ready };

    /// <summary>Inside a transaction, before DATA.</summary>
    public static readonly IReadOnlySet<SmtpSessionState> InTransaction = new HashSet<SmtpSessionState>
    {
        SmtpSessionState.MailFrom, SmtpSessionState.RcptTo,
    };

    /// <summary>At least one recipient accepted.</summary>
    public static readonly IReadOnlySet<SmtpSessionState> HasRecipients = new HashSet<SmtpSessionState> { SmtpSessionState.RcptTo };
}
