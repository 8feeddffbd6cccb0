using DuiConformance.Simulators.Mail;
using MimeKit;

namespace DuiConformance.Simulators.Smtp;

/// <summary>
/// After a message is filed: files the receipts the sender asked for in the sender's mailbox — a DSN per recipient
/// with <c>NOTIFY=SUCCESS</c> (RFC 3461 §4.1), a failure DSN per recipient whose delivery failed after acceptance unless
/// <c>NOTIFY=NEVER</c>, and an MDN from each simulated recipient when the message carries
/// <c>Disposition-Notification-To</c> (RFC 8098) — or, when the simulated recipient reports an integration error and no
/// MDN was asked for, the MSSanté <c>[KO Intégration système !]</c> mail (domain.md §4.5) — so the DUI can read them
/// back over IMAP.
/// </summary>
internal static class SmtpReceiptSender
{
    public static async Task SendAsync(SmtpSession session, SmtpTransaction transaction, ReadOnlyMemory<byte> content, MailStore store, IReadOnlyDictionary<string, MailboxDelivery> failing)
    {
        if (transaction.ReversePath.Length == 0)
        {
            // Note: RFC 3461 §5.2 — nothing is ever sent back to the null reverse path.
            return;
        }

        var options = session.Server.Options;
        var now = session.Server.Time.GetUtcNow();
        foreach (var recipient in transaction.RecipientDetails.Where(recipient => failing.ContainsKey(recipient.Address)))
        {
            // Note: RFC 5321 §6.1 — a failure after acceptance must be reported; RFC 3461 §4.1 — unless NOTIFY=NEVER, and
            // when NOTIFY is given without FAILURE.
            if (recipient.Notify is { } notify && !notify.Split(',').Contains("FAILURE", StringComparer.Ordinal))
            {
                session.Transcript.Note($"delivery to <{recipient.Address}> failed; no DSN (NOTIFY={notify})");
                continue;
            }

            var (status, diagnostic) = failing[recipient.Address] == MailboxDelivery.OverQuota
                ? ("5.2.2", "552 5.2.2 Mailbox full")
                : ("5.4.1", "550 5.4.1 No answer from the recipient's system");
            var dsn = MailReceipts.DeliveryFailure(options.Domain, transaction.ReversePath, recipient.Address, recipient.OriginalRecipient, transaction.DsnEnvelopeId, transaction.DsnReturn == "FULL", status, diagnostic, content, now);
            await store.DeliverAsync(transaction.ReversePath, dsn, CancellationToken.None).ConfigureAwait(false);
            session.Transcript.Note($"DSN (failed {status}) for <{recipient.Address}> filed for <{transaction.ReversePath}>");
        }

        foreach (var recipient in transaction.RecipientDetails.Where(recipient => !failing.ContainsKey(recipient.Address) && recipient.Notify?.Split(',').Contains("SUCCESS", StringComparer.Ordinal) == true))
        {
            var dsn = MailReceipts.DeliveryStatus(options.Domain, transaction.ReversePath, recipient.Address, recipient.OriginalRecipient, transaction.DsnEnvelopeId, transaction.DsnReturn == "FULL", content, now);
            await store.DeliverAsync(transaction.ReversePath, dsn, CancellationToken.None).ConfigureAwait(false);
            session.Transcript.Note($"DSN (delivered) for <{recipient.Address}> filed for <{transaction.ReversePath}>");
        }

        // Note: most messages ask for no MDN and no integration error is configured; then nothing below can file anything,
        // so the header section is not parsed at all (a cheap byte search first; a false positive only costs the parse).
        if (options.ReadReceiptError is null && !MentionsDispositionNotificationTo(content.Span))
        {
            return;
        }

        HeaderList headers;
        // Note: only the header section is read, straight from the received octets (no copy of the message).
        using (var stream = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(content, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false))
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

        var delivered = transaction.Recipients.Where(recipient => !failing.ContainsKey(recipient) && !options.OwnMailboxes.Contains(recipient, StringComparer.OrdinalIgnoreCase)).ToList();
        var notifyTo = headers[HeaderId.DispositionNotificationTo];
        if (notifyTo is null)
        {
            await SendIntegrationErrorsAsync(session, transaction, content, store, delivered).ConfigureAwait(false);
            return;
        }

        if (!MailboxAddress.TryParse(notifyTo, out var address))
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
        foreach (var recipient in delivered)
        {
            var error = options.ReadReceiptError;
            var mdn = MailReceipts.ReadReceipt(options.Domain, recipient, address.Address, messageId, error?.Code, error?.Label, content, now);
            await store.DeliverAsync(address.Address, mdn, CancellationToken.None).ConfigureAwait(false);
            session.Transcript.Note("MDN (processed" + (error is null ? string.Empty : "/Error") + ") from <" + recipient + "> filed for <" + address.Address + ">");
        }
    }

    /// <summary>True when the header section (up to the first empty line) holds the text <c>Disposition-Notification-To</c> in any case.</summary>
    private static bool MentionsDispositionNotificationTo(ReadOnlySpan<byte> message)
    {
        ReadOnlySpan<byte> name = "disposition-notification-to"u8;
        var end = message.IndexOf("\n\r\n"u8);
        var bareEnd = message[..(end < 0 ? message.Length : end + 1)].IndexOf("\n\n"u8);
        if (bareEnd >= 0)
        {
            end = bareEnd;
        }

        var headers = end < 0 ? message : message[..end];
        for (var index = headers.IndexOfAny((byte)'D', (byte)'d'); index >= 0 && headers.Length - index >= name.Length; )
        {
            if (System.Text.Ascii.EqualsIgnoreCase(headers.Slice(index, name.Length), name))
            {
                return true;
            }

            var next = headers[(index + 1)..].IndexOfAny((byte)'D', (byte)'d');
            index = next < 0 ? -1 : index + 1 + next;
        }

        return false;
    }

    /// <summary>
    /// When the simulated recipients report an integration error (<see cref="SmtpSimulatorOptions.ReadReceiptError"/>) and
    /// no MDN was asked for: one <c>[KO Intégration système !]</c> mail from each recipient to the sender (domain.md §4.5).
    /// </summary>
    private static async Task SendIntegrationErrorsAsync(SmtpSession session, SmtpTransaction transaction, ReadOnlyMemory<byte> content, MailStore store, IReadOnlyList<string> delivered)
    {
        var options = session.Server.Options;
        if (options.ReadReceiptError is not { } error)
        {
            return;
        }

        foreach (var recipient in delivered)
        {
            byte[] mail;
            try
            {
                mail = MailReceipts.IntegrationError(options.Domain, recipient, transaction.ReversePath, error.Code, error.Label, content, session.Server.Time.GetUtcNow());
            }
            catch (FormatException)
            {
                session.Transcript.Note("integration-error mail not sent: the message is not readable MIME");
                return;
            }

            await store.DeliverAsync(transaction.ReversePath, mail, CancellationToken.None).ConfigureAwait(false);
            session.Transcript.Note(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[KO Intégration système !][{error.Code}] from <{recipient}> filed for <{transaction.ReversePath}>"));
        }
    }
}
