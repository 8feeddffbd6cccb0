using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Documents;

/// <summary>Something wrong with the archive itself, seen while reading it (before any layout rule).</summary>
/// <param name="Definition">The catalogue entry (XDM-2002, XDM-2003, XDM-2004, XDM-2013).</param>
/// <param name="EntryPath">The offending entry, when the problem is about one.</param>
/// <param name="Message">French explanation for the report.</param>
public sealed record XdmProblem(FindingDefinition Definition, string? EntryPath, string Message);
