using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace DuiConformance.Core.Documents;

/// <summary>
/// The only way checks read XML from the DUI: no DTD, no external resolution, bounded size and depth, line numbers kept.
/// Hostile input (billion laughs, external entities, absurd nesting, garbage) comes back as a <see cref="SafeXmlError"/>,
/// never as an exception.
/// </summary>
public static class SafeXml
{
    /// <summary>Largest document accepted, in characters (about 20 MB of text; a CDA with an embedded PDF fits).</summary>
    public const long MaxCharacters = 20_000_000;

    /// <summary>Deepest element nesting accepted; CDA documents nest about 20 levels, so 256 is generous.</summary>
    public const int MaxDepth = 256;

    /// <summary>
    /// Parses <paramref name="content"/> into an <see cref="XDocument"/> with line information, or returns why it could not.
    /// </summary>
    /// <returns>The document, or <c>null</c> with <paramref name="error"/> set.</returns>
    public static XDocument? TryLoad(ReadOnlyMemory<byte> content, out SafeXmlError? error)
    {
        error = null;
        try
        {
            // Note: two passes. The first walks the document with a plain reader to enforce the depth limit, because
            // XmlReaderSettings has no MaxDepth; the second builds the tree only once the input is known to be sane.
            using (var scan = XmlReader.Create(new ReadOnlyMemoryStream(content), Settings()))
            {
                while (scan.Read())
                {
                    if (scan.Depth > MaxDepth)
                    {
                        var info = (IXmlLineInfo)scan;
                        error = new SafeXmlError(
                            string.Create(CultureInfo.InvariantCulture, $"Imbrication XML trop profonde (plus de {MaxDepth} niveaux)."),
                            info.LineNumber,
                            info.LinePosition);
                        return null;
                    }
                }
            }

            using var reader = XmlReader.Create(new ReadOnlyMemoryStream(content), Settings());
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException exception)
        {
            error = new SafeXmlError(Describe(exception), exception.LineNumber == 0 ? null : exception.LineNumber, exception.LinePosition == 0 ? null : exception.LinePosition);
            return null;
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or NotSupportedException or IOException)
        {
            error = new SafeXmlError($"Contenu XML illisible : {exception.Message}", null, null);
            return null;
        }
    }

    /// <summary>
    /// Parses <paramref name="content"/> into a read-only <see cref="System.Xml.XPath.XPathDocument"/> with line information
    /// (the fastest tree for XPath, used by the schematron engine), under the same limits as <see cref="TryLoad"/>.
    /// </summary>
    /// <returns>The document, or <c>null</c> with <paramref name="error"/> set.</returns>
    public static System.Xml.XPath.XPathDocument? TryLoadNavigable(ReadOnlyMemory<byte> content, out SafeXmlError? error)
    {
        error = null;
        try
        {
            using (var scan = XmlReader.Create(new ReadOnlyMemoryStream(content), Settings()))
            {
                while (scan.Read())
                {
                    if (scan.Depth > MaxDepth)
                    {
                        var info = (IXmlLineInfo)scan;
                        error = new SafeXmlError(
                            string.Create(CultureInfo.InvariantCulture, $"Imbrication XML trop profonde (plus de {MaxDepth} niveaux)."),
                            info.LineNumber,
                            info.LinePosition);
                        return null;
                    }
                }
            }

            using var reader = XmlReader.Create(new ReadOnlyMemoryStream(content), Settings());
            return new System.Xml.XPath.XPathDocument(reader);
        }
        catch (XmlException exception)
        {
            error = new SafeXmlError(Describe(exception), exception.LineNumber == 0 ? null : exception.LineNumber, exception.LinePosition == 0 ? null : exception.LinePosition);
            return null;
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or NotSupportedException or IOException)
        {
            error = new SafeXmlError($"Contenu XML illisible : {exception.Message}", null, null);
            return null;
        }
    }

    /// <summary>The reader settings used for every SUT document.</summary>
    public static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = false,
        CloseInput = true,
    };

    private static string Describe(XmlException exception)
    {
        // Note: DtdProcessing.Prohibit makes any DOCTYPE (billion laughs, XXE) fail here; say so plainly.
        if (exception.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            return "Déclaration DTD interdite (DOCTYPE refusé : protection contre les entités externes et l'expansion d'entités).";
        }

        return $"XML mal formé : {exception.Message}";
    }
}
