namespace DuiConformance.Core.Evidence;

/// <summary>
/// One recorded artifact. The bytes live content-addressed in the store (<see cref="File"/>); the item is its index entry.
/// </summary>
/// <param name="Id">Short, run-unique id such as <c>ev-0007</c>, used by reports to link findings to evidence.</param>
/// <param name="Kind">One of <see cref="EvidenceKinds"/>.</param>
/// <param name="Tags">Run, scenario and step active when recorded.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the content.</param>
/// <param name="File">Path of the content relative to the evidence folder, e.g. <c>objects/ab12….eml</c>.</param>
/// <param name="MediaType">MIME type of the content.</param>
/// <param name="Length">Content length in bytes.</param>
/// <param name="RecordedAt">UTC time of recording (from the store's <see cref="TimeProvider"/>).</param>
/// <param name="Properties">Kind-specific facts (see <see cref="SmtpProperties"/>, <see cref="FhirProperties"/>).</param>
public sealed record EvidenceItem(
    string Id,
    string Kind,
    EvidenceTags Tags,
    string Sha256,
    string File,
    string MediaType,
    long Length,
    DateTimeOffset RecordedAt,
    IReadOnlyDictionary<string, string> Properties)
{
    /// <summary>A property value, or <c>null</c> when absent.</summary>
    public string? Property(string name) => Properties.TryGetValue(name, out var value) ? value : null;

    /// <summary>True when the property is the string <c>true</c>.</summary>
    public bool Flag(string name) => string.Equals(Property(name), "true", StringComparison.Ordinal);
}
