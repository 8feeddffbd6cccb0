using DuiConformance.Core.Outcomes;

namespace DuiConformance.Core.Eligibility;

/// <summary>Evaluates a campaign's rules against the requirement outcomes of a run (DESIGN.md §5).</summary>
public static class EligibilityEvaluator
{
    /// <summary>
    /// Evaluates every rule of <paramref name="ruleSet"/>, in file order.
    /// </summary>
    /// <remarks>
    /// For a <see cref="EligibilityRuleKinds.RequirementsGate"/> rule, each required requirement counts as follows:
    /// <see cref="Outcome.Fail"/> blocks the rule; <see cref="Outcome.Skip"/>, <see cref="Outcome.Error"/> or no
    /// outcome at all put it at risk (not proven is not passed, and a harness error is never the DUI's fault);
    /// <see cref="Outcome.Omit"/> is ignored; <see cref="Outcome.Pass"/> is fine. The status is then
    /// <see cref="EligibilityStatus.Blocked"/> when anything blocks, else <see cref="EligibilityStatus.AtRisk"/> when
    /// anything is at risk, else <see cref="EligibilityStatus.NotApplicable"/> when every required requirement was
    /// omitted, else <see cref="EligibilityStatus.Ready"/>.
    /// </remarks>
    /// <param name="ruleSet">The campaign's rules.</param>
    /// <param name="requirementOutcomes">Rolled-up outcome per requirement id (exact, case-sensitive).</param>
    public static IReadOnlyList<EligibilityResult> Evaluate(EligibilityRuleSet ruleSet, IReadOnlyDictionary<string, Outcome> requirementOutcomes)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(requirementOutcomes);
        return [.. ruleSet.Rules.Select(rule => Evaluate(rule, requirementOutcomes))];
    }

    /// <summary>Evaluates one rule (see <see cref="Evaluate(EligibilityRuleSet, IReadOnlyDictionary{string, Outcome})"/>).</summary>
    /// <exception cref="InvalidOperationException">The rule's kind is not implemented.</exception>
    public static EligibilityResult Evaluate(EligibilityRule rule, IReadOnlyDictionary<string, Outcome> requirementOutcomes)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(requirementOutcomes);
        return rule.Kind switch
        {
            EligibilityRuleKinds.RequirementsGate => EvaluateGate(rule, requirementOutcomes),
            _ => throw new InvalidOperationException($"Eligibility rule '{rule.Id}' has kind '{rule.Kind}', which is not implemented ({string.Join(", ", EligibilityRuleKinds.All)})."),
        };
    }

    private static EligibilityResult EvaluateGate(EligibilityRule rule, IReadOnlyDictionary<string, Outcome> requirementOutcomes)
    {
        var blockedBy = new List<string>();
        var atRiskBy = new List<string>();
        var reasons = new List<EligibilityReason>();
        var omitted = 0;
        foreach (var id in rule.Requires)
        {
            if (!requirementOutcomes.TryGetValue(id, out var outcome))
            {
                atRiskBy.Add(id);
                reasons.Add(new EligibilityReason(id, null));
                continue;
            }

            reasons.Add(new EligibilityReason(id, outcome));
            switch (outcome)
            {
                case Outcome.Fail:
                    blockedBy.Add(id);
                    break;
                case Outcome.Skip:
                case Outcome.Error:
                    atRiskBy.Add(id);
                    break;
                case Outcome.Omit:
                    omitted++;
                    break;
                case Outcome.Pass:
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(requirementOutcomes), outcome, $"Enum values have been added to {nameof(Outcome)}: update {nameof(EligibilityEvaluator)}.");
            }
        }

        var status = blockedBy.Count > 0 ? EligibilityStatus.Blocked
            : atRiskBy.Count > 0 ? EligibilityStatus.AtRisk
            : omitted == rule.Requires.Count ? EligibilityStatus.NotApplicable
            : EligibilityStatus.Ready;
        return new EligibilityResult(rule, status, blockedBy, atRiskBy, reasons);
    }
}
