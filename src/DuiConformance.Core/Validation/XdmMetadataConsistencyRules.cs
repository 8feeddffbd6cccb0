using System.Globalization;
using System.Xml.Linq;
using DuiConformance.Core.Documents;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Validation;

/// <summary>
/// Whether each XDSDocumentEntry of an XDM package says the same as the CDA header it points to (IHE ITI TF-3 §4.2.3.2,
/// CI-SIS VIHF/XDS mapping; domain.md §3.3), for CI-SIS documents: uniqueId = id (root, or root^extension), patientId among patientRole/id, typeCode = code,
/// languageCode = languageCode, creationTime = effectiveTime in UTC.
/// </summary>
public static class XdmMetadataConsistencyRules
{
    private const string UniqueIdScheme = "urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab";
    private const string PatientIdScheme = "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427";
    private const string TypeCodeScheme = "urn:uuid:f0306f51-975f-434e-a61c-c59651d33983";
    private static readonly XNamespace Rim = XmlPaths.Rim;
    private static readonly XNamespace V3 = XmlPaths.Hl7;

    /// <summary>Every disagreement in <paramref name="package"/>, located in METADATA.XML (entry <paramref name="fileName"/>!path).</summary>
    public static IReadOnlyList<Finding> Check(string evidenceId, string fileName, XdmPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var findings = new List<Finding>();
        foreach (var metadata in package.Metadata)
        {
            var document = SafeXml.TryLoad(metadata.Content, out _);
            if (document is null)
            {
                // Note: an unreadable METADATA.XML is XDM-2008, reported by the layout rules.
                continue;
            }

            var subset = metadata.Path[..metadata.Path.LastIndexOf('/')];
            foreach (var entry in document.Descendants(Rim + "ExtrinsicObject"))
            {
                var uri = Slot(entry, "URI").FirstOrDefault();
                var file = uri is null ? null : package.Find($"{subset}/{uri}") ?? package.Find($"{XdmPackage.RootFolder}/{uri}");
                var cda = file is null ? null : SafeXml.TryLoad(file.Content, out _);
                if (cda?.Root is not { } root || root.Name != V3 + "ClinicalDocument" || !IsCiSis(root))
                {
                    // Note: the equalities come from the CI-SIS CDA→XDS mapping, so they bind French (CI-SIS) documents
                    // only; IHE itself leaves them to the affinity domain (the NIST ETT samples differ and are valid).
                    continue;
                }

                FindingLocation At(XElement node)
                {
                    var (line, column) = XmlPaths.LineOf(node);
                    return new FindingLocation(evidenceId, $"{fileName}!{metadata.Path}", XmlPaths.Of(node), line, column);
                }

                findings.AddRange(Compare(entry, root, file!.Path, At));
            }
        }

        return findings;
    }

    private static IEnumerable<Finding> Compare(XElement entry, XElement cda, string cdaPath, Func<XElement, FindingLocation> at)
    {
        var id = cda.Element(V3 + "id");
        var cdaId = id is null ? null : (string?)id.Attribute("extension") is { Length: > 0 } extension ? $"{(string?)id.Attribute("root")}^{extension}" : (string?)id.Attribute("root");
        var cdaRoot = (string?)id?.Attribute("root");
        if (External(entry, UniqueIdScheme) is { } uniqueId && cdaId is not null
            && !string.Equals((string?)uniqueId.Attribute("value"), cdaId, StringComparison.Ordinal)
            && !string.Equals((string?)uniqueId.Attribute("value"), cdaRoot, StringComparison.Ordinal))
        {
            yield return XdmFindings.MetadataInconsistent.At(at(uniqueId), $"uniqueId « {(string?)uniqueId.Attribute("value")} » différent de l'id du CDA {cdaPath} (« {cdaId} »).");
        }

        if (External(entry, PatientIdScheme) is { } patient && (string?)patient.Attribute("value") is { } patientValue)
        {
            var (number, authority) = ParseCx(patientValue);
            var ids = cda.Element(V3 + "recordTarget")?.Element(V3 + "patientRole")?.Elements(V3 + "id") ?? [];
            if (number is not null && !ids.Any(i => (string?)i.Attribute("extension") == number && (authority is null || (string?)i.Attribute("root") == authority)))
            {
                yield return XdmFindings.MetadataInconsistent.At(at(patient), $"patientId « {patientValue} » absent des identifiants patientRole/id du CDA {cdaPath}.");
            }
        }

        var code = (string?)cda.Element(V3 + "code")?.Attribute("code");
        if (Classification(entry, TypeCodeScheme) is { } typeCode && code is not null && !string.Equals((string?)typeCode.Attribute("nodeRepresentation"), code, StringComparison.Ordinal))
        {
            yield return XdmFindings.MetadataInconsistent.At(at(typeCode), $"typeCode « {(string?)typeCode.Attribute("nodeRepresentation")} » différent du code du CDA {cdaPath} (« {code} »).");
        }

        var language = (string?)cda.Element(V3 + "languageCode")?.Attribute("code");
        var languageSlot = SlotElement(entry, "languageCode");
        if (languageSlot is not null && language is not null && Slot(entry, "languageCode").FirstOrDefault() is { } declared
            && !string.Equals(declared, language, StringComparison.OrdinalIgnoreCase))
        {
            yield return XdmFindings.MetadataInconsistent.At(at(languageSlot), $"languageCode « {declared} » différent de celui du CDA {cdaPath} (« {language} »).");
        }

        var creationSlot = SlotElement(entry, "creationTime");
        var effective = (string?)cda.Element(V3 + "effectiveTime")?.Attribute("value");
        if (creationSlot is not null && effective is not null && Slot(entry, "creationTime").FirstOrDefault() is { } creation
            && !SameInstant(creation.Trim(), effective.Trim()))
        {
            yield return XdmFindings.MetadataInconsistent.At(at(creationSlot), $"creationTime « {creation} » différent de effectiveTime du CDA {cdaPath} (« {effective} », ramené en UTC).");
        }
    }

