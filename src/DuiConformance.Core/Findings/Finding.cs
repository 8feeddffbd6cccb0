namespace DuiConformance.Core.Findings;

/// <summary>One thing a check found: what (code, message), where (location) and which requirement it bears on.</summary>
public sealed record Finding(string Code, Severity Severity, string Message, FindingLocation Location, IReadOnlyList<string> Requirements);
