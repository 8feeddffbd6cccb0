namespace DuiConformance.Core.Requirements;

/// <summary>Wire names of <see cref="RequirementLevel"/>: <c>SHALL</c>, <c>SHOULD</c>, <c>MAY</c> (CSV and report.json).</summary>
public static class RequirementLevelExtensions
{
    /// <summary>The upper-case RFC 2119 word used in <c>requirements.csv</c> and in report.json.</summary>
    public static string ToWireName(this RequirementLevel level) => level switch
    {
        RequirementLevel.Shall => "SHALL",
        RequirementLevel.Should => "SHOULD",
        RequirementLevel.May => "MAY",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, $"Enum values have been added to {nameof(RequirementLevel)}: update {nameof(ToWireName)}."),
    };

    /// <summary>Parses <c>SHALL|SHOULD|MAY</c> (exact case); returns false for anything else.</summary>
    public static bool TryParseWireName(string? name, out RequirementLevel level)
    {
        switch (name)
        {
            case "SHALL":
                level = RequirementLevel.Shall;
                return true;
            case "SHOULD":
                level = RequirementLevel.Should;
                return true;
            case "MAY":
                level = RequirementLevel.May;
                return true;
            default:
                level = default;
                return false;
        }
    }
}
