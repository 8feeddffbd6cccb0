using System.Globalization;
using System.Text;
using MimeKit;
using MimeKit.Utils;

namespace DuiConformance.Simulators.Imap.Commands;

/// <summary>ENVELOPE and BODYSTRUCTURE / BODY of a message (RFC 3501 §7.4.2), built from MimeKit's parse of the stored bytes.</summary>
internal static class ImapBodyStructure
{
    private static readonly FormatOptions Crlf = CreateFormat();

    /// <summary>The ENVELOPE: date, subject, from, sender, reply-to, to, cc, bcc, in-reply-to, message-id.</summary>
    public static string Envelope(MimeMessage message)
    {
        var headers = message.Headers;
        var from = Addresses(headers, HeaderId.From);
        var text = new StringBuilder("(");
        text.Append(ImapString.NString(Raw(headers, HeaderId.Date))).Append(' ')
            .Append(ImapString.NString(Raw(headers, HeaderId.Subject))).Append(' ')
            .Append(from).Append(' ')
            .Append(headers.Contains(HeaderId.Sender) ? Addresses(headers, HeaderId.Sender) : from).Append(' ')
            .Append(headers.Contains(HeaderId.ReplyTo) ? Addresses(headers, HeaderId.ReplyTo) : from).Append(' ')
            .Append(Addresses(headers, HeaderId.To)).Append(' ')
            .Append(Addresses(headers, HeaderId.Cc)).Append(' ')
            .Append(Addresses(headers, HeaderId.Bcc)).Append(' ')
            .Append(ImapString.NString(Raw(headers, HeaderId.InReplyTo))).Append(' ')
            .Append(ImapString.NString(Raw(headers, HeaderId.MessageId))).Append(')');
        return text.ToString();
    }

    /// <summary>BODYSTRUCTURE (<paramref name="extensible"/>) or BODY of an entity.</summary>
    public static string Of(MimeEntity entity, bool extensible)
    {
        var text = new StringBuilder("(");
        if (entity is Multipart multipart)
        {
            if (multipart.Count == 0)
            {
                // Note: RFC 3501 needs at least one part; an empty multipart is shown as an empty text/plain part, as dovecot does.
                text.Append("\"text\" \"plain\" NIL NIL NIL \"7bit\" 0 0");
            }

            foreach (var child in multipart)
            {
                text.Append(Of(child, extensible));
            }

            text.Append(' ').Append(ImapString.NString(entity.ContentType.MediaSubtype));
            if (extensible)
            {
                text.Append(' ').Append(Parameters(entity.ContentType.Parameters)).Append(' ').Append(Disposition(entity)).Append(" NIL NIL");
            }

            return text.Append(')').ToString();
        }

        var content = ContentOctets(entity);
        var type = entity.ContentType;
        text.Append(ImapString.NString(type.MediaType)).Append(' ').Append(ImapString.NString(type.MediaSubtype)).Append(' ')
            .Append(Parameters(type.Parameters)).Append(' ')
            .Append(ImapString.NString(Raw(entity.Headers, HeaderId.ContentId))).Append(' ')
            .Append(ImapString.NString(Raw(entity.Headers, HeaderId.ContentDescription))).Append(' ')
            .Append(ImapString.NString(Raw(entity.Headers, HeaderId.ContentTransferEncoding) ?? "7BIT")).Append(' ')
            .Append(content.Length.ToString(CultureInfo.InvariantCulture));
        if (entity is MessagePart { Message: { } inner })
        {
            text.Append(' ').Append(Envelope(inner)).Append(' ').Append(Of(inner.Body ?? new TextPart("plain"), extensible)).Append(' ').Append(Lines(content));
        }
        else if (type.IsMimeType("text", "*"))
        {
            text.Append(' ').Append(Lines(content));
        }

        if (extensible)
        {
            text.Append(' ').Append(ImapString.NString(Raw(entity.Headers, HeaderId.ContentMd5))).Append(' ').Append(Disposition(entity)).Append(" NIL NIL");
        }

        return text.Append(')').ToString();
    }

