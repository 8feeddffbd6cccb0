using DuiConformance.Core.Evidence;

namespace DuiConformance.Core.Checks;

/// <summary>A conformance check: a pure function from recorded evidence to a verdict (DESIGN.md §2).</summary>
public interface ICheck
{
    /// <summary>What the check is and which requirements it verifies.</summary>
    CheckDefinition Definition { get; }

    /// <summary>
    /// Judges the evidence. Returns <see cref="CheckResult.Skip"/> when none of its inputs were recorded.
    /// Must not throw on hostile or malformed evidence: that is a finding.
    /// </summary>
    CheckResult Evaluate(EvidenceSet evidence);
}
