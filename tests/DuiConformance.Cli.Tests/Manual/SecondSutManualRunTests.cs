using DuiConformance.Cli.Running;
using DuiConformance.Core;
using DuiConformance.Core.Checks;
using DuiConformance.Scenarios.Definitions;
using DuiConformance.Scenarios.Drivers.Manual;
using DuiConformance.SecondSut;

namespace DuiConformance.Cli.Tests.Manual;

[Category("EndToEnd")]
[Category("Network")]
[Category("Slow")]
[NonParallelizable]
[Description("Issue 6 §3: the second, independent SUT driven in manual mode — a script plays the person, reads the French instructions and connection facts, and works the second SUT through its own /api interface (its hooks stay off).")]
public sealed class SecondSutManualRunTests
{
    private static readonly string[] Scenarios = ["dlu-share", "ins-not-found"];
    private string _root = null!;
    private RunResult _run = null!;
    private IReadOnlyList<string> _transcript = null!;

    [OneTimeSetUp]
    public async Task Run_dlu_share_and_ins_not_found_on_the_second_sut_with_a_scripted_operator()
    {
        _root = Path.Combine(Path.GetTempPath(), "dui-second-manual-" + Guid.NewGuid().ToString("N"));
        var definitions = new ScenarioLoader(RepositoryLayout.Fixtures, CheckCatalogue.All.Select(check => check.Definition.Id)).LoadDirectory(RepositoryLayout.Profile("scenarios"));

        // Note: no hooks secret, so the second SUT's test hooks are not even mapped; only its native interface is used.
        await using var sut = await SecondSutServer.StartAsync(0, hooksSecret: null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        ScriptedOperator? script = null;
        using var person = new SecondSutOperatorScript(sut.BaseAddress, definitions, () => script!);
        script = new ScriptedOperator(person.Actions);
        await using (script)
        {
            var options = new RunOptions
            {
                OutputDirectory = _root, Sut = "second-sut", SutUrl = sut.BaseAddress.ToString(), Driver = "manual", Scenarios = Scenarios,
                OperatorInput = script.Keyboard, OperatorOutput = script.Screen,
            };
            _run = await ConformanceRun.RunAsync(options, new StringWriter(), CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(3));
            _transcript = script.Transcript;
            await TestContext.Out.WriteLineAsync(string.Join('\n', _transcript));
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
    public void Every_action_was_done_by_the_person_and_the_traffic_proving_it_was_observed_where_there_is_some()
    {
        var actions = _run.Report.Scenarios.Single(scenario => scenario.Id == "dlu-share").Steps.Where(step => step.Kind == "action").ToDictionary(step => step.Id, step => step);

        actions.Values.ShouldAllBe(step => step.Outcome == "pass");
        actions.ShouldSatisfyAllConditions(
            () => actions["create-usager"].Message.ShouldBe("attestée par l'opérateur, non observée par le banc"),
            () => actions["lookup-ins"].Message.ShouldNotBeNull().ShouldStartWith("observée par le banc : insi-response ("),
            () => actions["publish-dmp"].Message.ShouldNotBeNull().ShouldStartWith("observée par le banc : fhir-request interaction=ITI-65 ("),
            () => actions["send-mss"].Message.ShouldNotBeNull().ShouldStartWith("observée par le banc : smtp-message ("));
    }

    [Test]
    public void The_second_sut_reaches_the_same_verdicts_as_through_its_hooks()
    {
        // Same expectations as SecondSutEndToEndTests (http-hooks): dlu-share fails exactly its known gaps; in
        // ins-not-found the single-answer rule passes and the qualified-only rule has nothing to judge (no reliability).
        var dluShare = _run.Report.Checks.Where(check => check.Scenario == "dlu-share").ToList();
        var insNotFound = _run.Report.Checks.Where(check => check.Scenario == "ins-not-found").ToDictionary(check => check.Id, check => check.Outcome);

        _run.ShouldSatisfyAllConditions(
            () => dluShare.Count.ShouldBe(SecondSutGaps.DluShareChecks),
            () => dluShare.Where(check => check.Outcome != "pass").Select(check => check.Id).ShouldBe(SecondSutGaps.FailingDluShareChecks, ignoreOrder: true),
            () => insNotFound["ins.insi.no-single-answer"].ShouldBe("pass"),
            () => insNotFound["ins.emission.qualified-only"].ShouldBe("skip"),
            () => _run.Report.Sut.Preset.ShouldBe("second-sut"),
            () => _run.ExitCode.ShouldBe(ExitCodes.Failed));
    }

    [Test]
    public void The_person_was_shown_the_settings_then_french_instructions_naming_the_usager()
    {
        _transcript.ShouldSatisfyAllConditions(
            () => _transcript[0].ShouldBe("═══ Avant de commencer : paramétrez votre DUI ═══"),
            () => _transcript.ShouldContain(line => line.StartsWith("  · Base FHIR : http://127.0.0.1:", StringComparison.Ordinal)),
            () => _transcript.ShouldContain(line => line.StartsWith("── Étape 1/5 · create-usager · ", StringComparison.Ordinal)));
    }
}
