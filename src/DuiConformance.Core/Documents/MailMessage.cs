using MimeKit;

namespace DuiConformance.Core.Documents;

/// <summary>
/// An <c>smtp-message</c> evidence item read for the checks: the raw top-level headers (for exact counts and line
/// numbers, which MimeKit normalises away) and the MimeKit parse (for structure and attachments).
/// </summary>
/// <param name="Headers">Top-level header fields in wire order.</param>
/// <param name="Message">The MimeKit parse, or <c>null</c> when it failed.</param>
/// <param name="Error">Why the MIME parse failed (French), when it did.</param>
public sealed record MailMessage(IReadOnlyList<RawHeader> Headers, MimeMessage? Message, string? Error)
{
    /// <summary>The header fields of one name (case-insensitive, RFC 5322 §1.2.2).</summary>
    public IReadOnlyList<RawHeader> All(string name) => [.. Headers.Where(header => string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase))];

    /// <summary>The first header field of one name, or <c>null</c>.</summary>
    public RawHeader? First(string name) => Headers.FirstOrDefault(header => string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Attachments: leaf parts with a file name, in message order.</summary>
    public IReadOnlyList<MailAttachment> Attachments
    {
        get
        {
            if (Message is null)
            {
                return [];
            }

            var result = new List<MailAttachment>();
            var index = 0;
            foreach (var part in Message.BodyParts.OfType<MimePart>())
            {
                if (!string.IsNullOrEmpty(part.FileName))
                {
                    result.Add(new MailAttachment(part.FileName, part.ContentType.MimeType, part, index));
                }

                index++;
            }

            return result;
        }
    }

    /// <summary>Attachments named <paramref name="fileName"/>, ignoring case (IHE_XDM.ZIP, ihe_xdm.zip…).</summary>
    public IReadOnlyList<MailAttachment> AttachmentsNamed(string fileName) =>
        [.. Attachments.Where(attachment => string.Equals(attachment.FileName, fileName, StringComparison.OrdinalIgnoreCase))];
}
