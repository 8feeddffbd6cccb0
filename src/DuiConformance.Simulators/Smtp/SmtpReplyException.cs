namespace DuiConformance.Simulators.Smtp;

/// <summary>
/// Thrown by a command handler to refuse a command: the session loop (the only place that catches it) writes
/// <see cref="Reply"/> and goes on with the next command. It is the SUT's behaviour, not a fault (STYLE.md rule 15a).
/// </summary>
public sealed class SmtpReplyException : Exception
{
    /// <summary>Creates the exception carrying the reply to send.</summary>
    public SmtpReplyException(SmtpReply reply, Exception? innerException = null)
        : base(reply?.ToString(), innerException)
    {
        ArgumentNullException.ThrowIfNull(reply);
        Reply = reply;
    }

    /// <summary>The reply the session writes to the client.</summary>
    public SmtpReply Reply { get; }
}
