using System.Globalization;
using DuiConformance.Core.Eligibility;
using DuiConformance.Core.Organisations;
using DuiConformance.Core.Outcomes;
using DuiConformance.Core.Requirements;
using YamlDotNet.RepresentationModel;

namespace DuiConformance.Core.Tests.Eligibility;

public sealed class OrganisationFundingTests
{
    private static readonly Lazy<RequirementCatalogue> Catalogue = new(RequirementCatalogue.LoadDefault);

    public sealed record Expectation(
        string File,
        string Campaign,
        string Dui,
        string Route,
        IReadOnlyDictionary<string, string> Statuses,
        decimal OwnerTotal,
        decimal OwnerAtStart,
        decimal OwnerOnTargets,
        decimal EditorTotal,
        decimal AtRisk)
    {
        public override string ToString() => $"{File} / {Campaign} / {Dui}";
    }

    public static IEnumerable<Expectation> Expectations()
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(RepositoryLayout.Fixture("organisations", "expected.yaml")))
        {
            stream.Load(reader);
        }

        foreach (var node in ((YamlSequenceNode)stream.Documents[0].RootNode).Cast<YamlMappingNode>())
        {
            string S(string key) => ((YamlScalarNode)node[key]).Value!;
            decimal D(string key) => decimal.Parse(S(key), CultureInfo.InvariantCulture);
            var statuses = ((YamlMappingNode)node["statuses"]).Children.ToDictionary(pair => ((YamlScalarNode)pair.Key).Value!, pair => ((YamlScalarNode)pair.Value).Value!);
            yield return new Expectation(S("file"), S("campaign"), S("dui"), S("route"), statuses, D("owner_total"), D("owner_at_start"), D("owner_on_targets"), D("editor_total"), D("at_risk"));
        }
    }

    private static (IReadOnlyList<EligibilityResult> Results, FundingEstimate Estimate) Evaluate(string file, string campaign, string dui)
    {
        var organisation = OrganisationFile.Load(RepositoryLayout.Fixture("organisations", file));
        var ruleSet = EligibilityRuleSet.Load(EligibilityRuleSet.DefaultPath(campaign), Catalogue.Value);
        var outcomes = Catalogue.Value.All.ToDictionary(requirement => requirement.Id, _ => Outcome.Pass);
        if (dui == "dmp-03-fails")
        {
            outcomes["DUI-DMP-03"] = Outcome.Fail;
        }

        var results = EligibilityEvaluator.Evaluate(ruleSet, outcomes, organisation, "fr");
        return (results, FundingEstimator.Estimate(ruleSet, results, organisation, "fr"));
    }

    [TestCaseSource(nameof(Expectations))]
    public void Each_fixture_gets_the_statuses_and_amounts_computed_by_hand(Expectation expected)
    {
        var (results, estimate) = Evaluate(expected.File, expected.Campaign, expected.Dui);

        estimate.ShouldSatisfyAllConditions(
            () => estimate.Route.ShouldBe(expected.Route),
            () => estimate.OwnerTotalEur.ShouldBe(expected.OwnerTotal),
            () => estimate.OwnerAtStartEur.ShouldBe(expected.OwnerAtStart),
            () => estimate.OwnerOnUsageTargetsEur.ShouldBe(expected.OwnerOnTargets),
            () => estimate.EditorTotalEur.ShouldBe(expected.EditorTotal),
            () => estimate.AtRiskEur.ShouldBe(expected.AtRisk));
        foreach (var (ruleId, status) in expected.Statuses)
        {
            results.Single(result => result.Rule.Id == ruleId).Status.ToWireName().ShouldBe(status, ruleId);
        }
    }

    [Test]
    public void Every_funding_line_names_its_rule_its_parameters_and_their_source()
    {
        var (_, estimate) = Evaluate("pdl-regional-2025.yaml", "2025", "conforming");
        var ruleSet = EligibilityRuleSet.Load(EligibilityRuleSet.DefaultPath("2025"), Catalogue.Value);

        estimate.Lines.Count.ShouldBe(12 + 12 + 8 + 20 + 1);
        foreach (var line in estimate.Lines)
        {
            ruleSet.Rules.ShouldContain(rule => rule.Id == line.RuleId);
            line.Parameters.ShouldNotBeEmpty();
            line.Parameters.Where(id => !ruleSet.TryGetParameter(id, out var _)).ShouldBeEmpty();
            line.Source.ShouldContain("seed 003");
            line.Formula.ShouldContain(line.Parameters[0]);
        }

        var reduced = estimate.Lines.First(line => line.RuleId == "2025-ACQUISITION");
        reduced.Formula.ShouldContain("7\u202F000 €");
        reduced.Formula.ShouldContain("payment-at-start-percent");
    }

    [Test]
    public void The_fiftieth_essms_of_a_national_group_gets_the_reduced_amount()
    {
        var (_, estimate) = Evaluate("national-60-2024.csv", "2024", "conforming");
        var owner = estimate.Lines.Where(line => line.RuleId == "2024-ACQUISITION").ToList();

        owner[48].AmountEur.ShouldBe(7000m);
        owner[49].AmountEur.ShouldBe(2000m);
        owner[49].Formula.ShouldContain("acquisition-owner-eur-per-essms-reduced");
        owner[49].Parameters.ShouldContain("full-rate-essms-count");
    }

    [Test]
    public void The_dmp_denominator_excludes_anonymous_persons_and_pjm_and_ahi_without_sons_are_exempt()
    {
        var (results, _) = Evaluate("pdl-regional-2025.yaml", "2025", "conforming");
        var target = results.Single(result => result.Rule.Id == "2025-DMP-USAGE-TARGET");

        target.Notes.ShouldContain(note => note.Contains("dénominateur 80 − 10 = 70 (dmp-denominator-excludes-anonymous) ; taux = 49 / 70 = 70 %", StringComparison.Ordinal));
        target.EssmsStatuses.Count(pair => pair.Value == EligibilityStatus.NotApplicable).ShouldBe(2);
        target.Notes.ShouldContain(note => note.Contains("pjm-mss-dmp-targets-strict = false", StringComparison.Ordinal));
        target.Notes.ShouldContain(note => note.Contains("ahi-non-sons-exempt-mss-dmp-targets = true", StringComparison.Ordinal));
    }

    [Test]
    public void The_sons_lock_blocks_acquisition_for_an_essms_with_a_sons_order_filed_after_17_april_2025()
    {
        var (results, _) = Evaluate("pdl-regional-2025.yaml", "2025", "conforming");
        var sonsLock = results.Single(result => result.Rule.Id == "2025-SONS-LOCK");

        sonsLock.EssmsStatuses.Single().Value.ShouldBe(EligibilityStatus.Blocked);
        sonsLock.Notes.Single().ShouldContain("17 avril 2025");
    }

    [Test]
    public void An_ahi_essms_needs_only_a_referencing_candidate_so_a_failed_requirement_puts_it_at_risk_without_blocking_it()
    {
        var (results, estimate) = Evaluate("pdl-regional-2025.yaml", "2025", "dmp-03-fails");
        var upgrade = results.Single(result => result.Rule.Id == "2025-UPGRADE");

        upgrade.Status.ShouldBe(EligibilityStatus.Blocked);
        upgrade.EssmsStatuses["440010205"].ShouldBe(EligibilityStatus.AtRisk);
        upgrade.EssmsStatuses["440010197"].ShouldBe(EligibilityStatus.Blocked);
        upgrade.Notes.ShouldContain(note => note.Contains("ahi-referencing-candidate-required = true", StringComparison.Ordinal));
        estimate.Lines.Single(line => line.RuleId == "2025-UPGRADE" && line.Finess == "440010205").Status.ShouldBe("at-risk");
    }

    [Test]
    public void Without_an_organisation_the_rules_on_the_group_are_not_applicable_and_say_why()
    {
        var ruleSet = EligibilityRuleSet.Load(EligibilityRuleSet.DefaultPath("2025"), Catalogue.Value);
        var outcomes = Catalogue.Value.All.ToDictionary(requirement => requirement.Id, _ => Outcome.Pass);

        var results = EligibilityEvaluator.Evaluate(ruleSet, outcomes, null, "en");

        results.Single(result => result.Rule.Id == "2025-ADMISSIBILITY").ShouldSatisfyAllConditions(
            result => result.Status.ShouldBe(EligibilityStatus.NotApplicable),
            result => result.Notes.Single().ShouldContain("--organisation"));
    }

    [TestCase("2021-amorcage")]
    [TestCase("2022")]
    [TestCase("2023")]
    [TestCase("2024")]
    [TestCase("2025")]
    public void Every_campaign_loads_and_keeps_its_figures_in_sourced_parameters(string campaign)
    {
        var ruleSet = EligibilityRuleSet.Load(EligibilityRuleSet.DefaultPath(campaign), Catalogue.Value);

        ruleSet.Id.ShouldBe(campaign);
        ruleSet.Parameters.ShouldAllBe(parameter => parameter.Source.Length > 0);
        ruleSet.Rules.ShouldContain(rule => rule.Kind == EligibilityRuleKinds.GroupAdmissibility);
        ruleSet.Parameter("group-min-essms").AsDecimal().ShouldBe(15m);
    }
}
