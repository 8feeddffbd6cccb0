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

    /// <summary>
    /// Admissibility of the group (needs <c>--organisation</c>): group size against the minimum (the smaller one in
    /// Corsica and overseas), routing (regional, multi-regional or national call) and the filing window of that call.
    /// Roles in <c>uses</c>: <c>min-group</c>, <c>min-group-corsica-overseas</c>, <c>national-threshold</c>, optional
    /// <c>regional-opens</c>, <c>regional-closes</c>, <c>multiregional-closes</c>,
    /// <c>national-opens</c>, <c>national-closes</c>.
    /// </summary>
    public const string GroupAdmissibility = "group-admissibility";

    /// <summary>
    /// The SONS lock (needs <c>--organisation</c>): an ESSMS with a SONS order that asks for acquisition funding is
    /// blocked once its SONS service was validated or after the lock date, at risk before. Role: <c>lock-date</c>.
    /// </summary>
    public const string SonsLock = "sons-lock";

    /// <summary>A funding ceiling that does not depend on the DUI (equipment, AMOA): ready when an organisation is given.</summary>
    public const string FundingCeiling = "funding-ceiling";

    /// <summary>
    /// A usage target: a requirements gate whose denominator per ESSMS may be reduced (role
    /// <c>denominator-excludes-anonymous</c>, a boolean parameter) and from which some ESSMS may be exempt.
    /// </summary>
    public const string UsageTarget = "usage-target";

    /// <summary>Every kind <see cref="EligibilityEvaluator"/> knows.</summary>
    public static IReadOnlyList<string> All { get; } = [RequirementsGate, GroupAdmissibility, SonsLock, FundingCeiling, UsageTarget];

    /// <summary>Kinds whose status comes from the requirements of the run (they must list <c>requires</c>).</summary>
    public static IReadOnlyList<string> RequirementKinds { get; } = [RequirementsGate, UsageTarget];
}
