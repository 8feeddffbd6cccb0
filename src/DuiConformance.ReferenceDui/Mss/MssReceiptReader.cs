using System.Globalization;
using System.Text;
using DuiConformance.ReferenceDui.Storage;
using MimeKit;

namespace DuiConformance.ReferenceDui.Mss;

/// <summary>
/// Reads receipts: an MDN (<c>multipart/report; report-type=disposition-notification</c>, RFC 8098 §3) gives the
/// Original-Message-ID and the disposition, possibly <c>processed/Error: &lt;code&gt;^&lt;label&gt;</c> with an MSSanté
/// integration error 900–906 (domain.md §4.5); a DSN (<c>report-type=delivery-status</c>, RFC 3464) gives the
/// Original-Envelope-Id (the Message-ID the DUI sent as ENVID) and one action per recipient.
/// </summary>
internal static class MssReceiptReader
{
    /// <summary>Kind of a read receipt.</summary>
    public const string ReadKind = "lecture";

    /// <summary>Kind of a delivery receipt.</summary>
    public const string DeliveryKind = "remise";

    /// <summary>The receipts <paramref name="report"/> carries (none when it is neither an MDN nor a DSN).</summary>
    public static IReadOnlyList<MssReceipt> Read(MultipartReport report, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(report);
        var result = new List<MssReceipt>();
        foreach (var part in report)
        {
            if (part is MessageDispositionNotification mdn)
            {
                var messageId = Unbracket(mdn.Fields["Original-Message-ID"]);
                var recipient = Address(mdn.Fields["Final-Recipient"]);
                if (messageId.Length > 0)
                {
                    result.Add(new MssReceipt(messageId, recipient, ReadKind, DispositionText(mdn.Fields["Disposition"] ?? string.Empty), at));
                }
            }
            else if (part is MessageDeliveryStatus dsn && dsn.StatusGroups.Count > 0)
            {
                var envelopeId = XtextDecode(dsn.StatusGroups[0]["Original-Envelope-Id"] ?? string.Empty);
                if (envelopeId.Length == 0)
                {
                    continue;
                }

                foreach (var group in dsn.StatusGroups.Skip(1))
                {
                    var action = (group["Action"] ?? string.Empty).Trim().ToLowerInvariant();
                    var status = action switch
                    {
                        "delivered" => "remis",
                        "relayed" or "expanded" => "transmis",
                        "delayed" => "retardé",
                        _ => "échec de remise (" + (group["Status"] ?? "?").Trim() + ")",
                    };
                    result.Add(new MssReceipt(Unbracket(envelopeId), Address(group["Final-Recipient"]), DeliveryKind, status, at));
                }
            }
        }

        return result;
    }

    /// <summary>The disposition in French: "traité", "lu", or the MSSanté integration error with its code.</summary>
    public static string DispositionText(string disposition)
    {
        ArgumentNullException.ThrowIfNull(disposition);
        var type = disposition.Split(';', 2) is [_, var rest] ? rest.Trim() : disposition.Trim();
        var error = type.IndexOf("/error:", StringComparison.OrdinalIgnoreCase);
        if (error >= 0)
        {
            var detail = type[(error + 7)..].Trim();
            var parts = detail.Split('^', 2);
            return parts.Length == 2 ? $"erreur {parts[0].Trim()} ({parts[1].Trim()})" : "erreur " + detail;
        }

        return type.ToLowerInvariant() switch
        {
            var t when t.StartsWith("processed", StringComparison.Ordinal) => "traité",
            var t when t.StartsWith("displayed", StringComparison.Ordinal) => "lu",
            var t when t.StartsWith("deleted", StringComparison.Ordinal) => "supprimé sans lecture",
            _ => type,
        };
    }

    private static string Address(string? field)
    {
        var value = (field ?? string.Empty).Trim();
        var semicolon = value.IndexOf(';', StringComparison.Ordinal);
        return (semicolon >= 0 ? value[(semicolon + 1)..] : value).Trim().Trim('<', '>');
    }

    private static string Unbracket(string? value) => (value ?? string.Empty).Trim().Trim('<', '>');

    /// <summary>Decodes RFC 3461 §4 xtext (<c>+XX</c> hex escapes).</summary>
    private static string XtextDecode(string value)
    {
        var text = new StringBuilder(value.Length);
        for (var index = 0; index < value.Length; index++)
        {
            if (value[index] == '+' && index + 2 < value.Length
                && int.TryParse(value.AsSpan(index + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                text.Append((char)code);
                index += 2;
            }
            else
            {
                text.Append(value[index]);
            }
        }

        return text.ToString().Trim();
    }
}
