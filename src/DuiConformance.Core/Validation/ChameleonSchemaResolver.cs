using System.Xml;
using System.Xml.Linq;

namespace DuiConformance.Core.Validation;

/// <summary>
/// Serves schema documents from local files only, and turns each chameleon include (a schema without
/// targetNamespace) into a same-namespace include of its includer before .NET reads it.
/// </summary>
/// <remarks>
/// Note: XSD 1.0 §4.2.1 makes an included no-namespace schema take the includer's namespace. The HL7 CDA
/// <c>datatypes-base.xsd</c> (ANS "Schema Fix" for ED) holds <c>xs:any namespace="##other"</c>, which Xerces reads
/// against the includer's namespace but .NET against the absent one, making the ED content model ambiguous (UPA).
/// The same file is included from two namespaces (HL7 v3 and IHE pharmacy), so each include URI carries its
/// includer's namespace in a query (<c>?ns=…</c>) and the file is served once per namespace.
/// </remarks>
internal sealed class ChameleonSchemaResolver : XmlUrlResolver
{
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";

    public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
    {
        ArgumentNullException.ThrowIfNull(absoluteUri);
        if (!absoluteUri.IsFile)
        {
            throw new XmlException($"Schéma hors fichier local refusé : {absoluteUri}");
        }

        var includer = absoluteUri.Query.StartsWith("?ns=", StringComparison.Ordinal) ? Uri.UnescapeDataString(absoluteUri.Query[4..]) : null;
        var document = Serve(absoluteUri.LocalPath, includer);
        var stream = new MemoryStream();
        document.Save(stream);
        stream.Position = 0;
        return stream;
    }

    /// <summary>The schema at <paramref name="path"/> as .NET must see it when included from <paramref name="includerNamespace"/>.</summary>
    public static XDocument Serve(string path, string? includerNamespace)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        XDocument document;
        using (var reader = XmlReader.Create(path, settings))
        {
            document = XDocument.Load(reader);
        }

        var root = document.Root;
        if (root is null || root.Name != Xs + "schema")
        {
            return document;
        }

        if (root.Attribute("targetNamespace") is null && !string.IsNullOrEmpty(includerNamespace))
        {
            root.SetAttributeValue("targetNamespace", includerNamespace);
            if (root.Attribute("xmlns") is null)
            {
                root.SetAttributeValue("xmlns", includerNamespace);
            }

            // Note: re-parse so that the new default namespace applies to unprefixed QName references.
            document = XDocument.Parse(document.ToString(SaveOptions.DisableFormatting));
            root = document.Root!;
        }

        var effective = (string?)root.Attribute("targetNamespace");
        if (!string.IsNullOrEmpty(effective))
        {
            foreach (var include in root.Elements(Xs + "include"))
            {
                if ((string?)include.Attribute("schemaLocation") is { } location && IsChameleon(Path.Combine(Path.GetDirectoryName(path)!, location)))
                {
                    include.SetAttributeValue("schemaLocation", location + "?ns=" + Uri.EscapeDataString(effective));
                }
            }
        }

        return document;
    }

    private static bool IsChameleon(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(path, settings);
        reader.MoveToContent();
        return reader.LocalName == "schema" && reader.GetAttribute("targetNamespace") is null;
    }
}
