using MailKit;
using MailKit.Net.Smtp;
using MimeKit;

namespace DuiConformance.ReferenceDui.Mss;

/// <summary>
/// The MailKit SMTP client asking for delivery receipts (RFC 3461): <c>NOTIFY=SUCCESS,FAILURE</c> on every RCPT and the
/// message's Message-ID as <c>ENVID</c> on MAIL FROM, so a returned DSN is matched to the send by its
/// <c>Original-Envelope-Id</c> (domain.md §4.5, §8.5 MSS-13, <c>MSS/va1.15</c>). MailKit sends them only when the server
/// announces DSN.
/// </summary>
internal sealed class MssSmtpClient : SmtpClient
{
    private readonly bool _requestDeliveryReceipts;

    public MssSmtpClient(bool requestDeliveryReceipts)
    {
        _requestDeliveryReceipts = requestDeliveryReceipts;
    }

    /// <inheritdoc />
    protected override string? GetEnvelopeId(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return _requestDeliveryReceipts ? message.MessageId : null;
    }

    /// <inheritdoc />
    protected override DeliveryStatusNotification? GetDeliveryStatusNotifications(MimeMessage message, MailboxAddress mailbox) =>
        _requestDeliveryReceipts ? DeliveryStatusNotification.Success | DeliveryStatusNotification.Failure : null;
}
