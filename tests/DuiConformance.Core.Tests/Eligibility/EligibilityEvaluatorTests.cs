using DuiConformance.Core.Eligibility;
using DuiConformance.Core.Outcomes;

namespace DuiConformance.Core.Tests.Eligibility;

public sealed class EligibilityEvaluatorTests
{
    private static readonly EligibilityRule Gate = new(
        "2099-GATE",
        EligibilityRuleKinds.RequirementsGate,
        "Porte",
        "Gate",
        "Une porte.",
        null,
        ["DUI-A", "DUI-B", "DUI-C"],
        "test");

    private static IEnumerable<TestCaseData> Mixes()
    {
        // outcomes of DUI-A, DUI-B, DUI-C (null = no outcome given) → status, blockedBy, atRiskBy
        TestCaseData Case(Outcome? a, Outcome? b, Outcome? c, EligibilityStatus status, string blockedBy, string atRiskBy) =>
            new TestCaseData(a, b, c, status, blockedBy, atRiskBy)
                .SetName($"Gate with {Name(a)}, {Name(b)}, {Name(c)} is {status.ToWireName()}");

        yield return Case(Outcome.Pass, Outcome.Pass, Outcome.Pass, EligibilityStatus.Ready, "", "");
        yield return Case(Outcome.Pass, Outcome.Omit, Outcome.Pass, EligibilityStatus.Ready, "", "");
        yield return Case(Outcome.Omit, Outcome.Omit, Outcome.Omit, EligibilityStatus.NotApplicable, "", "");
        yield return Case(Outcome.Pass, Outcome.Fail, Outcome.Pass, EligibilityStatus.Blocked, "DUI-B", "");
        yield return Case(Outcome.Fail, Outcome.Skip, Outcome.Fail, EligibilityStatus.Blocked, "DUI-A,DUI-C", "DUI-B");
        yield return Case(Outcome.Omit, Outcome.Fail, Outcome.Omit, EligibilityStatus.Blocked, "DUI-B", "");
        yield return Case(Outcome.Pass, Outcome.Skip, Outcome.Pass, EligibilityStatus.AtRisk, "", "DUI-B");
        yield return Case(Outcome.Error, Outcome.Pass, Outcome.Pass, EligibilityStatus.AtRisk, "", "DUI-A");
        yield return Case(Outcome.Pass, Outcome.Pass, null, EligibilityStatus.AtRisk, "", "DUI-C");
        yield return Case(Outcome.Omit, Outcome.Omit, null, EligibilityStatus.AtRisk, "", "DUI-C");
        yield return Case(Outcome.Omit, Outcome.Skip, Outcome.Error, EligibilityStatus.AtRisk, "", "DUI-B,DUI-C");
    }

    [TestCaseSource(nameof(Mixes))]
    public void A_requirements_gate_combines_its_requirement_outcomes(
        Outcome? a,
        Outcome? b,
        Outcome? c,
        EligibilityStatus status,
        string blockedBy,
        string atRiskBy)
    {
        var outcomes = new Dictionary<string, Outcome>();
        foreach (var (id, outcome) in new[] { ("DUI-A", a), ("DUI-B", b), ("DUI-C", c) })
        {
            if (outcome is { } value)
            {
                outcomes[id] = value;
            }
        }

        var result = EligibilityEvaluator.Evaluate(Gate, outcomes);

        result.ShouldSatisfyAllConditions(
            () => result.Status.ShouldBe(status),
            () => string.Join(',', result.BlockedBy).ShouldBe(blockedBy),
            () => string.Join(',', result.AtRiskBy).ShouldBe(atRiskBy),
            () => result.Reasons.Select(reason => reason.RequirementId).ShouldBe(["DUI-A", "DUI-B", "DUI-C"]),
            () => result.Reasons.Select(reason => reason.Outcome).ShouldBe([a, b, c]));
    }

    [Test]
    public void Evaluating_a_rule_set_keeps_the_rule_order()
    {
        var ruleSet = EligibilityRuleSet.Load(EligibilityRuleSet.DefaultPath("2025"), Core.Requirements.RequirementCatalogue.LoadDefault());
        var outcomes = ruleSet.Rules.SelectMany(rule => rule.Requires).Distinct().ToDictionary(id => id, _ => Outcome.Pass);
        outcomes["DUI-MSS-04"] = Outcome.Fail;

        var results = EligibilityEvaluator.Evaluate(ruleSet, outcomes);

        results.Select(result => (result.Rule.Id, result.Status)).ShouldBe(
        [
            ("2025-ACQUISITION", EligibilityStatus.Blocked),
            ("2025-SONS-INSTALLATION-PROOF", EligibilityStatus.Blocked),
            ("2025-DMP-USAGE-TARGET", EligibilityStatus.Ready),
            ("2025-ADMISSIBILITY", EligibilityStatus.NotApplicable),
            ("2025-SONS-LOCK", EligibilityStatus.NotApplicable),
            ("2025-ACQUISITION-EDITOR", EligibilityStatus.Blocked),
            ("2025-UPGRADE", EligibilityStatus.Blocked),
            ("2025-EQUIPMENT", EligibilityStatus.NotApplicable),
            ("2025-AMOA", EligibilityStatus.NotApplicable),
        ]);
    }

    [Test]
    public void An_unimplemented_rule_kind_is_a_clear_error()
    {
        var rule = Gate with { Kind = "usage-counter" };

        Should.Throw<InvalidOperationException>(() => EligibilityEvaluator.Evaluate(rule, new Dictionary<string, Outcome>()))
            .Message.ShouldContain("usage-counter");
    }

    [TestCase(EligibilityStatus.Ready, "ready")]
    [TestCase(EligibilityStatus.AtRisk, "at-risk")]
    [TestCase(EligibilityStatus.Blocked, "blocked")]
    [TestCase(EligibilityStatus.NotApplicable, "not-applicable")]
    public void Statuses_have_stable_wire_names(EligibilityStatus status, string wire)
    {
        status.ToWireName().ShouldBe(wire);
        EligibilityStatusExtensions.ParseWireName(wire).ShouldBe(status);
    }

    [Test]
    public void Every_status_has_a_wire_name()
    {
        Enum.GetValues<EligibilityStatus>().Select(status => status.ToWireName()).Distinct().Count().ShouldBe(Enum.GetValues<EligibilityStatus>().Length);
        Should.Throw<FormatException>(() => EligibilityStatusExtensions.ParseWireName("green"));
    }

    private static string Name(Outcome? outcome) => outcome?.ToWireName() ?? "none";
}
