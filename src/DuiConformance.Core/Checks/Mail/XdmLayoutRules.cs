using System.Globalization;
using System.Xml.Linq;
using DuiConformance.Core.Documents;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Mail;

/// <summary>
/// IHE XDM package layout and integrity of IHE_XDM.ZIP attachments (IHE ITI TF-1 §16 / TF-3 §4.2.3, Volet « Echange
/// de documents de santé »; domain.md §4.3, §8.5 MSS-09).
/// </summary>
public static class XdmLayoutRules
{
    /// <summary>
    /// Every finding for the XDM attachments of one message, or <c>null</c> when it carries none (no IHE_XDM.ZIP, and no
    /// other zip that holds an IHE_XDM/ folder).
    /// </summary>
    public static IReadOnlyList<Finding>? Check(EvidenceItem item, MailMessage message)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(message);
        if (message.Message is null)
        {
            return [MailFindings.Unreadable.At(new FindingLocation(item.Id), message.Error ?? "Message MIME illisible.")];
        }

        var findings = new List<Finding>();
        var judged = false;
        foreach (var attachment in message.Attachments)
        {
            var named = string.Equals(attachment.FileName, MailMessageReader.XdmFileName, StringComparison.OrdinalIgnoreCase);
            var zipLike = named
                || attachment.FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)
                || attachment.MediaType.Contains("zip", StringComparison.OrdinalIgnoreCase);
            if (!zipLike)
            {
                continue;
            }

            var bytes = MailMessageReader.Decode(attachment, out var error);
            if (bytes is null)
            {
                if (named)
                {
                    findings.Add(XdmFindings.NotAZip.At(new FindingLocation(item.Id, attachment.Entry), error ?? "Pièce jointe illisible."));
                    judged = true;
                }

                continue;
            }

            var package = XdmPackageReader.Read(bytes.Value);
            if (!named)
            {
                // Note: only a zip that is an XDM package (it holds IHE_XDM/) must be named IHE_XDM.ZIP; other zips are not judged.
                if (package.Entries.Any(entry => entry.Segments[0].Equals(XdmPackage.RootFolder, StringComparison.OrdinalIgnoreCase)))
                {
                    findings.Add(XdmFindings.AttachmentName.At(
                        new FindingLocation(item.Id, attachment.Entry),
                        $"Archive XDM jointe sous le nom « {attachment.FileName} » : elle doit s'appeler IHE_XDM.ZIP."));
                    judged = true;
                }

                continue;
            }

