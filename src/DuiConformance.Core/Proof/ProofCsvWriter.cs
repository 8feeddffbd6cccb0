using System.Globalization;

namespace DuiConformance.Core.Proof;

/// <summary>
/// Writes the verdicts as CSV for a GRADeS spreadsheet: <c>;</c>-separated, UTF-8, one line per bundle or missing
/// ESSMS, with the rejection codes and French reasons.
/// </summary>
public static class ProofCsvWriter
{
    /// <summary>The header line's columns.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["finess", "statut", "codes", "motifs", "lot", "dui", "signataire", "signe_le", "version_outil", "version_catalogue"];

    /// <summary>Writes the header then one line per verdict.</summary>
    public static void Write(TextWriter writer, IEnumerable<ProofBundleVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(verdicts);
        writer.Write(string.Join(';', Columns));
        writer.Write('\n');
        foreach (var verdict in verdicts)
        {
            string?[] fields =
            [
                verdict.Finess,
                verdict.Accepted ? "accepté" : "refusé",
                string.Join(' ', verdict.Rejections.Select(rejection => rejection.Code).Distinct(StringComparer.Ordinal)),
                string.Join(" | ", verdict.Rejections.Select(rejection => rejection.ToString())),
                verdict.Source,
                verdict.Dui,
                verdict.Signer,
                verdict.SignedAt?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                verdict.ToolVersion,
                verdict.CatalogueVersion,
            ];
            writer.Write(string.Join(';', fields.Select(Quote)));
            writer.Write('\n');
        }
    }

    private static string Quote(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        // Note: a leading =, +, - or @ would be run as a formula by spreadsheets (CSV injection); prefix a quote.
        var text = value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        return text.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
