using System.Text;
using MimeKit;

namespace DuiConformance.Core.Documents;

/// <summary>
/// Reads <c>smtp-message</c> bytes: the raw header block first (wire facts: duplicates, line numbers), then MimeKit in
/// its lenient mode (MimeKit tolerates by design, so conformance rules are checked on the raw headers, STYLE.md rule 9).
/// Never throws on hostile input.
/// </summary>
public static class MailMessageReader
{
    /// <summary>Largest decoded attachment accepted (the XDM reader has its own limits after that).</summary>
    public const long MaxAttachmentBytes = 64L * 1024 * 1024;

    /// <summary>Largest header block scanned, in bytes.</summary>
    public const int MaxHeaderBytes = 1024 * 1024;

    /// <summary>Name of the XDM attachment on MSSanté messages (domain.md §4.3).</summary>
    public const string XdmFileName = "IHE_XDM.ZIP";

    /// <summary>Reads a message.</summary>
    public static MailMessage Read(ReadOnlyMemory<byte> content)
    {
        var headers = ReadHeaders(content.Span);
        try
        {
            using var stream = new ReadOnlyMemoryStream(content);
            var message = MimeMessage.Load(ParserOptions.Default, stream, CancellationToken.None);
            return new MailMessage(headers, message, null);
        }
        catch (Exception exception) when (exception is FormatException or ParseException or IOException or ArgumentException or InvalidOperationException)
        {
            return new MailMessage(headers, null, $"Message MIME illisible : {exception.Message}");
        }
    }

    /// <summary>
    /// Decodes an attachment's content (base64, quoted-printable…), refusing anything whose encoded form is larger
    /// than <see cref="MaxAttachmentBytes"/> (decoding never makes it larger).
    /// </summary>
    /// <returns>The bytes, or <c>null</c> with <paramref name="error"/> set.</returns>
    public static ReadOnlyMemory<byte>? Decode(MailAttachment attachment, out string? error)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        error = null;
        try
        {
            if (attachment.Part.Content is null)
            {
                error = "Pièce jointe sans contenu.";
                return null;
            }

            if (attachment.Part.Content.Stream is { CanSeek: true } encoded && encoded.Length > MaxAttachmentBytes)
            {
                error = $"Pièce jointe trop volumineuse (plus de {MaxAttachmentBytes} octets).";
                return null;
            }

            using var output = new MemoryStream();
            attachment.Part.Content.DecodeTo(output, CancellationToken.None);
            return output.ToArray();
        }
        catch (Exception exception) when (exception is FormatException or IOException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            error = $"Contenu de pièce jointe illisible : {exception.Message}";
            return null;
        }
    }

    /// <summary>The top-level header fields, unfolded, with their lines; stops at the first empty line.</summary>
    public static IReadOnlyList<RawHeader> ReadHeaders(ReadOnlySpan<byte> content)
    {
        var headers = new List<RawHeader>();
        var limit = Math.Min(content.Length, MaxHeaderBytes);
        string? name = null;
        var value = new StringBuilder();
        var nameLine = 0;
        var line = 0;
        var position = 0;
        void Flush()
        {
            if (name is not null)
            {
                headers.Add(new RawHeader(name, value.ToString().Trim(), nameLine));
            }

            name = null;
            value.Clear();
        }

        while (position < limit)
        {
            var end = content[position..limit].IndexOf((byte)'\n');
            var next = end < 0 ? limit : position + end + 1;
            var raw = content[position..(end < 0 ? limit : position + end)];
            if (raw.Length > 0 && raw[^1] == (byte)'\r')
            {
                raw = raw[..^1];
            }

            line++;
            position = next;
            if (raw.Length == 0)
            {
                break;
            }

            var text = Encoding.UTF8.GetString(raw);
            if (text[0] is ' ' or '\t')
            {
                // Note: RFC 5322 §2.2.3 unfolding: a continuation line belongs to the previous field.
                value.Append(text);
                continue;
            }

            Flush();
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                // Not a header field (garbage line): keep scanning, it simply has no name.
                continue;
            }

            name = text[..colon].TrimEnd();
            nameLine = line;
            value.Append(text.AsSpan(colon + 1));
        }

        Flush();
        return headers;
    }
}
