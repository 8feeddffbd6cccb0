using System.Xml.Linq;
using DuiConformance.Core.Documents;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Mail;

/// <summary>One METADATA.XML being judged: where it came from, its package and subset folder, and its RegistryObjectList.</summary>
internal sealed record XdmMetadataContext(string EvidenceId, string EntryName, XdmPackage Package, string SubsetFolder, XElement List)
{
    /// <summary>Location of a node of METADATA.XML (XPath, line:column).</summary>
    public FindingLocation At(XElement node)
    {
        var (line, column) = XmlPaths.LineOf(node);
        return new FindingLocation(EvidenceId, EntryName, XmlPaths.Of(node), line, column);
    }

    /// <summary>Location of something missing under <paramref name="parent"/>: the XPath it should have had, at the parent's line.</summary>
    public FindingLocation Missing(XElement parent, string relativePath)
    {
        var (line, column) = XmlPaths.LineOf(parent);
        return new FindingLocation(EvidenceId, EntryName, XmlPaths.Of(parent) + "/" + relativePath, line, column);
    }
}
