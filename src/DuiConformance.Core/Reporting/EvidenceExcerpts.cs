using System.IO.Compression;
using System.Text;
using System.Text.Json;
using DuiConformance.Core.Evidence;

namespace DuiConformance.Core.Reporting;

/// <summary>
/// Short, readable excerpts of recorded evidence for report.html, so the evidence behind a finding is one click away:
/// the headers of a message, the start of a FHIR JSON body (long base64 values cut), the list of an IHE_XDM.ZIP and the
/// start of the CDA it holds (issue 5).
/// </summary>
/// <remarks>Reads are bounded (size, entries), because evidence is what the DUI sent: hostile input gets a short note, never a crash.</remarks>
public static class EvidenceExcerpts
{
    /// <summary>At most this many characters per excerpt.</summary>
    public const int MaxCharacters = 2400;

    private const int MaxZipEntries = 64;
    private const long MaxBytesRead = 256 * 1024;

    /// <summary>The excerpt of each item whose content can be shown as text, by evidence id.</summary>
    /// <param name="evidenceDirectory">The evidence folder (holding <c>objects/</c>).</param>
    /// <param name="items">The items to read.</param>
    public static IReadOnlyDictionary<string, string> Read(string evidenceDirectory, IEnumerable<EvidenceItem> items)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(evidenceDirectory);
        ArgumentNullException.ThrowIfNull(items);
        var excerpts = new Dictionary<string, string>(StringComparer.Ordinal);
        var root = Path.GetFullPath(evidenceDirectory);
        foreach (var item in items)
        {
            var path = Path.GetFullPath(Path.Combine(root, item.File));
            if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
            {
                continue;
            }

            try
            {
                var excerpt = Excerpt(path, item.MediaType);
                if (excerpt is not null)
                {
                    excerpts[item.Id] = excerpt;
                }
            }
            catch (Exception exception) when (exception is IOException or InvalidDataException or UnauthorizedAccessException or JsonException)
            {
                excerpts[item.Id] = $"(aperçu impossible : {exception.Message})";
            }
        }

        return excerpts;
    }

    private static string? Excerpt(string path, string mediaType)
    {
        if (mediaType == "message/rfc822")
        {
            // Note: the headers are what the MSSanté checks judge (X-MSS-*, Message-ID, Date, From).
            var text = ReadText(path);
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal) is var crlf and >= 0 ? crlf : text.IndexOf("\n\n", StringComparison.Ordinal);
            return Cut(end >= 0 ? text[..end] : text);
        }

        if (mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            using var document = JsonDocument.Parse(ReadText(path));
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                WriteShortened(writer, document.RootElement);
            }

            return Cut(Encoding.UTF8.GetString(buffer.ToArray()));
        }

        if (mediaType.StartsWith("text/", StringComparison.Ordinal) || mediaType.EndsWith("xml", StringComparison.Ordinal))
        {
            return Cut(ReadText(path));
        }

        if (mediaType is "application/zip" || path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            using var archive = ZipFile.OpenRead(path);
            var entries = archive.Entries.Take(MaxZipEntries).ToList();
            var listing = new StringBuilder();
            foreach (var entry in entries)
            {
                listing.Append(entry.FullName).Append("  (").Append(entry.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(" o)\n");
            }

            var cda = entries.FirstOrDefault(entry => entry.FullName.EndsWith(".XML", StringComparison.OrdinalIgnoreCase)
                && !entry.FullName.EndsWith("METADATA.XML", StringComparison.OrdinalIgnoreCase) && entry.Length < MaxBytesRead);
            if (cda is not null)
            {
                using var stream = cda.Open();
                using var reader = new StreamReader(stream, Encoding.UTF8);
                var buffer = new char[MaxCharacters];
                var read = reader.ReadBlock(buffer, 0, buffer.Length);
                listing.Append('\n').Append(cda.FullName).Append(" :\n").Append(buffer, 0, read);
            }

            return Cut(listing.ToString());
        }

        return null;
    }

    private static string ReadText(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[(int)Math.Min(stream.Length, MaxBytesRead)];
        stream.ReadExactly(buffer);
        return Encoding.UTF8.GetString(buffer);
    }

    // Note: attachment data (the whole CDA in base64) would fill the excerpt with noise; its hash and size are what count.
    private static void WriteShortened(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    WriteShortened(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var value in element.EnumerateArray())
                {
                    WriteShortened(writer, value);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String when element.GetString() is { Length: > 120 } text:
                writer.WriteStringValue(string.Concat(text.AsSpan(0, 60), "… (", text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), " car.)"));
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    private static string Cut(string text) => text.Length <= MaxCharacters ? text : text[..MaxCharacters] + "\n…";
}
