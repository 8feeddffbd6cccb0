using DuiConformance.Core.Outcomes;

namespace DuiConformance.Core.Eligibility;

/// <summary>
/// Why a rule got its status, one line per required requirement: the outcome seen for it, or <c>null</c> when the run
/// gave no outcome at all for it (which puts the rule at risk).
/// </summary>
public sealed record EligibilityReason(string RequirementId, Outcome? Outcome);
