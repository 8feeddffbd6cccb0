using DuiConformance.Core.Findings;
using DuiConformance.Core.Outcomes;

namespace DuiConformance.Core.Checks;

/// <summary>
/// A check's verdict: its outcome, every finding (a check never stops at the first problem, STYLE.md rule 14),
/// the evidence it looked at and, when it skipped, why.
/// </summary>
public sealed record CheckResult(Outcome Outcome, IReadOnlyList<Finding> Findings, IReadOnlyList<string> EvidenceIds, string? Reason = null)
{
    /// <summary>Nothing to judge was recorded: "nothing tagged" is a skip, never a pass (STYLE.md rule 18).</summary>
    public static CheckResult Skip(string reason) => new(Outcome.Skip, [], [], reason);

    /// <summary>Fail when any finding is an <see cref="Severity.Error"/>, else pass.</summary>
    public static CheckResult FromFindings(IReadOnlyList<Finding> findings, IReadOnlyList<string> evidenceIds)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var outcome = findings.Any(finding => finding.Severity == Severity.Error) ? Outcome.Fail : Outcome.Pass;
        return new CheckResult(outcome, findings, evidenceIds);
    }

    /// <summary>The harness could not judge (a bug or an environment fault): <see cref="Outcome.Error"/>.</summary>
    public static CheckResult HarnessError(string reason) => new(Outcome.Error, [], [], reason);
}
