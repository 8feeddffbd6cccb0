using System.Globalization;
using System.Text;
using MimeKit;

namespace DuiConformance.Simulators.Mail;

/// <summary>
/// Receipts the simulated operator and its simulated recipients send back: a delivery status notification (RFC 3464)
/// when RCPT carried <c>NOTIFY=SUCCESS</c> (RFC 3461), and a read receipt (MDN, RFC 8098) when the message carries
/// <c>Disposition-Notification-To</c> (domain.md §4.5: <c>automatic-action/MDN-sent-automatically; processed</c>).
/// </summary>
public static class MailReceipts
{
    private static readonly FormatOptions Crlf = CreateFormat();

    /// <summary>A successful-delivery DSN for <paramref name="recipient"/>, with the headers (RET=HDRS) or the whole message (RET=FULL).</summary>
    /// <param name="operatorDomain">The reporting MTA's name.</param>
    /// <param name="sender">The envelope sender the DSN goes to.</param>
    /// <param name="recipient">The recipient delivered to.</param>
    /// <param name="originalRecipient">The ORCPT value, or <c>null</c>.</param>
    /// <param name="envelopeId">The ENVID value, or <c>null</c>.</param>
    /// <param name="returnFull">True for RET=FULL (the whole message), false for headers only.</param>
    /// <param name="original">The delivered message bytes.</param>
    /// <param name="at">When it was delivered.</param>
    public static byte[] DeliveryStatus(string operatorDomain, string sender, string recipient, string? originalRecipient, string? envelopeId, bool returnFull, ReadOnlyMemory<byte> original, DateTimeOffset at) =>
        Dsn(
            operatorDomain,
            sender,
            new DsnRecipient(recipient, originalRecipient, "delivered", "2.0.0", null),
            envelopeId,
            returnFull,
            original,
            at,
            $"Votre message a été remis à <{recipient}>.\r\nYour message was delivered to <{recipient}>.\r\n",
            "Avis de remise : message remis / Delivery Status Notification (Success)");

    /// <summary>
    /// A failure DSN (RFC 3464 <c>Action: failed</c>) for a recipient accepted at RCPT whose delivery failed afterwards
    /// (RFC 5321 §6.1: the server that accepted the message must tell the sender).
    /// </summary>
    /// <param name="operatorDomain">The reporting MTA's name.</param>
    /// <param name="sender">The envelope sender the DSN goes to.</param>
    /// <param name="recipient">The recipient that could not be delivered to.</param>
    /// <param name="originalRecipient">The ORCPT value, or <c>null</c>.</param>
    /// <param name="envelopeId">The ENVID value, or <c>null</c>.</param>
    /// <param name="returnFull">True for RET=FULL, false for headers only.</param>
    /// <param name="status">The RFC 3463 status, e.g. <c>5.2.2</c>.</param>
    /// <param name="diagnostic">The remote reply, e.g. <c>552 5.2.2 Mailbox full</c>.</param>
    /// <param name="original">The message bytes.</param>
    /// <param name="at">When it arrived.</param>
    public static byte[] DeliveryFailure(string operatorDomain, string sender, string recipient, string? originalRecipient, string? envelopeId, bool returnFull, string status, string diagnostic, ReadOnlyMemory<byte> original, DateTimeOffset at) =>
        Dsn(
            operatorDomain,
            sender,
            new DsnRecipient(recipient, originalRecipient, "failed", status, diagnostic),
            envelopeId,
            returnFull,
            original,
            at,
            $"Votre message n'a pas pu être remis à <{recipient}> ({diagnostic}).\r\nYour message could not be delivered to <{recipient}> ({diagnostic}).\r\n",
            "Avis de non-remise : échec / Delivery Status Notification (Failure)");

    private static byte[] Dsn(string operatorDomain, string sender, DsnRecipient recipient, string? envelopeId, bool returnFull, ReadOnlyMemory<byte> original, DateTimeOffset at, string text, string subject)
    {
        var report = new MultipartReport("delivery-status");
        report.Add(new TextPart("plain") { Text = text });
        var fields = new StringBuilder();
        fields.Append("Reporting-MTA: dns; ").Append(operatorDomain).Append("\r\n");
        if (envelopeId is not null)
        {
            fields.Append("Original-Envelope-Id: ").Append(envelopeId).Append("\r\n");
        }

        fields.Append("Arrival-Date: ").Append(MimeKit.Utils.DateUtils.FormatDate(at)).Append("\r\n\r\n");
        if (recipient.OriginalRecipient is not null)
        {
            fields.Append("Original-Recipient: ").Append(recipient.OriginalRecipient).Append("\r\n");
        }

        fields.Append("Final-Recipient: rfc822; ").Append(recipient.Address).Append("\r\n")
            .Append("Action: ").Append(recipient.Action).Append("\r\nStatus: ").Append(recipient.Status).Append("\r\n");
        if (recipient.Diagnostic is not null)
        {
            fields.Append("Diagnostic-Code: smtp; ").Append(recipient.Diagnostic).Append("\r\n");
        }

        report.Add(new MimePart("message", "delivery-status") { Content = new MimeContent(new MemoryStream(Encoding.ASCII.GetBytes(fields.ToString()))) });
        report.Add(Original(original, returnFull ? null : "text/rfc822-headers"));
        var message = Envelope(operatorDomain, "postmaster@" + operatorDomain, sender, subject, at);
        message.Body = report;
        return Serialize(message);
    }

