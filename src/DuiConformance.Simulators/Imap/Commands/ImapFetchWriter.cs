using System.Globalization;
using System.Text;
using DuiConformance.Simulators.Mail;
using MimeKit;

namespace DuiConformance.Simulators.Imap.Commands;

/// <summary>Writes one <c>* n FETCH (…)</c> response (RFC 3501 §7.4.2), bodies as literals of their exact octets.</summary>
internal static class ImapFetchWriter
{
    private static readonly ParserOptions Lenient = ParserOptions.Default.Clone();

    /// <summary>The flags of a message as an IMAP list body, <c>\Recent</c> included when set.</summary>
    public static string FlagList(StoredMessage message, bool recent)
    {
        var flags = message.Flags;
        return recent ? string.Join(' ', flags.Prepend("\\Recent")) : string.Join(' ', flags);
    }

    /// <summary>The date-time of INTERNALDATE: <c>"24-Nov-2026 18:05:07 +0000"</c>.</summary>
    public static string InternalDate(DateTimeOffset date)
    {
        var offset = date.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var absolute = offset.Duration();
        return "\"" + date.ToString("dd-MMM-yyyy HH:mm:ss ", CultureInfo.InvariantCulture)
            + string.Create(CultureInfo.InvariantCulture, $"{sign}{absolute.Hours:00}{absolute.Minutes:00}") + "\"";
    }

    /// <summary>Builds the response for one message; <paramref name="flagsChanged"/> says whether a body fetch set <c>\Seen</c> first.</summary>
    public static async Task<byte[]> BuildAsync(int sequence, StoredMessage message, bool recent, IReadOnlyList<ImapFetchItem> items, bool includeUid, bool flagsChanged, CancellationToken cancellationToken)
    {
        byte[]? raw = null;
        MimeMessage? parsed = null;
        using var output = new MemoryStream();
        Write(output, string.Create(CultureInfo.InvariantCulture, $"* {sequence} FETCH ("));
        var first = true;
        var wroteUid = false;
        var wroteFlags = false;
        foreach (var item in items)
        {
            Separator();
            switch (item.Name)
            {
                case "FLAGS":
                    Write(output, "FLAGS (" + FlagList(message, recent) + ")");
                    wroteFlags = true;
                    break;
                case "UID":
                    Write(output, "UID " + message.Uid.ToString(CultureInfo.InvariantCulture));
                    wroteUid = true;
                    break;
                case "INTERNALDATE":
                    Write(output, "INTERNALDATE " + InternalDate(message.InternalDate));
                    break;
                case "RFC822.SIZE":
                    Write(output, "RFC822.SIZE " + message.Size.ToString(CultureInfo.InvariantCulture));
                    break;
                case "ENVELOPE":
                    if (!message.Derived.TryGetValue("ENVELOPE", out var envelope))
                    {
                        envelope = ImapBodyStructure.Envelope(await ParseAsync().ConfigureAwait(false));
                        message.Derived["ENVELOPE"] = envelope;
                    }

                    Write(output, "ENVELOPE " + envelope);
                    break;
                case "BODYSTRUCTURE":
                case "BODY":
                    if (!message.Derived.TryGetValue(item.Name, out var structure))
                    {
                        var parsedMessage = await ParseAsync().ConfigureAwait(false);
                        structure = ImapBodyStructure.Of(parsedMessage.Body ?? new TextPart("plain"), item.Name == "BODYSTRUCTURE");
                        message.Derived[item.Name] = structure;
                    }

                    Write(output, item.Name + " " + structure);
                    break;
                case "RFC822":
                    WriteLiteral(output, "RFC822", await ReadAsync().ConfigureAwait(false));
                    break;
                case "RFC822.HEADER":
                    WriteLiteral(output, "RFC822.HEADER", ImapSection.Extract(await ReadAsync().ConfigureAwait(false), "HEADER", Parse));
                    break;
                case "RFC822.TEXT":
                    WriteLiteral(output, "RFC822.TEXT", ImapSection.Extract(await ReadAsync().ConfigureAwait(false), "TEXT", Parse));
                    break;
                case "BODY[]":
                    var octets = ImapSection.Extract(await ReadAsync().ConfigureAwait(false), item.Section!, Parse);
                    if (item.PartialStart is { } start)
                    {
                        var from = (int)Math.Min(start, octets.Length);
                        var length = (int)Math.Min(item.PartialLength!.Value, octets.Length - from);
                        octets = octets.AsSpan(from, length).ToArray();
                    }

                    WriteLiteral(output, item.ResponseName, octets);
                    break;
                default:
                    throw new InvalidOperationException($"Unknown FETCH item {item.Name}.");
            }
        }

        // Note: RFC 3501 §6.4.8 — UID FETCH always returns the UID; §6.4.5 — a body fetch that set \Seen returns FLAGS.
        if (includeUid && !wroteUid)
        {
            Separator();
            Write(output, "UID " + message.Uid.ToString(CultureInfo.InvariantCulture));
        }

        if (flagsChanged && !wroteFlags)
        {
            Separator();
            Write(output, "FLAGS (" + FlagList(message, recent) + ")");
        }

        Write(output, ")\r\n");
        return output.ToArray();

        void Separator()
        {
            if (!first)
            {
                output.WriteByte((byte)' ');
            }

            first = false;
        }

        async Task<byte[]> ReadAsync() => raw ??= await message.ReadAsync(cancellationToken).ConfigureAwait(false);

        async Task<MimeMessage> ParseAsync()
        {
            await ReadAsync().ConfigureAwait(false);
            return Parse();
        }

        MimeMessage Parse()
        {
            if (parsed is null)
            {
                using var stream = new MemoryStream(raw!, writable: false);
                parsed = MimeMessage.Load(Lenient, stream, persistent: false, cancellationToken);
            }

            return parsed;
        }
    }

    private static void Write(MemoryStream output, string text) => output.Write(Encoding.UTF8.GetBytes(text));

    private static void WriteLiteral(MemoryStream output, string name, byte[] octets)
    {
        Write(output, name + " {" + octets.Length.ToString(CultureInfo.InvariantCulture) + "}\r\n");
        output.Write(octets);
    }
}
