using DuiConformance.Core.Documents;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;
using MimeKit;

namespace DuiConformance.Core.Checks.Mail;

/// <summary>
/// Read and delivery receipt requests (domain.md §4.5, §8.5 MSS-12 and MSS-13): <c>Disposition-Notification-To</c>
/// (RFC 8098) and the ESMTP DSN parameters <c>NOTIFY</c> and <c>ENVID</c> (RFC 3461) as the simulated operator recorded
/// them. These rules judge messages of scenarios in which the user asked for the receipts.
/// </summary>
public static class MssReceiptRules
{
    /// <summary>The RFC 8098 header asking for a read receipt.</summary>
    public const string DispositionNotificationTo = "Disposition-Notification-To";

    /// <summary>MSS-12: exactly one Disposition-Notification-To holding one address, the envelope sender's.</summary>
    public static IReadOnlyList<Finding> ReadReceiptRequested(EvidenceItem item, MailMessage message)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(message);
        var headers = message.All(DispositionNotificationTo);
        if (headers.Count == 0)
        {
            return [MailFindings.ReadReceiptNotRequested.At(MailCheckRunner.At(item, DispositionNotificationTo),
                $"En-tête {DispositionNotificationTo} absent : l'accusé de lecture demandé n'est pas réclamé au destinataire (RFC 8098 §2.1).")];
        }

        if (headers.Count > 1)
        {
            return [MailFindings.ReadReceiptAddressInvalid.At(MailCheckRunner.At(item, DispositionNotificationTo, headers[1]),
                $"En-tête {DispositionNotificationTo} répété ({headers.Count} fois) : un seul est permis (RFC 8098 §2.1).")];
        }

        var header = headers[0];
        if (!InternetAddressList.TryParse(header.Value, out var list) || list.Mailboxes.Count() != 1)
        {
            return [MailFindings.ReadReceiptAddressInvalid.At(MailCheckRunner.At(item, DispositionNotificationTo, header),
                $"{DispositionNotificationTo} vaut « {header.Value} » : une seule adresse valide est attendue.")];
        }

        var address = list.Mailboxes.Single().Address;
        var sender = item.Property(SmtpProperties.MailFrom);
        if (!string.IsNullOrEmpty(sender) && !string.Equals(address, sender, StringComparison.OrdinalIgnoreCase))
        {
            // Note: RFC 8098 §2.1 and domain.md §4.5 — an MDN is not sent automatically when the address differs from
            // the Return-Path, so the receipt would never come back.
            return [MailFindings.ReadReceiptAddressInvalid.At(MailCheckRunner.At(item, DispositionNotificationTo, header),
                $"{DispositionNotificationTo} <{address}> diffère de l'expéditeur d'enveloppe <{sender}> : le destinataire n'enverra pas d'accusé automatique (RFC 8098 §2.1).")];
        }

        return [];
    }

    /// <summary>MSS-13: every RCPT carries NOTIFY with SUCCESS and FAILURE, and MAIL FROM carries an ENVID to correlate the DSN.</summary>
    public static IReadOnlyList<Finding> DeliveryReceiptRequested(EvidenceItem item, MailMessage message)
    {
        ArgumentNullException.ThrowIfNull(item);
        var findings = new List<Finding>();
        var recipients = (item.Property(SmtpProperties.RcptTo) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
        var notify = item.Property(SmtpProperties.DsnNotify)?.Split(';') ?? [];
        for (var index = 0; index < recipients.Length; index++)
        {
            var value = index < notify.Length ? notify[index] : string.Empty;
            var keywords = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (!keywords.Contains("SUCCESS", StringComparer.OrdinalIgnoreCase) || !keywords.Contains("FAILURE", StringComparer.OrdinalIgnoreCase))
            {
                findings.Add(MailFindings.DeliveryNotifyMissing.At(new FindingLocation(item.Id, "RCPT TO:<" + recipients[index] + ">"),
                    value.Length == 0
                        ? $"RCPT TO:<{recipients[index]}> sans paramètre NOTIFY : l'accusé de remise n'est pas demandé (RFC 3461 §4.1, NOTIFY=SUCCESS,FAILURE attendu)."
                        : $"RCPT TO:<{recipients[index]}> avec NOTIFY={value} : NOTIFY=SUCCESS,FAILURE attendu (RFC 3461 §4.1)."));
            }
        }

        if (string.IsNullOrEmpty(item.Property(SmtpProperties.DsnEnvelopeId)))
        {
            findings.Add(MailFindings.DeliveryEnvelopeIdMissing.At(new FindingLocation(item.Id, "MAIL FROM"),
                "MAIL FROM sans paramètre ENVID : l'avis de remise (DSN) renvoyé ne peut pas être rattaché au message envoyé (RFC 3461 §4.4)."));
        }

        return findings;
    }
}
