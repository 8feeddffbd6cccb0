using DuiConformance.Core;
using DuiConformance.Core.Checks;
using DuiConformance.Core.Evidence;
using DuiConformance.Scenarios.Definitions;
using DuiConformance.Scenarios.Drivers;
using DuiConformance.Scenarios.Running;

namespace DuiConformance.Scenarios.Tests;

/// <summary>The <c>fhir-refuse:</c> parameter: the simulated DMP is told to refuse the next submission before the action (PDSM-07).</summary>
public sealed class ScenarioRunnerRefusalTests : ActionParameterTests
{
    private const string Refusal = "422 DMP-AUTEUR-INCONNU L'auteur n'est pas connu.";
    private static ScenarioDefinition Scenario(string refusal) =>
        DemoScenario("DUI-DMP-13", ActionStep("publish", "attempt-publish-dmp", new Dictionary<string, string> { ["fhir-refuse"] = refusal }));

    [Test]
    public async Task The_refusal_is_armed_before_the_driver_acts_and_withdrawn_at_the_end_of_the_scenario()
    {
        var events = new List<string>();
        var runner = new ScenarioRunner(new RecordingDriver(events), Store, new Dictionary<string, ICheck>(), "fr")
        {
            RefuseSubmission = (refusal, _) =>
            {
                events.Add("arm: " + refusal);
                return Task.CompletedTask;
            },
            WithdrawRefusals = () => events.Add("withdraw"),
        };

        var result = await runner.RunAsync(Scenario(Refusal), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        result.Report.Steps.Single().Outcome.ShouldBe("pass");
        events.ShouldBe(["arm: " + Refusal, "act", "withdraw"]);
    }

    [Test]
    public async Task A_malformed_refusal_is_harness_error_9220_and_the_driver_does_not_act()
    {
        var events = new List<string>();
        var runner = new ScenarioRunner(new RecordingDriver(events), Store, new Dictionary<string, ICheck>(), "fr")
        {
            RefuseSubmission = (_, _) => throw new FormatException("Refus attendu sous la forme « <statut HTTP 400–599> <code> <diagnostic> »."),
        };

        var result = await runner.RunAsync(Scenario("oui"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        var step = result.Report.Steps.Single();
        step.Outcome.ShouldBe("error");
        step.Message!.ShouldStartWith(HarnessCodes.FhirRefusalInvalid);
        events.ShouldBeEmpty();
    }

    [Test]
    public async Task Refusing_without_a_fhir_simulator_is_harness_error_9221()
    {
        var runner = new ScenarioRunner(new RecordingDriver([]), Store, new Dictionary<string, ICheck>(), "fr");

        var result = await runner.RunAsync(Scenario(Refusal), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        result.Report.Steps.Single().Message!.ShouldStartWith(HarnessCodes.FhirRefusalUnavailable);
    }

    private sealed class RecordingDriver(List<string> events) : IScenarioDriver
    {
        public string Name => "fake";

        public Task StartScenarioAsync(ScenarioDefinition scenario, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<DriverStepResult> PerformAsync(ScenarioStep step, ScenarioData data, CancellationToken cancellationToken)
        {
            events.Add("act");
            return Task.FromResult(DriverStepResult.Done);
        }

        public Task<IReadOnlyList<string>> EndScenarioAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([]);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
