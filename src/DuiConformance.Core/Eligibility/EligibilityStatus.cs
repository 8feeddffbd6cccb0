namespace DuiConformance.Core.Eligibility;

/// <summary>
/// What a run means for one funding-eligibility rule (DESIGN.md §5). Wire names:
/// <c>ready|at-risk|blocked|not-applicable</c> (see <see cref="EligibilityStatusExtensions"/>).
/// </summary>
public enum EligibilityStatus
{
    /// <summary>Every requirement the rule needs passed (or does not apply): nothing in this run stands in the way.</summary>
    Ready,

    /// <summary>No requirement failed, but some are not proven (skipped, not run, or the harness failed): re-run or complete the scenarios.</summary>
    AtRisk,

    /// <summary>At least one requirement the rule needs failed: fix the DUI, or this funding is refused.</summary>
    Blocked,

    /// <summary>Every requirement the rule needs is out of scope for this DUI (all omitted): the rule does not concern it.</summary>
    NotApplicable,
}