    /// <summary>
    /// XDS creationTime is UTC without offset (ITI TF-3 §4.2.3.1.7); the CDA effectiveTime carries the producer's offset.
    /// They agree when the CDA time, in UTC, starts with the XDS value (or when the CDA has no offset and the digits agree).
    /// </summary>
    internal static bool SameInstant(string xdsUtc, string cdaTime)
    {
        var sign = cdaTime.IndexOfAny(['+', '-']);
        if (sign < 0)
        {
            return cdaTime.StartsWith(xdsUtc, StringComparison.Ordinal) || xdsUtc.StartsWith(cdaTime, StringComparison.Ordinal);
        }

        var local = cdaTime[..sign];
        var offset = cdaTime[sign..];
        if (local.Length < 12 || offset.Length != 5
            || !DateTime.TryParseExact(local.PadRight(14, '0')[..14], "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            || !int.TryParse(offset.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(offset.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
        {
            return local.StartsWith(xdsUtc, StringComparison.Ordinal) || xdsUtc.StartsWith(local, StringComparison.Ordinal);
        }

        var shift = new TimeSpan(hours, minutes, 0) * (offset[0] == '-' ? -1 : 1);
        var utc = (time - shift).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var length = Math.Min(xdsUtc.Length, local.Length);
        return length > 0 && string.CompareOrdinal(utc, 0, xdsUtc, 0, length) == 0;
    }

    private static bool IsCiSis(XElement root) =>
        root.Elements(V3 + "templateId").Any(t => (string?)t.Attribute("root") == "1.2.250.1.213.1.1.1.1")
        || root.Elements(V3 + "realmCode").Any(r => (string?)r.Attribute("code") == "FR");

    private static (string? Number, string? Authority) ParseCx(string value)
    {
        var parts = value.Split('^');
        var number = parts[0].Length > 0 ? parts[0] : null;
        var authority = parts.Length > 3 ? parts[3].Split('&') is { Length: > 1 } a && a[1].Length > 0 ? a[1] : null : null;
        return (number, authority);
    }

    private static XElement? External(XElement entry, string scheme) =>
        entry.Elements(Rim + "ExternalIdentifier").FirstOrDefault(e => (string?)e.Attribute("identificationScheme") == scheme);

    private static XElement? Classification(XElement entry, string scheme) =>
        entry.Elements(Rim + "Classification").FirstOrDefault(e => (string?)e.Attribute("classificationScheme") == scheme);

    private static XElement? SlotElement(XElement entry, string name) =>
        entry.Elements(Rim + "Slot").FirstOrDefault(s => (string?)s.Attribute("name") == name);

    private static IEnumerable<string> Slot(XElement entry, string name) =>
        SlotElement(entry, name)?.Element(Rim + "ValueList")?.Elements(Rim + "Value").Select(v => v.Value) ?? [];
}
