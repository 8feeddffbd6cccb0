using System.Xml.Linq;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Documents;

/// <summary>
/// A CDA R2 document read from the evidence (root <c>{urn:hl7-org:v3}ClinicalDocument</c>), with its source so that
/// every finding can say where it was seen (evidence id, bundle entry or zip entry, XPath, line:column).
/// </summary>
public sealed class CdaDocument
{
    /// <summary>LOINC code of the DLU (Document de liaison d'urgence), domain.md §3.2.</summary>
    public const string DluCode = "74207-2";

    /// <summary>templateId of the CI-SIS DLU volet, domain.md §3.2.</summary>
    public const string DluTemplateId = "1.2.250.1.213.1.1.1.22";

    /// <summary>
    /// templateIds of other volets that also use the LOINC code 74207-2: FLUDT (…1.23), FLUDR (…1.24) and IPS-FR
    /// (…1.51) in the CI-SIS examples (domain.md §3.2). A document carrying one of them is not a DLU-DLU.
    /// </summary>
    public static IReadOnlyList<string> OtherVoletsWithDluCode { get; } = ["1.2.250.1.213.1.1.1.23", "1.2.250.1.213.1.1.1.24", "1.2.250.1.213.1.1.1.51"];

    /// <summary>Wraps a parsed document whose root is a ClinicalDocument.</summary>
    /// <exception cref="ArgumentException">The root is not <c>{urn:hl7-org:v3}ClinicalDocument</c>.</exception>
    public CdaDocument(XDocument document, CdaSource source)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(source);
        if (!IsClinicalDocument(document))
        {
            throw new ArgumentException("The root element is not {urn:hl7-org:v3}ClinicalDocument.", nameof(document));
        }

        Document = document;
        Root = document.Root!;
        Source = source;
    }

    /// <summary>The parsed document, with line information.</summary>
    public XDocument Document { get; }

    /// <summary>The <c>ClinicalDocument</c> element.</summary>
    public XElement Root { get; }

    /// <summary>Where the document came from.</summary>
    public CdaSource Source { get; }

    /// <summary>The header <c>code/@code</c>, or <c>null</c> when absent.</summary>
    public string? Code => Root.Element(XmlPaths.Hl7 + "code")?.Attribute("code")?.Value;

    /// <summary>Every header <c>templateId/@root</c>, in document order.</summary>
    public IReadOnlyList<string> TemplateIds =>
        [.. Root.Elements(XmlPaths.Hl7 + "templateId").Select(element => element.Attribute("root")?.Value).OfType<string>()];

    /// <summary>
    /// True when the document claims to be a DLU (domain.md §8.2 CDA-07): the DLU templateId, or the DLU LOINC code
    /// without the templateId of another volet sharing that code (<see cref="OtherVoletsWithDluCode"/>).
    /// </summary>
    public bool IsDlu
    {
        get
        {
            var templates = TemplateIds;
            return templates.Contains(DluTemplateId, StringComparer.Ordinal)
                || (string.Equals(Code, DluCode, StringComparison.Ordinal) && !templates.Intersect(OtherVoletsWithDluCode, StringComparer.Ordinal).Any());
        }
    }

    /// <summary>The header children of one name (HL7 v3 namespace).</summary>
    public IReadOnlyList<XElement> Header(string localName) => [.. Root.Elements(XmlPaths.Hl7 + localName)];

    /// <summary>Location of an element (its XPath and line).</summary>
    public FindingLocation At(XElement element)
    {
        var (line, column) = XmlPaths.LineOf(element);
        return Source.At(XmlPaths.Of(element), line, column);
    }

    /// <summary>Location of an attribute (its XPath, at its element's line).</summary>
    public FindingLocation At(XAttribute attribute)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        var (line, column) = XmlPaths.LineOf(attribute.Parent);
        return Source.At(XmlPaths.Of(attribute), line, column);
    }

    /// <summary>
    /// Location of something missing under <paramref name="parent"/>: the XPath it should have had, at the parent's line.
    /// </summary>
    public FindingLocation Missing(XElement parent, string relativePath)
    {
        var (line, column) = XmlPaths.LineOf(parent);
        return Source.At(XmlPaths.Of(parent) + "/" + relativePath, line, column);
    }

    /// <summary>True when the document's root is <c>{urn:hl7-org:v3}ClinicalDocument</c>.</summary>
    public static bool IsClinicalDocument(XDocument document) =>
        document?.Root is { } root && root.Name == XmlPaths.Hl7 + "ClinicalDocument";
}
