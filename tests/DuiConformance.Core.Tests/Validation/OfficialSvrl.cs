using System.Xml.Linq;

namespace DuiConformance.Core.Tests.Validation;

/// <summary>What an official SVRL report (ph-schematron, ANS CI) says: the phase run (none = default), the schema, fired rules, results.</summary>
public sealed record OfficialSvrl(string? Phase, string SchemaVersion, int FiredRules, IReadOnlyList<OfficialSvrlResult> Results)
{
    private static readonly XNamespace Svrl = "http://purl.oclc.org/dsdl/svrl";

    /// <summary>Parses an SVRL file; <c>null</c> for an empty file (the official run produced nothing).</summary>
    public static OfficialSvrl? Read(string path)
    {
        if (new FileInfo(path).Length == 0)
        {
            return null;
        }

        var root = XDocument.Load(path).Root!;
        var results = root.Elements()
            .Where(e => e.Name == Svrl + "failed-assert" || e.Name == Svrl + "successful-report")
            .Select(e => new OfficialSvrlResult(
                e.Name.LocalName,
                (string?)e.Attribute("location") ?? string.Empty,
                Normalize((string?)e.Attribute("test") ?? string.Empty),
                Normalize(e.Element(Svrl + "text")?.Value ?? string.Empty)))
            .ToList();
        return new OfficialSvrl((string?)root.Attribute("phase"), (string?)root.Attribute("schemaVersion") ?? string.Empty, root.Elements(Svrl + "fired-rule").Count(), results);
    }

    /// <summary>XPath-whitespace normalisation, as normalize-space().</summary>
    public static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>One official failed-assert or successful-report.</summary>
public sealed record OfficialSvrlResult(string Kind, string Location, string Test, string Text);
