namespace DuiConformance.Core.Eligibility;

/// <summary>
/// The rule kinds implemented in code (DESIGN.md §2: code implements named rule kinds, data selects and parameterises
/// them). A rule set naming any other kind is refused when loaded.
/// </summary>
public static class EligibilityRuleKinds
{
    /// <summary>
    /// The rule holds when every requirement in <see cref="EligibilityRule.Requires"/> passes: a failed one blocks it,
    /// an unproven one puts it at risk, an omitted one is ignored.
    /// </summary>
    public const string RequirementsGate = "requirements-gate";

    /// <summary>Every kind <see cref="EligibilityEvaluator"/> knows.</summary>
    public static IReadOnlyList<string> All { get; } = [RequirementsGate];
}
