using DuiConformance.Core.Eligibility;
using DuiConformance.Core.Requirements;

namespace DuiConformance.Core.Tests.Eligibility;

public sealed class EligibilityRuleSetTests
{
    private const string MinimalRuleSet = """
        id: "2099"
        title_fr: Campagne d'essai
        title_en: Test campaign
        instruction:
          reference: TEST/2099/1
          date: 2099-01-31
        sources:
          - a test
        parameters:
          group-min-essms:
            value: 15
            unit: ESSMS
            description_fr: Taille minimale
            source: parameter source
        rules:
          - id: 2099-GATE
            kind: requirements-gate
            title_fr: Porte
            title_en: Gate
            description_fr: Une porte.
            requires: [DUI-CDA-01, DUI-SEC-01]
            source: rule source
        """;

    private static RequirementCatalogue Catalogue => RequirementCatalogue.LoadDefault();

    private static EligibilityRuleSet Load2025() => EligibilityRuleSet.Load(EligibilityRuleSet.DefaultPath("2025"), Catalogue);

    [Test]
    public void The_2025_rule_set_applies_instruction_2025_40_as_amended_by_2025_100()
    {
        var ruleSet = Load2025();

        ruleSet.ShouldSatisfyAllConditions(
            () => ruleSet.Id.ShouldBe("2025"),
            () => ruleSet.Instruction.Reference.ShouldBe("DNS/DGCS/CNSA/2025/40"),
            () => ruleSet.Instruction.Date.ShouldBe(new DateOnly(2025, 4, 16)),
            () => ruleSet.AmendedBy.Single().Reference.ShouldBe("DNS/DGCS/CNSA/2025/100"),
            () => ruleSet.AmendedBy.Single().Date.ShouldBe(new DateOnly(2025, 9, 2)),
            () => ruleSet.Title("fr").ShouldContain("ESMS numérique"),
            () => ruleSet.Title("en").ShouldContain("campaign"),
            () => ruleSet.Sources.ShouldNotBeEmpty());
    }

    [Test]
    public void The_2025_rule_set_keeps_the_three_agreed_rules_first_and_adds_the_organisation_rules()
    {
        var rules = Load2025().Rules;

        rules.Select(rule => rule.Id).ShouldBe(
        [
            "2025-ACQUISITION", "2025-SONS-INSTALLATION-PROOF", "2025-DMP-USAGE-TARGET",
            "2025-ADMISSIBILITY", "2025-SONS-LOCK", "2025-ACQUISITION-EDITOR", "2025-UPGRADE", "2025-EQUIPMENT", "2025-AMOA",
        ]);
        rules.Take(2).ShouldAllBe(rule => rule.Kind == EligibilityRuleKinds.RequirementsGate);
        rules[2].Kind.ShouldBe(EligibilityRuleKinds.UsageTarget);
        rules.ShouldAllBe(rule => rule.Source.Length > 0 && rule.DescriptionFr.Length > 0 && rule.TitleEn.Length > 0);
        rules[0].Requires.ShouldBe(Catalogue.All.Where(requirement => requirement.Verification == RequirementVerification.Automated).Select(requirement => requirement.Id), ignoreOrder: true);
        rules[1].Requires.ShouldBe(
            ["DUI-DMP-01", "DUI-DMP-02", "DUI-DMP-03", "DUI-MSS-01", "DUI-MSS-02", "DUI-MSS-03", "DUI-MSS-04", "DUI-SEC-01", "DUI-CDA-01", "DUI-CDA-02", "DUI-CDA-03"],
            ignoreOrder: true);
        rules[2].Requires.ShouldBe(["DUI-CDA-01", "DUI-CDA-02", "DUI-CDA-03", "DUI-CDA-04", "DUI-DMP-01", "DUI-DMP-02", "DUI-DMP-03"], ignoreOrder: true);
    }

    [TestCase("group-min-essms", 15)]
    [TestCase("group-min-essms-corsica-overseas", 8)]
    [TestCase("national-call-min-essms", 50)]
    [TestCase("acquisition-owner-eur-per-essms", 7000)]
    [TestCase("acquisition-editor-max-eur-per-essms", 14000)]
    [TestCase("upgrade-owner-eur-per-essms", 5000)]
    [TestCase("equipment-owner-max-eur-per-essms", 10000)]
    [TestCase("payment-on-usage-targets-percent", 50)]
    public void The_2025_figures_are_parameters_of_the_rule_set(string id, int expected)
    {
        Load2025().Parameter(id).AsDecimal().ShouldBe(expected);
    }

    [Test]
    public void The_2025_dates_and_switches_read_as_dates_and_booleans()
    {
        var ruleSet = Load2025();

        ruleSet.Parameter("sons-order-lock-date").AsDate().ShouldBe(new DateOnly(2025, 4, 17));
        ruleSet.Parameter("regional-call-closes").AsDate().ShouldBe(new DateOnly(2025, 9, 15));
        ruleSet.Parameter("pjm-segur-referencing-required").AsBoolean().ShouldBeFalse();
        ruleSet.Parameter("ahi-referencing-candidate-required").AsBoolean().ShouldBeTrue();
        Should.Throw<InvalidOperationException>(() => ruleSet.Parameter("group-min-essms").AsDate());
        Should.Throw<KeyNotFoundException>(() => ruleSet.Parameter("no-such-figure"));
    }

    [Test]
    public void Every_2025_parameter_carries_its_source_and_a_French_description()
    {
        Load2025().Parameters.ShouldAllBe(parameter => parameter.Source.Length > 0 && parameter.DescriptionFr.Length > 0);
    }

