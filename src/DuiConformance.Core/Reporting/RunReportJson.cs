using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace DuiConformance.Core.Reporting;

/// <summary>
/// Writes and reads <c>report.json</c> (DESIGN.md §3): camelCase, indented, UTF-8 without BOM, outcomes and statuses
/// as their wire names, absent values left out. <c>dui-conformance report</c> re-renders the other files from it.
/// </summary>
public static class RunReportJson
{
    /// <summary>The serializer options of report.json: camelCase names, indented, nulls omitted, accents kept readable.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        // Note: keep French letters as they are ("Échec", not "\u00C9chec"); <, >, & and quotes stay escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        TypeInfoResolver = RunReportJsonContext.Default,
    };

    /// <summary>The report as report.json text.</summary>
    public static string Serialize(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.Serialize(report, Options) + "\n";
    }

    /// <summary>Reads report.json text.</summary>
    /// <exception cref="InvalidDataException">The text is not a schema version 1 report; the message says what is wrong.</exception>
    public static RunReport Deserialize(string json, string sourceName = "report.json")
    {
        ArgumentNullException.ThrowIfNull(json);
        RunReport? report;
        try
        {
            report = JsonSerializer.Deserialize<RunReport>(json, Options);
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line ? $"{sourceName}:{line + 1}" : sourceName;
            throw new InvalidDataException($"{where}: not a DuiConformance report: {exception.Message}", exception);
        }

        if (report is null)
        {
            throw new InvalidDataException($"{sourceName}: not a DuiConformance report (the file holds null).");
        }

        if (report.SchemaVersion != 1)
        {
            throw new InvalidDataException($"{sourceName}: report schemaVersion {report.SchemaVersion} is not supported (this tool reads version 1).");
        }

        return report;
    }

    /// <summary>Writes report.json to <paramref name="path"/>.</summary>
    public static Task WriteAsync(RunReport report, string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return File.WriteAllTextAsync(path, Serialize(report), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
    }

    /// <summary>Reads a report.json file (to re-render it, or to merge shards).</summary>
    /// <exception cref="InvalidDataException">The file is not a schema version 1 report.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static RunReport Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Deserialize(File.ReadAllText(path, Encoding.UTF8), path);
    }
}
