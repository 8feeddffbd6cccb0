using DuiConformance.Simulators.Mail;
using MimeKit;

namespace DuiConformance.Simulators.Smtp;

/// <summary>
/// After a message is filed: files the receipts the sender asked for in the sender's mailbox — a DSN per recipient
/// with <c>NOTIFY=SUCCESS</c> (RFC 3461 §4.1), and an MDN from each simulated recipient when the message carries
/// <c>Disposition-Notification-To</c> (RFC 8098), so the DUI can read them back over IMAP.
/// </summary>
internal static class SmtpReceiptSender
{
    public static async Task SendAsync(SmtpSession session, SmtpTransaction transaction, ReadOnlyMemory<byte> content, MailStore store)
    {
        if (transaction.ReversePath.Length == 0)
        {
            // Note: RFC 3461 §5.2 — nothing is ever sent back to the null reverse path.
            return;
        }

        var options = session.Server.Options;
        var now = session.Server.Time.GetUtcNow();
        foreach (var recipient in transaction.RecipientDetails.Where(recipient => recipient.Notify?.Split(',').Contains("SUCCESS", StringComparer.Ordinal) == true))
        {
            var dsn = MailReceipts.DeliveryStatus(options.Domain, transaction.ReversePath, recipient.Address, recipient.OriginalRecipient, transaction.DsnEnvelopeId, transaction.DsnReturn == "FULL", content, now);
            await store.DeliverAsync(transaction.ReversePath, dsn, CancellationToken.None).ConfigureAwait(false);
            session.Transcript.Note($"DSN (delivered) for <{recipient.Address}> filed for <{transaction.ReversePath}>");
        }

        HeaderList headers;
        using (var stream = new MemoryStream(content.ToArray(), writable: false))
        {
            try
            {
                headers = HeaderList.Load(stream);
            }
            catch (FormatException)
            {
                return;
            }
        }

        var notifyTo = headers[HeaderId.DispositionNotificationTo];
        if (notifyTo is null || !MailboxAddress.TryParse(notifyTo, out var address))
        {
            return;
        }

        // Note: RFC 8098 §2.1 and domain.md §4.5 — no automatic MDN when Disposition-Notification-To differs from the
        // envelope sender (Return-Path).
        if (!string.Equals(address.Address, transaction.ReversePath, StringComparison.OrdinalIgnoreCase))
        {
            session.Transcript.Note("MDN withheld: Disposition-Notification-To differs from the envelope sender (RFC 8098 §2.1)");
            return;
        }

        var messageId = headers[HeaderId.MessageId]?.Trim().Trim('<', '>');
        foreach (var recipient in transaction.Recipients.Where(recipient => !options.OwnMailboxes.Contains(recipient, StringComparer.OrdinalIgnoreCase)))
        {
            var error = options.ReadReceiptError;
            var mdn = MailReceipts.ReadReceipt(options.Domain, recipient, address.Address, messageId, error?.Code, error?.Label, content, now);
            await store.DeliverAsync(address.Address, mdn, CancellationToken.None).ConfigureAwait(false);
            session.Transcript.Note("MDN (processed" + (error is null ? string.Empty : "/Error") + ") from <" + recipient + "> filed for <" + address.Address + ">");
        }
    }
}
