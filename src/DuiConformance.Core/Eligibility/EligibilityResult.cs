namespace DuiConformance.Core.Eligibility;

/// <summary>A rule evaluated against a run's requirement outcomes (DESIGN.md §5).</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Status">What the run means for it.</param>
/// <param name="BlockedBy">Required requirements that failed, in the rule's order: fix these first.</param>
/// <param name="AtRiskBy">Required requirements not proven (skipped, harness error, or no outcome), in the rule's order.</param>
/// <param name="Reasons">The outcome seen for each required requirement, in the rule's order.</param>
public sealed record EligibilityResult(
    EligibilityRule Rule,
    EligibilityStatus Status,
    IReadOnlyList<string> BlockedBy,
    IReadOnlyList<string> AtRiskBy,
    IReadOnlyList<EligibilityReason> Reasons)
{
    /// <summary>What the organisation data says for this rule (group size, route, window, SONS lock, exemptions), in the report language.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Status per ESSMS (FINESS → status) when an organisation was given and it differs by ESSMS (exemptions, SONS lock).</summary>
    public IReadOnlyDictionary<string, EligibilityStatus> EssmsStatuses { get; init; } = new Dictionary<string, EligibilityStatus>(StringComparer.Ordinal);
}
