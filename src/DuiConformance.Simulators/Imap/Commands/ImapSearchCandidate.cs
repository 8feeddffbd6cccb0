using System.Text;
using DuiConformance.Simulators.Mail;
using MimeKit;

namespace DuiConformance.Simulators.Imap.Commands;

/// <summary>One message being searched, parsed only when a key needs its content.</summary>
internal sealed class ImapSearchCandidate(StoredMessage message, int sequence, int viewCount, uint largestUid, bool recent)
{
    public bool Recent => recent;

    private MimeMessage? _parsed;

    public StoredMessage Message => message;

    public int Sequence => sequence;

    public int ViewCount => viewCount;

    public uint LargestUid => largestUid;

    public MimeMessage Parsed
    {
        get
        {
            if (_parsed is null)
            {
                using var stream = new MemoryStream(message.Read(), writable: false);
                _parsed = MimeMessage.Load(stream);
            }

            return _parsed;
        }
    }

    public string? HeaderValue(string name) => Parsed.Headers[name];

    public string HeaderText()
    {
        var text = new StringBuilder();
        foreach (var header in Parsed.Headers)
        {
            text.Append(header.Field).Append(": ").Append(header.Value).Append('\n');
        }

        return text.ToString();
    }

    public string BodyText()
    {
        var text = new StringBuilder();
        foreach (var part in Parsed.BodyParts.OfType<TextPart>())
        {
            text.Append(part.Text).Append('\n');
        }

        return text.ToString();
    }

    public DateTime? SentDate() => Parsed.Headers.Contains(HeaderId.Date) ? Parsed.Date.UtcDateTime.Date : null;
}
