namespace DuiConformance.Core.Requirements;

/// <summary>Wire names of <see cref="RequirementVerification"/>: <c>automated</c>, <c>manual</c>, <c>not-tested</c>.</summary>
public static class RequirementVerificationExtensions
{
    /// <summary>The lower-case name used in <c>requirements.csv</c>.</summary>
    public static string ToWireName(this RequirementVerification verification) => verification switch
    {
        RequirementVerification.Automated => "automated",
        RequirementVerification.Manual => "manual",
        RequirementVerification.NotTested => "not-tested",
        _ => throw new ArgumentOutOfRangeException(nameof(verification), verification, $"Enum values have been added to {nameof(RequirementVerification)}: update {nameof(ToWireName)}."),
    };

    /// <summary>Parses <c>automated|manual|not-tested</c> (exact case); returns false for anything else.</summary>
    public static bool TryParseWireName(string? name, out RequirementVerification verification)
    {
        switch (name)
        {
            case "automated":
                verification = RequirementVerification.Automated;
                return true;
            case "manual":
                verification = RequirementVerification.Manual;
                return true;
            case "not-tested":
                verification = RequirementVerification.NotTested;
                return true;
            default:
                verification = default;
                return false;
        }
    }
}
