namespace DuiConformance.Core.Documents;

/// <summary>A top-level header field exactly as it appeared on the wire (unfolded), with its 1-based line.</summary>
/// <param name="Name">Field name as written (case kept).</param>
/// <param name="Value">Unfolded value, leading and trailing white space removed, not decoded (RFC 2047 words kept).</param>
/// <param name="Line">1-based line of the field name in the message.</param>
public sealed record RawHeader(string Name, string Value, int Line);