            judged = true;
            findings.AddRange(Package(item, attachment.FileName, package));
        }

        return judged ? findings : null;
    }

    /// <summary>Every finding for one package read from attachment <paramref name="fileName"/>.</summary>
    public static IReadOnlyList<Finding> Package(EvidenceItem item, string fileName, XdmPackage package)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(package);
        FindingLocation At(string? entry, string? path = null, int? line = null, int? column = null) =>
            new(item.Id, entry is null ? fileName : $"{fileName}!{entry}", path, line, column);

        var findings = package.Problems.Select(problem => problem.Definition.At(At(problem.EntryPath), problem.Message)).ToList();
        if (!package.IsZip)
        {
            return findings;
        }

        if (package.Find("INDEX.HTM") is null)
        {
            findings.Add(XdmFindings.IndexMissing.At(At("INDEX.HTM"), "INDEX.HTM absent à la racine de l'archive."));
        }

        if (package.Find("README.TXT") is null)
        {
            findings.Add(XdmFindings.ReadmeMissing.At(At("README.TXT"), "README.TXT absent à la racine de l'archive."));
        }

        var metadata = package.Metadata;
        if (metadata.Count == 0)
        {
            findings.Add(XdmFindings.MetadataMissing.At(At("IHE_XDM/<sous-ensemble>/METADATA.XML"), "Aucun fichier IHE_XDM/<sous-ensemble>/METADATA.XML dans l'archive."));
        }

        foreach (var entry in metadata)
        {
            findings.AddRange(Metadata(package, entry, At));
        }

        return findings;
    }

    private static IEnumerable<Finding> Metadata(XdmPackage package, XdmEntry entry, Func<string?, string?, int?, int?, FindingLocation> at)
    {
        var document = SafeXml.TryLoad(entry.Content, out var error);
        if (document is null)
        {
            yield return XdmFindings.MetadataInvalid.At(at(entry.Path, null, error!.Line, error.Column), $"METADATA.XML illisible : {error.Message}");
            yield break;
        }

        var root = document.Root!;
        if (root.Name != XmlPaths.Lcm + "SubmitObjectsRequest" || root.Element(XmlPaths.Rim + "RegistryObjectList") is null)
        {
            var (line, column) = XmlPaths.LineOf(root);
            yield return XdmFindings.MetadataInvalid.At(
                at(entry.Path, XmlPaths.Of(root), line, column),
                $"METADATA.XML a pour racine {{{root.Name.NamespaceName}}}{root.Name.LocalName} : attendu lcm:SubmitObjectsRequest contenant rim:RegistryObjectList (ebRIM 3.0).");
            yield break;
        }

        var subset = entry.Path[..entry.Path.LastIndexOf('/')];
        foreach (var extrinsic in root.Descendants(XmlPaths.Rim + "ExtrinsicObject"))
        {
            foreach (var finding in ExtrinsicObject(package, entry.Path, subset, extrinsic, at))
            {
                yield return finding;
            }
        }
    }

    private static IEnumerable<Finding> ExtrinsicObject(XdmPackage package, string metadataPath, string subset, XElement extrinsic, Func<string?, string?, int?, int?, FindingLocation> at)
    {
        FindingLocation AtNode(XElement node)
        {
            var (line, column) = XmlPaths.LineOf(node);
            return at(metadataPath, XmlPaths.Of(node), line, column);
        }

        var id = extrinsic.Attribute("id")?.Value ?? "?";
        var uriSlot = Slot(extrinsic, "URI");
        var uri = SlotText(uriSlot);
        if (uriSlot is null || string.IsNullOrWhiteSpace(uri))
        {
            yield return XdmFindings.UriUnresolved.At(AtNode(uriSlot ?? extrinsic), $"ExtrinsicObject {id} sans slot URI : le document n'est pas localisable dans l'archive.");
            yield break;
        }

        // Note: URIs are relative to the subset folder in most implementations (NIST ETT), relative to IHE_XDM/ in the
        // ANS DRIM-M example (domain.md §4.3); both are accepted, ".." never is.
        var file = XdmPackageReader.UnsafePathReason(uri) is null
            ? package.Find($"{subset}/{uri}") ?? package.Find($"{XdmPackage.RootFolder}/{uri}")
            : null;
        if (file is null)
        {
            yield return XdmFindings.UriUnresolved.At(AtNode(uriSlot), $"URI « {uri} » de l'ExtrinsicObject {id} ne désigne aucun fichier de l'archive (ni {subset}/{uri}, ni {XdmPackage.RootFolder}/{uri}).");
            yield break;
        }

        var hashSlot = Slot(extrinsic, "hash");
        var hash = SlotText(hashSlot);
        if (string.IsNullOrWhiteSpace(hash))
        {
            yield return XdmFindings.IntegritySlotMissing.At(AtNode(hashSlot ?? extrinsic), $"Slot hash absent sur l'ExtrinsicObject {id} ({file.Path}).");
        }
        else if (!string.Equals(hash.Trim(), file.Sha1Hex, StringComparison.OrdinalIgnoreCase))
        {
            yield return XdmFindings.HashMismatch.At(AtNode(hashSlot!), $"Slot hash « {hash.Trim()} » différent du SHA-1 de {file.Path} (« {file.Sha1Hex} »).");
        }

        var sizeSlot = Slot(extrinsic, "size");
        var size = SlotText(sizeSlot);
        if (string.IsNullOrWhiteSpace(size))
        {
            yield return XdmFindings.IntegritySlotMissing.At(AtNode(sizeSlot ?? extrinsic), $"Slot size absent sur l'ExtrinsicObject {id} ({file.Path}).");
        }
        else if (!long.TryParse(size.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var declared) || declared != file.Length)
        {
            yield return XdmFindings.SizeMismatch.At(
                AtNode(sizeSlot!),
                string.Create(CultureInfo.InvariantCulture, $"Slot size « {size.Trim()} » différent de la taille de {file.Path} ({file.Length} octets)."));
        }
    }

    private static XElement? Slot(XElement extrinsic, string name) =>
        extrinsic.Elements(XmlPaths.Rim + "Slot").FirstOrDefault(slot => string.Equals(slot.Attribute("name")?.Value, name, StringComparison.Ordinal));

    /// <summary>
    /// A slot's value. Long URIs may be split over several values "1|…", "2|…" (ITI TF-3 §4.2.3.2.24); they are joined.
    /// </summary>
    private static string? SlotText(XElement? slot)
    {
        var values = slot?.Element(XmlPaths.Rim + "ValueList")?.Elements(XmlPaths.Rim + "Value").Select(value => value.Value).ToList();
        if (values is null || values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1 && values.All(value => value.Contains('|', StringComparison.Ordinal)))
        {
            return string.Concat(values
                .Select(value => (Order: int.TryParse(value[..value.IndexOf('|', StringComparison.Ordinal)], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue, Text: value[(value.IndexOf('|', StringComparison.Ordinal) + 1)..]))
                .OrderBy(part => part.Order)
                .Select(part => part.Text));
        }

        return values[0].Trim();
    }
}
