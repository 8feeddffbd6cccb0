using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace DuiConformance.Core.Documents;

/// <summary>
/// Turns a node of a parsed document into the XPath and line:column that a finding shows (STYLE.md rule 12), with the
/// usual prefixes: <c>cda:</c> for HL7 v3, <c>rim:</c>/<c>lcm:</c>/<c>rs:</c> for ebRIM.
/// </summary>
public static class XmlPaths
{
    /// <summary>The HL7 v3 (CDA R2) namespace.</summary>
    public static readonly XNamespace Hl7 = "urn:hl7-org:v3";

    /// <summary>The ebRIM 3.0 namespace (XDS metadata objects).</summary>
    public static readonly XNamespace Rim = "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0";

    /// <summary>The ebXML LCM 3.0 namespace (<c>SubmitObjectsRequest</c>).</summary>
    public static readonly XNamespace Lcm = "urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0";

    /// <summary>The ebXML registry services 3.0 namespace.</summary>
    public static readonly XNamespace Rs = "urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0";

    /// <summary>
    /// The absolute XPath of <paramref name="element"/>, with a position predicate only where siblings share its name,
    /// e.g. <c>/cda:ClinicalDocument/cda:recordTarget[2]</c>.
    /// </summary>
    public static string Of(XElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        var steps = new List<string>();
        for (var current = element; current is not null; current = current.Parent)
        {
            var step = Name(current.Name);
            if (current.Parent is { } parent)
            {
                var same = parent.Elements(current.Name).ToList();
                if (same.Count > 1)
                {
                    step += string.Create(CultureInfo.InvariantCulture, $"[{same.IndexOf(current) + 1}]");
                }
            }

            steps.Add(step);
        }

        steps.Reverse();
        var path = new StringBuilder();
        foreach (var step in steps)
        {
            path.Append('/').Append(step);
        }

        return path.ToString();
    }

    /// <summary>The XPath of an attribute, e.g. <c>/cda:ClinicalDocument/cda:id/@root</c>.</summary>
    public static string Of(XAttribute attribute)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        return attribute.Parent is null ? "@" + attribute.Name.LocalName : Of(attribute.Parent) + "/@" + attribute.Name.LocalName;
    }

    /// <summary>1-based line and column of a node, when the document was loaded with line information.</summary>
    public static (int? Line, int? Column) LineOf(XObject? node)
    {
        if (node is IXmlLineInfo info && info.HasLineInfo())
        {
            return (info.LineNumber, info.LinePosition);
        }

        return (null, null);
    }

    /// <summary>The prefixed step name of an element name.</summary>
    public static string Name(XName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Namespace == Hl7)
        {
            return "cda:" + name.LocalName;
        }

        if (name.Namespace == Rim)
        {
            return "rim:" + name.LocalName;
        }

        if (name.Namespace == Lcm)
        {
            return "lcm:" + name.LocalName;
        }

        if (name.Namespace == Rs)
        {
            return "rs:" + name.LocalName;
        }

        return name.Namespace == XNamespace.None ? name.LocalName : $"*[local-name()='{name.LocalName}']";
    }
}
