using System.Globalization;
using System.Text;
using System.Xml.XPath;

namespace DuiConformance.Core.Validation.Schematron;

/// <summary>
/// Location XPaths in the form ph-schematron writes into SVRL (<c>/*:ClinicalDocument[namespace-uri()='urn:hl7-org:v3'][1]/…</c>),
/// so that our results compare one to one with the official reports.
/// </summary>
public static class SchematronLocation
{
    /// <summary>The SVRL location of the node <paramref name="node"/> is on.</summary>
    public static string Of(XPathNavigator node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var steps = new List<string>();
        var cursor = node.Clone();
        while (cursor.NodeType != XPathNodeType.Root)
        {
            steps.Add(Step(cursor));
            if (!cursor.MoveToParent())
            {
                break;
            }
        }

        if (steps.Count == 0)
        {
            return "/";
        }

        steps.Reverse();
        var path = new StringBuilder();
        foreach (var step in steps)
        {
            path.Append('/').Append(step);
        }

        return path.ToString();
    }

    private static string Step(XPathNavigator node)
    {
        switch (node.NodeType)
        {
            case XPathNodeType.Element:
                return string.Create(CultureInfo.InvariantCulture, $"*:{node.LocalName}[namespace-uri()='{node.NamespaceURI}'][{Position(node)}]");
            case XPathNodeType.Attribute:
                return node.NamespaceURI.Length == 0
                    ? "@" + node.LocalName
                    : string.Create(CultureInfo.InvariantCulture, $"@*[local-name()='{node.LocalName}' and namespace-uri()='{node.NamespaceURI}']");
            case XPathNodeType.Text:
            case XPathNodeType.Whitespace:
            case XPathNodeType.SignificantWhitespace:
                return "text()";
            case XPathNodeType.Comment:
                return "comment()";
            case XPathNodeType.ProcessingInstruction:
                return "processing-instruction()";
            default:
                return "node()";
        }
    }

    private static int Position(XPathNavigator element)
    {
        var position = 1;
        var sibling = element.Clone();
        while (sibling.MoveToPrevious())
        {
            if (sibling.NodeType == XPathNodeType.Element && sibling.LocalName == element.LocalName && sibling.NamespaceURI == element.NamespaceURI)
            {
                position++;
            }
        }

        return position;
    }
}
