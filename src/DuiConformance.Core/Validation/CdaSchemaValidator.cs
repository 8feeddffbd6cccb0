using System.Collections.Concurrent;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using DuiConformance.Core.Documents;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Validation;

/// <summary>
/// CDA R2 XML Schema validation against a schema folder the user points at (not shipped: the HL7 schemas, e.g. the
/// ANS <c>infrastructure/cda/CDA_extended.xsd</c>). The schema set is compiled once per folder.
/// </summary>
public sealed class CdaSchemaValidator
{
    private const int MaxFindings = 50;
    private static readonly ConcurrentDictionary<string, Lazy<CdaSchemaValidator>> Cache = new(StringComparer.Ordinal);
    private readonly XmlSchemaSet _schemas;

    private CdaSchemaValidator(string schemaFile, XmlSchemaSet schemas)
    {
        SchemaFile = schemaFile;
        _schemas = schemas;
    }

    /// <summary>The main schema file used (CDA_extended.xsd, else CDA.xsd).</summary>
    public string SchemaFile { get; }

    /// <summary>The validator for <paramref name="folder"/>, compiled on first use.</summary>
    /// <exception cref="HarnessException">HARNESS-9302 when no CDA schema is found or it does not compile.</exception>
    public static CdaSchemaValidator For(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        return Cache.GetOrAdd(Path.GetFullPath(folder), f => new Lazy<CdaSchemaValidator>(() => Compile(f))).Value;
    }

    /// <summary>One finding per schema violation (at most 50), each with the element's XPath and line:column.</summary>
    public IReadOnlyList<Finding> Validate(XDocument document, CdaSource source)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(source);
        var findings = new List<Finding>();
        // Note: XDocument.Validate reads the tree; a copy keeps the caller's document free of schema annotations.
        var copy = new XDocument(document);
        copy.Validate(_schemas, (sender, args) =>
        {
            if (args.Severity != XmlSeverityType.Error || findings.Count >= MaxFindings)
            {
                return;
            }

            var path = sender switch
            {
                XElement element => XmlPaths.Of(element),
                XAttribute attribute => XmlPaths.Of(attribute),
                _ => null,
            };
            var original = Locate(document, sender as XObject);
            var (line, column) = XmlPaths.LineOf(original);
            findings.Add(CdaFindings.XsdInvalid.At(source.At(path, line, column), args.Message));
        });
        return findings;
    }

    private static XObject? Locate(XDocument original, XObject? copyNode)
    {
        // Note: the copy has no line information; find the same node in the original by its position path.
        if (copyNode is XAttribute attribute && attribute.Parent is not null)
        {
            return (Locate(original, attribute.Parent) as XElement)?.Attribute(attribute.Name);
        }

        if (copyNode is not XElement element)
        {
            return null;
        }

        var indexes = new Stack<int>();
        for (var current = element; current.Parent is not null; current = current.Parent)
        {
            indexes.Push(current.ElementsBeforeSelf().Count());
        }

        XElement? cursor = original.Root;
        while (cursor is not null && indexes.Count > 0)
        {
            cursor = cursor.Elements().ElementAtOrDefault(indexes.Pop());
        }

        return cursor;
    }

    private static CdaSchemaValidator Compile(string folder)
    {
        var schemaFile = new[] { "CDA_extended.xsd", "CDA.xsd" }
            .SelectMany(name => Directory.Exists(folder) ? Directory.EnumerateFiles(folder, name, SearchOption.AllDirectories) : [])
            .FirstOrDefault()
            ?? throw new HarnessException(HarnessCodes.XsdSchemaInvalid, $"Aucun schéma CDA (CDA_extended.xsd ou CDA.xsd) dans {folder}.");
        try
        {
            var resolver = new ChameleonSchemaResolver();
            var schemas = new XmlSchemaSet { XmlResolver = resolver };
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = resolver };
            using (var stream = (Stream)resolver.GetEntity(new Uri(schemaFile), null, typeof(Stream))!)
            using (var reader = XmlReader.Create(stream, settings, new Uri(schemaFile).AbsoluteUri))
            {
                schemas.Add(null, reader);
            }

            schemas.Compile();
            return new CdaSchemaValidator(schemaFile, schemas);
        }
        catch (Exception exception) when (exception is XmlSchemaException or XmlException or IOException)
        {
            throw new HarnessException(HarnessCodes.XsdSchemaInvalid, $"Schéma CDA inutilisable ({schemaFile}) : {exception.Message}", exception);
        }
    }
}
