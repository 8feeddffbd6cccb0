using DuiConformance.Core.Organisations;
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
            EligibilityRuleKinds.RequirementsGate or EligibilityRuleKinds.UsageTarget => EvaluateGate(rule, requirementOutcomes),
            EligibilityRuleKinds.GroupAdmissibility or EligibilityRuleKinds.SonsLock or EligibilityRuleKinds.FundingCeiling =>
                new EligibilityResult(rule, EligibilityStatus.NotApplicable, [], [], []),
            _ => throw new InvalidOperationException($"Eligibility rule '{rule.Id}' has kind '{rule.Kind}', which is not implemented ({string.Join(", ", EligibilityRuleKinds.All)})."),
        };
    }

    /// <summary>
    /// Evaluates every rule, reading the organisation for the rules that need it (group admissibility, SONS lock,
    /// funding ceilings, exemptions per ESSMS); without an organisation those rules are not applicable.
    /// </summary>
    /// <param name="ruleSet">The campaign's rules.</param>
    /// <param name="requirementOutcomes">Rolled-up outcome per requirement id.</param>
    /// <param name="organisation">The project (<c>--organisation</c>), or <c>null</c>.</param>
    /// <param name="language"><c>fr</c> or <c>en</c>: the language of <see cref="EligibilityResult.Notes"/>.</param>
    public static IReadOnlyList<EligibilityResult> Evaluate(
        EligibilityRuleSet ruleSet,
        IReadOnlyDictionary<string, Outcome> requirementOutcomes,
        Organisation? organisation,
        string language)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(requirementOutcomes);
        var results = Evaluate(ruleSet, requirementOutcomes);
        if (organisation is null)
        {
            return [.. results.Select(result => result.Rule.Kind is EligibilityRuleKinds.GroupAdmissibility or EligibilityRuleKinds.SonsLock or EligibilityRuleKinds.FundingCeiling
                ? result with { Notes = [OrganisationRules.Text(language, "Donnez le fichier des ESSMS (--organisation) pour évaluer cette règle.", "Give the ESSMS file (--organisation) to evaluate this rule.")] }
                : result)];
        }

        return [.. results.Select(result => OrganisationRules.Apply(ruleSet, result, organisation, language))];
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
