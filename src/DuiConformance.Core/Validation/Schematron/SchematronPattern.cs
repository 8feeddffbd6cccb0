namespace DuiConformance.Core.Validation.Schematron;

/// <summary>A compiled active pattern: its <c>let</c> variables and its rules in document order (first match wins).</summary>
internal sealed record SchematronPattern(string Id, IReadOnlyList<SchematronLet> Lets, IReadOnlyList<SchematronRule> Rules);