    [Test]
    public void A_minimal_rule_set_loads()
    {
        var ruleSet = EligibilityRuleSet.Parse(MinimalRuleSet, "test.yaml", Catalogue);

        ruleSet.Rules.Single().Requires.ShouldBe(["DUI-CDA-01", "DUI-SEC-01"]);
        ruleSet.Rules.Single().Description("en").ShouldBe("Une porte.");
        ruleSet.AmendedBy.ShouldBeEmpty();
    }

    private static IEnumerable<TestCaseData> BrokenRuleSets()
    {
        TestCaseData Case(string name, string from, string to, string fragment) =>
            new TestCaseData(from, to, fragment).SetName("Broken rule set is refused: " + name);

        yield return Case("unknown requirement", "DUI-SEC-01]", "DUI-SEC-99]", "test.yaml:21: rule '2099-GATE' requires 'DUI-SEC-99', which is not in the requirement catalogue");
        yield return Case("unknown rule field", "source: rule source", "source: rule source\n    weight: 3", "test.yaml:23:5: unknown field 'weight'");
        yield return Case("unknown top-level field", "title_en: Test campaign\n", "title_en: Test campaign\nbudget: 3\n", "unknown field 'budget'");
        yield return Case("unknown kind", "kind: requirements-gate", "kind: usage-counter", "unknown kind 'usage-counter'");
        yield return Case("rule id without campaign prefix", "- id: 2099-GATE", "- id: GATE", "rule id 'GATE' must be 2099-<NAME>");
        yield return Case("rule id in lower case", "- id: 2099-GATE", "- id: 2099-gate", "must be 2099-<NAME>");
        yield return Case("no requirement", "requires: [DUI-CDA-01, DUI-SEC-01]", "requires: []", "'requires' must list at least one");
        yield return Case("requirement listed twice", "requires: [DUI-CDA-01, DUI-SEC-01]", "requires: [DUI-CDA-01, DUI-CDA-01]", "lists 'DUI-CDA-01' twice");
        yield return Case("number that is not a number", "value: 15", "value: quinze", "value 'quinze' is not a valid ESSMS");
        yield return Case("unknown unit", "unit: ESSMS", "unit: people", "unit 'people'");
        yield return Case("parameter without source", "    source: parameter source\n", string.Empty, "parameter 'group-min-essms': the field 'source' is missing");
        yield return Case("bad instruction date", "date: 2099-01-31", "date: 31/01/2099", "is not yyyy-MM-dd");
        yield return Case("duplicate key", "title_en: Test campaign\n", "title_en: Test campaign\ntitle_en: Again\n", "test.yaml:4:");
        yield return Case("missing title", "title_fr: Campagne d'essai\n", string.Empty, "the field 'title_fr' is missing");
        yield return Case("not YAML", "rules:", "rules: [", "test.yaml:");
        const string Rule = "    source: rule source";
        yield return Case("funding naming an unknown parameter", Rule, Rule + "\n    funding:\n      beneficiary: owner\n      per_essms: owner-eur", "funding.per_essms names parameter 'owner-eur', which the rule set does not define");
        yield return Case("funding amount that is not in euros", Rule, Rule + "\n    funding:\n      beneficiary: owner\n      per_essms: group-min-essms", "parameter 'group-min-essms' (ESSMS); expected a EUR parameter");
        yield return Case("funding for an unknown beneficiary", Rule, Rule + "\n    funding:\n      beneficiary: cousin\n      per_essms: group-min-essms", "funding.beneficiary 'cousin' is not owner or editor");
        yield return Case("per-project amount that is not in euros", Rule, Rule + "\n    funding:\n      beneficiary: owner\n      per_project: group-min-essms", "expected a EUR parameter");
        yield return Case("unknown role", Rule, Rule + "\n    uses:\n      max-budget: group-min-essms", "unknown role 'max-budget' in 'uses'");
        yield return Case("exemption on an unknown sector", Rule, Rule + "\n    exemptions:\n      - sector: martians\n        when: group-min-essms\n        is: \"true\"", "exemption sector 'martians'");
        yield return Case("exemption on a non-boolean parameter", Rule, Rule + "\n    exemptions:\n      - sector: pjm\n        when: group-min-essms\n        is: \"true\"", "expected a boolean parameter");
        yield return Case("admissibility without its roles", "kind: requirements-gate", "kind: group-admissibility", "kind 'group-admissibility' needs 'uses.min-group'");
    }

    [TestCaseSource(nameof(BrokenRuleSets))]
    public void Broken_rule_sets_are_refused_with_a_clear_error(string from, string to, string fragment)
    {
        MinimalRuleSet.ShouldContain(from);
        var yaml = MinimalRuleSet.Replace(from, to);

        var exception = Should.Throw<HarnessException>(() => EligibilityRuleSet.Parse(yaml, "test.yaml", Catalogue));

        exception.Code.ShouldBe(EligibilityRuleSet.LoadErrorCode);
        exception.Message.ShouldContain(fragment);
    }

    [Test]
    public void Load_refuses_a_missing_file_by_name()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-campaign-" + Guid.NewGuid().ToString("N") + ".yaml");

        Should.Throw<HarnessException>(() => EligibilityRuleSet.Load(path, Catalogue)).Message.ShouldStartWith(path + ": cannot read");
    }

    [TestCase("../etc/passwd")]
    [TestCase("2025/../x")]
    [TestCase("")]
    public void A_campaign_id_that_is_not_a_plain_name_is_refused_as_a_file_name(string id)
    {
        Should.Throw<ArgumentException>(() => EligibilityRuleSet.DefaultPath(id));
    }
}