    /// <summary>The content of an entity as it is in the message: encoded, without its headers.</summary>
    public static byte[] ContentOctets(MimeEntity entity)
    {
        using var stream = new MemoryStream();
        switch (entity)
        {
            case MimePart { Content: { } content }:
                content.WriteTo(stream);
                break;
            case MimePart:
                break;
            case MessagePart { Message: { } message }:
                message.WriteTo(Crlf, stream);
                break;
            default:
                entity.WriteTo(Crlf, stream, contentOnly: true);
                break;
        }

        return stream.ToArray();
    }

    /// <summary>
    /// The MIME headers of an entity as they were in the message (raw field names and values, folding kept), followed
    /// by the blank line: the <c>MIME</c> section.
    /// </summary>
    public static byte[] HeaderOctets(HeaderList headers)
    {
        using var stream = new MemoryStream();
        foreach (var header in headers)
        {
            stream.Write(header.RawField);
            stream.WriteByte((byte)':');
            stream.Write(header.RawValue);
        }

        stream.Write("\r\n"u8);
        return stream.ToArray();
    }

    /// <summary>A header's raw value, unfolded and trimmed, or <c>null</c> when absent.</summary>
    public static string? Raw(HeaderList headers, HeaderId id)
    {
        var index = headers.IndexOf(id);
        if (index < 0)
        {
            return null;
        }

        var raw = Encoding.UTF8.GetString(headers[index].RawValue);
        return raw.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal).Trim();
    }

    private static string Lines(byte[] content)
    {
        var lines = content.Count(octet => octet == (byte)'\n');
        if (content.Length > 0 && content[^1] != (byte)'\n')
        {
            lines++;
        }

        return lines.ToString(CultureInfo.InvariantCulture);
    }

    private static string Parameters(ParameterList parameters)
    {
        if (parameters.Count == 0)
        {
            return "NIL";
        }

        return "(" + string.Join(' ', parameters.Select(parameter => ImapString.NString(parameter.Name) + " " + ImapString.NString(parameter.Value))) + ")";
    }

    private static string Disposition(MimeEntity entity)
    {
        if (entity.ContentDisposition is not { } disposition)
        {
            return "NIL";
        }

        return "(" + ImapString.NString(disposition.Disposition) + " " + Parameters(disposition.Parameters) + ")";
    }

    private static string Addresses(HeaderList headers, HeaderId id)
    {
        var index = headers.IndexOf(id);
        if (index < 0 || !InternetAddressList.TryParse(headers[index].Value, out var list) || list.Count == 0)
        {
            return "NIL";
        }

        var text = new StringBuilder("(");
        foreach (var address in list)
        {
            Append(text, address);
        }

        return text.Append(')').ToString();
    }

    private static void Append(StringBuilder text, InternetAddress address)
    {
        switch (address)
        {
            case MailboxAddress mailbox:
                text.Append('(').Append(ImapString.NString(Phrase(mailbox.Name))).Append(" NIL ")
                    .Append(ImapString.NString(mailbox.LocalPart)).Append(' ')
                    .Append(ImapString.NString(mailbox.Domain.Length == 0 ? null : mailbox.Domain)).Append(')');
                break;
            case GroupAddress group:
                text.Append("(NIL NIL ").Append(ImapString.NString(group.Name)).Append(" NIL)");
                foreach (var member in group.Members)
                {
                    Append(text, member);
                }

                text.Append("(NIL NIL NIL NIL)");
                break;
            default:
                break;
        }
    }

    /// <summary>A display name as it would be in the header: RFC 2047-encoded when it is not ASCII.</summary>
    private static string? Phrase(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        return name.All(char.IsAscii) ? name : Encoding.ASCII.GetString(Rfc2047.EncodePhrase(Encoding.UTF8, name));
    }

    private static FormatOptions CreateFormat()
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        return options;
    }
}
