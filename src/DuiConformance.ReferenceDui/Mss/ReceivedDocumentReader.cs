using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using MimeKit;

namespace DuiConformance.ReferenceDui.Mss;

/// <summary>
/// Finds the CDA document of a received MSSanté message inside its IHE_XDM.ZIP (domain.md §4.3): the first XML file
/// under <c>IHE_XDM/</c> whose root is <c>ClinicalDocument</c>, with the INS of its recordTarget. Hostile archives are
/// bounded (entry count, entry size) and never extracted to disk.
/// </summary>
internal static class ReceivedDocumentReader
{
    private const int MaxEntries = 200;
    private const long MaxEntryBytes = 10 * 1024 * 1024;
    private static readonly XNamespace V3 = "urn:hl7-org:v3";
    private static readonly string[] InsOids = ["1.2.250.1.213.1.4.8", "1.2.250.1.213.1.4.9", "1.2.250.1.213.1.4.10", "1.2.250.1.213.1.4.11"];

    /// <summary>A CDA found in a message: its bytes, its title and the INS (matricule) of its patient, if any.</summary>
    public sealed record Found(byte[] Bytes, string Title, string? Ins);

    /// <summary>The CDA of <paramref name="message"/>, or <c>null</c> when it carries none that can be read.</summary>
    public static Found? Read(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (var part in message.BodyParts.OfType<MimePart>())
        {
            if (!string.Equals(part.FileName, XdmPackageBuilder.FileName, StringComparison.OrdinalIgnoreCase) || part.Content is null)
            {
                continue;
            }

            using var zipBytes = new MemoryStream();
            part.Content.DecodeTo(zipBytes);
            zipBytes.Position = 0;
            try
            {
                using var zip = new ZipArchive(zipBytes, ZipArchiveMode.Read);
                foreach (var entry in zip.Entries.Take(MaxEntries))
                {
                    if (!entry.FullName.StartsWith("IHE_XDM/", StringComparison.OrdinalIgnoreCase)
                        || !entry.FullName.EndsWith(".XML", StringComparison.OrdinalIgnoreCase)
                        || entry.FullName.EndsWith("/METADATA.XML", StringComparison.OrdinalIgnoreCase)
                        || entry.Length > MaxEntryBytes)
                    {
                        continue;
                    }

                    if (ReadCda(entry) is { } found)
                    {
                        return found;
                    }
                }
            }
            catch (InvalidDataException)
            {
                // Note: a damaged archive is not a CDA; the message is still filed by its sender's address if possible.
            }
        }

        return null;
    }

    private static Found? ReadCda(ZipArchiveEntry entry)
    {
        using var buffer = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(buffer);
        }

        var bytes = buffer.ToArray();
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }

        var root = document.Root;
        if (root is null || root.Name != V3 + "ClinicalDocument")
        {
            return null;
        }

        var ins = root.Element(V3 + "recordTarget")?.Element(V3 + "patientRole")?.Elements(V3 + "id")
            .FirstOrDefault(id => InsOids.Contains((string?)id.Attribute("root"), StringComparer.Ordinal))?.Attribute("extension")?.Value;
        var title = root.Element(V3 + "title")?.Value.Trim();
        return new Found(bytes, string.IsNullOrEmpty(title) ? entry.Name : title, ins);
    }
}
