namespace DuiConformance.Core.Requirements;

/// <summary>One line of the coverage table: a requirement, the checks that verify it and the scenarios that run them.</summary>
/// <param name="Requirement">The requirement.</param>
/// <param name="Checks">Ids of the checks (CheckCatalogue) that verify it, in catalogue order.</param>
/// <param name="Scenarios">Ids of the scenarios that verify it or run one of those checks.</param>
public sealed record CoverageRow(Requirement Requirement, IReadOnlyList<string> Checks, IReadOnlyList<string> Scenarios)
{
    /// <summary>
    /// True when the requirement is accounted for: automated ones have at least one check; the others state why no
    /// check tests them (<see cref="Requirement.NotTestedReason"/>).
    /// </summary>
    public bool IsAccountedFor => Requirement.Verification == RequirementVerification.Automated
        ? Checks.Count > 0
        : !string.IsNullOrWhiteSpace(Requirement.NotTestedReason);
}
