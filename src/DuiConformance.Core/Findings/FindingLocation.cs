using System.Globalization;
using System.Text;

namespace DuiConformance.Core.Findings;

/// <summary>
/// Where a finding was seen (STYLE.md rule 12): the evidence artifact, then a path inside it whose form depends on the
/// source: an XPath for CDA and XDM metadata, a zip entry path, a FHIRPath for FHIR, a header name for mail.
/// </summary>
/// <param name="EvidenceId">The evidence item the finding was read from, when it came from recorded evidence.</param>
/// <param name="Entry">A part inside the artifact: a zip entry (<c>IHE_XDM/SUBSET01/METADATA.XML</c>), a MIME part, a bundle entry.</param>
/// <param name="Path">XPath, FHIRPath or header name inside that part.</param>
/// <param name="Line">1-based line in that part, when known.</param>
/// <param name="Column">1-based column in that part, when known.</param>
public sealed record FindingLocation(string? EvidenceId = null, string? Entry = null, string? Path = null, int? Line = null, int? Column = null)
{
    /// <summary>No location (a finding about the run as a whole).</summary>
    public static FindingLocation None { get; } = new();

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        void Append(string part)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(part);
        }

        if (EvidenceId is not null)
        {
            Append(EvidenceId);
        }

        if (Entry is not null)
        {
            Append(Entry);
        }

        if (Path is not null)
        {
            Append(Path);
        }

        if (Line is not null)
        {
            Append(Column is null
                ? string.Create(CultureInfo.InvariantCulture, $"@{Line}")
                : string.Create(CultureInfo.InvariantCulture, $"@{Line}:{Column}"));
        }

        return text.ToString();
    }
}
