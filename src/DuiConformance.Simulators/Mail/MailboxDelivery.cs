namespace DuiConformance.Simulators.Mail;

/// <summary>
/// What happens to a message for a mailbox the directory lists: filed, or accepted at RCPT then failing afterwards, so
/// the sender gets a failure DSN (RFC 3464 <c>Action: failed</c>, RFC 5321 §6.1) — the case a DUI must show (MSS-13).
/// </summary>
public enum MailboxDelivery
{
    /// <summary>The message is filed in the mailbox (<c>ok</c> in the directory file).</summary>
    Normal,

    /// <summary>The mailbox is full (<c>over-quota</c>): the delivery fails with <c>5.2.2</c> (RFC 3463 §3.3).</summary>
    OverQuota,

    /// <summary>The recipient's system does not answer (<c>unreachable</c>): the delivery fails with <c>5.4.1</c> (RFC 3463 §3.5).</summary>
    Unreachable,
}
