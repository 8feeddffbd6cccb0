namespace DuiConformance.Core.Eligibility;

/// <summary>Wire names of <see cref="EligibilityStatus"/> used in report.json.</summary>
public static class EligibilityStatusExtensions
{
    /// <summary>The wire name: <c>ready</c>, <c>at-risk</c>, <c>blocked</c> or <c>not-applicable</c>.</summary>
    public static string ToWireName(this EligibilityStatus status) => status switch
    {
        EligibilityStatus.Ready => "ready",
        EligibilityStatus.AtRisk => "at-risk",
        EligibilityStatus.Blocked => "blocked",
        EligibilityStatus.NotApplicable => "not-applicable",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, $"Enum values have been added to {nameof(EligibilityStatus)}: update {nameof(ToWireName)}."),
    };

    /// <summary>Parses a wire name back.</summary>
    /// <exception cref="FormatException">The name is not one of the four wire names.</exception>
    public static EligibilityStatus ParseWireName(string name) => name switch
    {
        "ready" => EligibilityStatus.Ready,
        "at-risk" => EligibilityStatus.AtRisk,
        "blocked" => EligibilityStatus.Blocked,
        "not-applicable" => EligibilityStatus.NotApplicable,
        _ => throw new FormatException($"'{name}' is not an eligibility status (ready|at-risk|blocked|not-applicable)."),
    };
}
