using System.Text;
using DuiConformance.Core.Evidence;

namespace DuiConformance.Core.Reporting;

/// <summary>
/// Writes the four report files of a run into its output folder (DESIGN.md §3): report.json, junit.xml, summary.md and
/// report.html. The evidence folder (<see cref="EvidenceDirectoryName"/>) sits beside them and is written by the
/// evidence store, not here.
/// </summary>
public static class ReportFiles
{
    /// <summary>File name of the machine-readable report.</summary>
    public const string JsonFileName = "report.json";

    /// <summary>File name of the JUnit report for CI tools.</summary>
    public const string JUnitFileName = "junit.xml";

    /// <summary>File name of the Markdown summary for CI job summaries.</summary>
    public const string MarkdownFileName = "summary.md";

    /// <summary>File name of the self-contained HTML report for people.</summary>
    public const string HtmlFileName = "report.html";

    /// <summary>Name of the evidence folder beside the report files; report.html links into it.</summary>
    public const string EvidenceDirectoryName = "evidence";

    /// <summary>
    /// Writes the four files, reading the evidence index from <c>&lt;outputDirectory&gt;/evidence/index.jsonl</c> when
    /// it exists (so report.html links findings to their evidence).
    /// </summary>
    public static Task WriteAllAsync(RunReport report, string outputDirectory, CancellationToken cancellationToken = default) =>
        WriteAllAsync(report, outputDirectory, null, cancellationToken);

    /// <summary>Writes the four files; <paramref name="evidence"/> turns evidence ids into links in report.html.</summary>
    /// <param name="report">The run's report.</param>
    /// <param name="outputDirectory">The output folder; created when missing. Existing report files are replaced.</param>
    /// <param name="evidence">
    /// The run's evidence items (e.g. <see cref="EvidenceStore.Items"/>); <c>null</c> reads the index of the evidence
    /// folder beside the report files, when there is one (re-rendering a report.json).
    /// </param>
    /// <param name="cancellationToken">Stops between files.</param>
    public static async Task WriteAllAsync(RunReport report, string outputDirectory, IReadOnlyList<EvidenceItem>? evidence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        evidence ??= EvidenceStore.ReadIndex(Path.Combine(outputDirectory, EvidenceDirectoryName));
        Directory.CreateDirectory(outputDirectory);
        await WriteAsync(Path.Combine(outputDirectory, JsonFileName), RunReportJson.Serialize(report), cancellationToken).ConfigureAwait(false);
        await WriteAsync(Path.Combine(outputDirectory, JUnitFileName), JUnitReportWriter.Render(report), cancellationToken).ConfigureAwait(false);
        await WriteAsync(Path.Combine(outputDirectory, MarkdownFileName), MarkdownSummaryWriter.Render(report), cancellationToken).ConfigureAwait(false);
        await WriteAsync(Path.Combine(outputDirectory, HtmlFileName), HtmlReportWriter.Render(report, evidence, ReportTranslator.Translate(report, report.Language == "en" ? "fr" : "en"), EvidenceExcerpts.Read(Path.Combine(outputDirectory, EvidenceDirectoryName), evidence)), cancellationToken).ConfigureAwait(false);
    }

    // Note: write to a temporary name then rename, so a reader (a CI job summary step) never sees half a file.
    private static async Task WriteAsync(string path, string content, CancellationToken cancellationToken)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllTextAsync(temporary, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }
}
