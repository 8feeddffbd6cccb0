namespace DuiConformance.Simulators.Mail;

/// <summary>How IMAP STORE changes a message's flags (RFC 3501 §6.4.6).</summary>
public enum MailFlagChange
{
    /// <summary><c>FLAGS</c>: the flags become exactly the given ones.</summary>
    Replace,

    /// <summary><c>+FLAGS</c>: the given flags are added.</summary>
    Add,

    /// <summary><c>-FLAGS</c>: the given flags are removed.</summary>
    Remove,
}
