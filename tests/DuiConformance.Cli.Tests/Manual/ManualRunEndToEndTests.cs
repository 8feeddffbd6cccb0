using System.Text.Json;
using DuiConformance.Cli.Running;
using DuiConformance.Core;
using DuiConformance.Core.Catalogue;
using DuiConformance.Core.Checks;
using DuiConformance.Core.Evidence;
using DuiConformance.Scenarios.Definitions;
using DuiConformance.Scenarios.Drivers.Manual;

namespace DuiConformance.Cli.Tests.Manual;

[Category("EndToEnd")]
[Category("Slow")]
[Category("Browser")]
[Description("Issue 6 §2–3: run --driver manual against the reference DUI, answered by a script that does each instruction with the DUI's web forms, reaches the same verdicts as the Playwright driver.")]
public sealed class ManualRunEndToEndTests
{
    private static readonly string[] Scenarios = ["dlu-share", "ins-lookup-qualify"];
    private string _root = null!;
    private RunResult _manual = null!;
    private RunResult _playwright = null!;
    private RunResult _defective = null!;
    private IReadOnlyList<string> _transcript = null!;

    [OneTimeSetUp]
    public async Task Run_the_same_scenarios_with_a_scripted_operator_then_with_playwright()
    {
        _root = Path.Combine(Path.GetTempPath(), "dui-manual-e2e-" + Guid.NewGuid().ToString("N"));
        (_manual, _transcript) = await RunManuallyAsync("manual", Scenarios, []);
        (_defective, _) = await RunManuallyAsync("manual-defect", ["dlu-share"], ["cda-missing-realm"]);
        _playwright = await ConformanceRun.RunAsync(new RunOptions { OutputDirectory = Path.Combine(_root, "playwright"), Scenarios = Scenarios }, new StringWriter(), CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(3));
    }

    private async Task<(RunResult Result, IReadOnlyList<string> Transcript)> RunManuallyAsync(string name, string[] scenarios, string[] defects)
    {
        var definitions = new ScenarioLoader(RepositoryLayout.Fixtures, CheckCatalogue.All.Select(check => check.Definition.Id)).LoadDirectory(RepositoryLayout.Profile("scenarios"));
        ScriptedOperator? script = null;
        using var dui = new ReferenceDuiOperatorScript(definitions, () => script?.Fact("Adresse"));
        script = new ScriptedOperator(dui.Actions);
        await using (script)
        {
            var options = new RunOptions
            {
                OutputDirectory = Path.Combine(_root, name), Driver = "manual", Scenarios = scenarios, Defects = defects,
                OperatorInput = script.Keyboard, OperatorOutput = script.Screen,
            };
            var result = await ConformanceRun.RunAsync(options, new StringWriter(), CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(3));
            await TestContext.Out.WriteLineAsync(string.Join('\n', script.Transcript));
            return (result, script.Transcript);
        }
    }