    /// <summary>
    /// The MSSanté integration-error mail a recipient's system sends when no MDN was asked for (domain.md §4.5): a plain
    /// RFC 5322 message, subject <c>[KO Intégration système !][&lt;code&gt;] &lt;original subject&gt;</c>, with an
    /// explanation and the original message attached.
    /// </summary>
    /// <remarks>
    /// Note: domain.md §4.5 is under-specified here, and its source disagrees with it: the ANS IG page it cites
    /// (struct-email-standard.md) shows the subject <c>[Erreur d’intégration !][902] XDM/1.0/DDM+…</c>, while
    /// <c>[KO Intégration système !]</c> is the subject of the MDN example (struct-msg-mdn.md). This follows domain.md's
    /// wording. Neither says whether the mail goes to the envelope sender or the From address (it goes to the envelope
    /// sender here, as MDNs and DSNs do), nor what to do when the original subject lacks <c>XDM/1.0/DDM+</c> (it is kept as
    /// it is), nor which headers tie it to the original: <c>In-Reply-To</c> and <c>References</c> are set (RFC 5322 §3.6.4).
    /// </remarks>
    public static byte[] IntegrationError(string operatorDomain, string recipient, string sender, int code, string label, ReadOnlyMemory<byte> original, DateTimeOffset at)
    {
        var loaded = MimeMessage.Load(new MemoryStream(original.ToArray(), writable: false));
        var subject = string.Create(CultureInfo.InvariantCulture, $"[KO Intégration système !][{code}] {loaded.Subject}").TrimEnd();
        var message = Envelope(operatorDomain, recipient, sender, subject, at);
        if (loaded.MessageId is { Length: > 0 } originalId)
        {
            message.InReplyTo = originalId;
            message.References.Add(originalId);
        }

        var body = new Multipart("mixed")
        {
            new TextPart("plain")
            {
                Text = string.Create(CultureInfo.InvariantCulture, $"Bonjour,\r\n\r\nLe document envoyé n'a pas pu être intégré dans le système de <{recipient}>.\r\n\r\n- Erreur détectée : {label}\r\n- Code d'erreur : {code}\r\n\r\nLe message d'origine est joint.\r\n"),
            },
            new MessagePart { Message = loaded, ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = "message_original.eml" } },
        };
        message.Body = body;
        return Serialize(message);
    }

    /// <summary>
    /// A read receipt from <paramref name="recipient"/> to the <c>Disposition-Notification-To</c> address:
    /// <c>processed</c>, or <c>processed/Error: &lt;code&gt;^&lt;label&gt;</c> with an MSSanté integration error code (900–906).
    /// </summary>
    public static byte[] ReadReceipt(string operatorDomain, string recipient, string notifyTo, string? originalMessageId, int? errorCode, string? errorLabel, ReadOnlyMemory<byte> original, DateTimeOffset at)
    {
        var disposition = errorCode is { } code
            ? string.Create(CultureInfo.InvariantCulture, $"automatic-action/MDN-sent-automatically; processed/Error: {code}^{errorLabel}")
            : "automatic-action/MDN-sent-automatically; processed";
        var report = new MultipartReport("disposition-notification");
        report.Add(new TextPart("plain") { Text = $"Le message a été traité par <{recipient}>.\r\nThe message was processed by <{recipient}>.\r\n" });
        var fields = new StringBuilder()
            .Append("Reporting-UA: ").Append(operatorDomain).Append("; DuiConformance MSSante simulator\r\n")
            .Append("Original-Recipient: rfc822; ").Append(recipient).Append("\r\n")
            .Append("Final-Recipient: rfc822; ").Append(recipient).Append("\r\n");
        if (originalMessageId is not null)
        {
            fields.Append("Original-Message-ID: <").Append(originalMessageId).Append(">\r\n");
        }

        fields.Append("Disposition: ").Append(disposition).Append("\r\n");
        report.Add(new MimePart("message", "disposition-notification") { Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(fields.ToString()))) });
        report.Add(Original(original, null));
        var message = Envelope(operatorDomain, recipient, notifyTo, "Accusé de lecture / Read receipt", at);
        message.Body = report;
        return Serialize(message);
    }

    private sealed record DsnRecipient(string Address, string? OriginalRecipient, string Action, string Status, string? Diagnostic);

    private static MimeEntity Original(ReadOnlyMemory<byte> original, string? headersOnly)
    {
        if (headersOnly is null)
        {
            return new MessagePart { Message = MimeMessage.Load(new MemoryStream(original.ToArray(), writable: false)) };
        }

        var bytes = original.ToArray();
        var end = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        var headers = end < 0 ? bytes : bytes[..(end + 4)];
        return new MimePart("text", "rfc822-headers") { Content = new MimeContent(new MemoryStream(headers)) };
    }

    private static MimeMessage Envelope(string operatorDomain, string from, string to, string subject, DateTimeOffset at)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Date = at;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(operatorDomain);
        message.Headers.Add("Auto-Submitted", "auto-replied");
        return message;
    }

    private static byte[] Serialize(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(Crlf, stream);
        return stream.ToArray();
    }

    private static FormatOptions CreateFormat()
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        return options;
    }
}
