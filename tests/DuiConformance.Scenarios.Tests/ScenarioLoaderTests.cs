using DuiConformance.Scenarios.Definitions;
using DuiConformance.Scenarios.Yaml;

namespace DuiConformance.Scenarios.Tests;

public sealed class ScenarioLoaderTests
{
    private string _directory = null!;

    [SetUp]
    public void CreateFolders()
    {
        _directory = Path.Combine(Path.GetTempPath(), "dui-scenarios-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_directory, "fixtures", "usagers"));
        File.WriteAllText(Path.Combine(_directory, "fixtures", "usagers", "u.yaml"), "birthName: DUPONT\nbirthGivenNames: [MARIE, ANNE]\n");
    }

    [TearDown]
    public void DeleteFolders() => Directory.Delete(_directory, recursive: true);

    private ScenarioDefinition Load(string yaml)
    {
        var path = Path.Combine(_directory, "s.yaml");
        File.WriteAllText(path, yaml);
        return new ScenarioLoader(Path.Combine(_directory, "fixtures"), ["check.one", "check.two"]).Load(path);
    }

    private const string Valid = """
        id: demo
        title: { fr: Démo, en: Demo }
        verifies: [DUI-CDA-01]
        data:
          fixtures: { usager: usagers/u.yaml }
          values: { recipient: a@b.mssante.fr }
        steps:
          - id: one
            action: create-usager
          - id: two
            expect: { kind: fhir-request, interaction: ITI-65, timeout: 500ms }
          - id: three
            check: [check.one, check.two]
        """;

    [Test]
    public void A_valid_scenario_loads_with_its_steps_and_flattened_fixture_data()
    {
        var scenario = Load(Valid);

        scenario.ShouldSatisfyAllConditions(
            () => scenario.Id.ShouldBe("demo"),
            () => scenario.Title("en").ShouldBe("Demo"),
            () => scenario.Steps.Select(step => step.Kind).ShouldBe([StepKind.Action, StepKind.Expectation, StepKind.Check]),
            () => scenario.Steps[1].Expect!.Timeout.ShouldBe(TimeSpan.FromMilliseconds(500)),
            () => scenario.Steps[1].Expect!.Properties["interaction"].ShouldBe("ITI-65"),
            () => scenario.Data.Values["usager.birthName"].ShouldBe("DUPONT"),
            () => scenario.Data.Values["usager.birthGivenNames"].ShouldBe("MARIE ANNE"),
            () => scenario.Data.Values["recipient"].ShouldBe("a@b.mssante.fr"));
    }

    [Test]
    public void An_unknown_action_is_refused_with_its_line_and_column()
    {
        var error = Should.Throw<YamlFormatException>(() => Load(Valid.Replace("action: create-usager", "action: create-usagers", StringComparison.Ordinal)));

        error.ShouldSatisfyAllConditions(
            () => error.Line.ShouldBe(9),
            () => error.Column.ShouldBe(13),
            () => error.Message.ShouldContain("action inconnue 'create-usagers'"));
    }

    [Test]
    public void An_unknown_check_is_refused()
    {
        var error = Should.Throw<YamlFormatException>(() => Load(Valid.Replace("check.two", "check.three", StringComparison.Ordinal)));

        error.Message.ShouldContain("contrôle inconnu 'check.three'");
    }

    [Test]
    public void A_misspelt_key_is_refused_rather_than_ignored()
    {
        var error = Should.Throw<YamlFormatException>(() => Load(Valid.Replace("verifies:", "verify:", StringComparison.Ordinal)));

        error.ShouldSatisfyAllConditions(
            () => error.Line.ShouldBe(3),
            () => error.Message.ShouldContain("clé inconnue 'verify'"));
    }

    [Test]
    public void A_missing_fixture_is_refused()
    {
        var error = Should.Throw<YamlFormatException>(() => Load(Valid.Replace("usagers/u.yaml", "usagers/absent.yaml", StringComparison.Ordinal)));

        error.Message.ShouldContain("fixture introuvable");
    }

    [Test]
    public void A_fixture_path_escaping_the_fixtures_folder_is_refused()
    {
        var error = Should.Throw<YamlFormatException>(() => Load(Valid.Replace("usagers/u.yaml", "../s.yaml", StringComparison.Ordinal)));

        error.Message.ShouldContain("fixture introuvable");
    }

    [Test]
    public void Duplicate_step_ids_are_refused()
    {
        Should.Throw<YamlFormatException>(() => Load(Valid.Replace("id: two", "id: one", StringComparison.Ordinal)))
            .Message.ShouldContain("'one' est utilisé deux fois");
    }

    [Test]
    public void A_step_with_two_kinds_is_refused()
    {
        Should.Throw<YamlFormatException>(() => Load(Valid.Replace("    action: create-usager", "    action: create-usager\n    check: [check.one]", StringComparison.Ordinal)))
            .Message.ShouldContain("exactement une clé parmi action, expect, check");
    }

    [Test]
    public void Broken_yaml_is_refused_with_a_position()
    {
        var error = Should.Throw<YamlFormatException>(() => Load("id: demo\ntitle: { fr: [unclosed\n"));

        error.Line.ShouldBeGreaterThan(0);
    }

    [TestCase("15s", 15_000)]
    [TestCase("2m", 120_000)]
    [TestCase("24h", 86_400_000)]
    public void Durations_accept_the_documented_units(string text, int milliseconds)
    {
        var scenario = Load(Valid.Replace("500ms", text, StringComparison.Ordinal));

        scenario.Steps[1].Expect!.Timeout.ShouldBe(TimeSpan.FromMilliseconds(milliseconds));
    }

    [Test]
    public void The_shipped_scenarios_load_against_their_fixtures()
    {
        var root = Core.RepositoryLayout.Root;
        var known = Directory.EnumerateFiles(Path.Combine(root, "profiles", "scenarios"), "*.yaml").SelectMany(File.ReadAllLines).Select(line => line.Trim()).Where(line => line.StartsWith("- ", StringComparison.Ordinal) && line.Contains('.', StringComparison.Ordinal))
            .Select(line => line[2..]).ToList();

        var scenarios = new ScenarioLoader(Core.RepositoryLayout.Fixtures, known).LoadDirectory(Core.RepositoryLayout.Profile("scenarios"));

        scenarios.ShouldContain(scenario => scenario.Id == "dlu-share");
        scenarios.ShouldContain(scenario => scenario.Id == "ins-lookup-qualify");
    }

    [Test]
    public void An_expectation_of_silence_loads_with_absent_and_its_long_timeout()
    {
        var scenario = Load(Valid.Replace("interaction: ITI-65, timeout: 500ms", "interaction: ITI-65, absent: true, timeout: 24h", StringComparison.Ordinal));

        var expect = scenario.Steps[1].Expect!;
        expect.ShouldSatisfyAllConditions(
            () => expect.Absent.ShouldBeTrue(),
            () => expect.Timeout.ShouldBe(TimeSpan.FromHours(24)),
            () => expect.Properties.Keys.ShouldBe(["interaction"]));
    }

    [Test]
    public void An_absent_value_other_than_true_or_false_is_refused_with_its_line()
    {
        var error = Should.Throw<YamlFormatException>(() => Load(Valid.Replace("timeout: 500ms", "absent: maybe, timeout: 500ms", StringComparison.Ordinal)));

        error.ShouldSatisfyAllConditions(
            () => error.Line.ShouldBe(11),
            () => error.Message.ShouldContain("absent vaut true ou false"));
    }
}
