namespace DuiConformance.Core.Requirements;

/// <summary>One record of an RFC 4180 file: the 1-based line it starts on, and its fields (or why it could not be read).</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, string? Error = null);