    [OneTimeTearDown]
    public void Delete_outputs()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Test]
    public void Every_check_has_the_same_verdict_as_with_the_playwright_driver_and_the_run_passes()
    {
        static Dictionary<string, string> Verdicts(RunResult run) => run.Report.Checks.ToDictionary(check => check.Scenario + "/" + check.Id, check => check.Outcome, StringComparer.Ordinal);

        var manual = Verdicts(_manual);
        manual.Count.ShouldBeGreaterThanOrEqualTo(20);
        manual.ShouldBe(Verdicts(_playwright), ignoreOrder: true);
        _manual.ShouldSatisfyAllConditions(
            () => _manual.Report.Outcome.ShouldBe("pass"),
            () => _manual.ExitCode.ShouldBe(ExitCodes.Passed),
            () => _manual.Report.Scenarios.SelectMany(scenario => scenario.Steps).Where(step => step.Outcome != "pass").Select(step => $"{step.Id}: {step.Outcome} {step.Message}").ShouldBeEmpty());
    }

    [Test]
    public void The_report_says_which_actions_the_harness_observed_and_which_a_person_attested()
    {
        var actions = _manual.Report.Scenarios.Single(scenario => scenario.Id == "dlu-share").Steps.Where(step => step.Kind == "action").ToDictionary(step => step.Id, step => step.Message ?? string.Empty);

        actions.ShouldSatisfyAllConditions(
            () => actions["create-usager"].ShouldBe("attestée par l'opérateur, non observée par le banc"),
            () => actions["create-document"].ShouldBe("attestée par l'opérateur, non observée par le banc"),
            () => actions["lookup-ins"].ShouldStartWith("observée par le banc : insi-response ("),
            () => actions["publish-dmp"].ShouldStartWith("observée par le banc : fhir-request interaction=ITI-65 ("),
            () => actions["send-mss"].ShouldStartWith("observée par le banc : smtp-message ("));
    }

    [Test]
    public void Every_answer_of_the_script_is_recorded_as_operator_answer_evidence_of_its_scenario_and_step()
    {
        var all = EvidenceStore.ReadIndex(Path.Combine(_manual.OutputDirectory, "evidence")).Where(item => item.Kind == EvidenceKinds.OperatorAnswer).ToList();
        var answers = all.Where(item => item.Property("answer") != "ready").ToList();

        all.Count(item => item.Property("answer") == "ready").ShouldBe(1);
        var actionSteps = _manual.Report.Scenarios.Sum(scenario => scenario.Steps.Count(step => step.Kind == "action"));

        answers.Count.ShouldBe(actionSteps);
        answers.Select(answer => answer.Property("answer")).Distinct().Order(StringComparer.Ordinal).ShouldBe(["acknowledged", "done"]);
        var first = answers.First(answer => answer.Tags.Scenario == "dlu-share" && answer.Tags.Step == "create-usager");
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_manual.OutputDirectory, "evidence", first.File)));
        json.RootElement.GetProperty("line").GetString().ShouldBe("o");
    }

    [Test]
    public void The_operator_was_given_the_connection_facts_before_the_first_scenario_then_french_instructions_with_the_usagers_traits()
    {
        var firstScenario = _transcript.ToList().FindIndex(line => line.StartsWith("═══ Scénario dlu-share", StringComparison.Ordinal));

        firstScenario.ShouldBeGreaterThan(0);
        var setup = _transcript.Take(firstScenario).ToList();
        setup.ShouldSatisfyAllConditions(
            () => setup[0].ShouldBe("═══ Avant de commencer : paramétrez votre DUI ═══"),
            () => setup.ShouldContain(line => line.StartsWith("  · Base FHIR : http://127.0.0.1:", StringComparison.Ordinal)),
            () => setup.ShouldContain(line => line.StartsWith("  · Point de jeton : ", StringComparison.Ordinal)),
            () => setup.ShouldContain(line => line.StartsWith("  · Serveur SMTP (soumission, STARTTLS) : 127.0.0.1:", StringComparison.Ordinal)),
            () => setup.ShouldContain(line => line.StartsWith("  · Point d'accès : https://", StringComparison.Ordinal)),
            () => setup.ShouldContain(line => line.StartsWith("  · Adresse : http://127.0.0.1:", StringComparison.Ordinal)));
        _transcript.ShouldContain("── Étape 1/5 · create-usager · Créer le dossier de l'usager MARTINEAU HELENE MARIE LOUISE");
        _transcript.ShouldContain("── Étape 5/5 · send-mss · Envoyer par MSSanté le dernier document de MARTINEAU HELENE MARIE LOUISE à dr.martin@ch-exemple.test-ci-sis.mssante.fr");
    }

    [Test]
    public void With_a_defect_the_manual_run_fails_exactly_the_requirement_the_defect_catalogue_names()
    {
        var failed = _defective.Report.Requirements.Where(requirement => requirement.Outcome == "fail").Select(requirement => requirement.Id);

        failed.ShouldBe(DefectCatalogue.Load(DefectCatalogue.DefaultPath).Find("cda-missing-realm")!.Requirements, ignoreOrder: true);
        _defective.ExitCode.ShouldBe(ExitCodes.Failed);
    }
}
