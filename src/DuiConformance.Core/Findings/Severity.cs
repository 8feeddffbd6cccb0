namespace DuiConformance.Core.Findings;

/// <summary>How much a finding weighs on its check's outcome.</summary>
public enum Severity
{
    /// <summary>For the reader only; never changes an outcome.</summary>
    Info,

    /// <summary>A SHOULD-level deviation: reported, does not fail the check.</summary>
    Warning,

    /// <summary>A SHALL-level violation: the check fails.</summary>
    Error,
}
