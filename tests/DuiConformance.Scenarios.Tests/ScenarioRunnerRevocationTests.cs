using DuiConformance.Core;
using DuiConformance.Core.Checks;
using DuiConformance.Core.Evidence;
using DuiConformance.Scenarios.Definitions;
using DuiConformance.Scenarios.Drivers;
using DuiConformance.Scenarios.Running;

namespace DuiConformance.Scenarios.Tests;

/// <summary>The <c>revoke-token:</c> action parameter: the harness revokes the DUI's mail session tokens before the action (DUI-SEC-04).</summary>
public sealed class ScenarioRunnerRevocationTests : ActionParameterTests
{
    private static ScenarioDefinition Scenario(string scope) =>
        DemoScenario("DUI-SEC-04", ActionStep("send-again", "send-mss", new Dictionary<string, string> { ["revoke-token"] = scope }));

    [Test]
    public async Task A_revoke_token_parameter_revokes_before_the_driver_acts()
    {
        var events = new List<string>();
        var runner = new ScenarioRunner(new RecordingDriver(events), Store, new Dictionary<string, ICheck>(), "fr")
        {
            RevokeTokens = _ =>
            {
                events.Add("revoke");
                return Task.FromResult(1);
            },
        };

        var result = await runner.RunAsync(Scenario("mail"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        result.Report.Steps.Single().Outcome.ShouldBe("pass");
        events.ShouldBe(["revoke", "act"]);
    }

    [Test]
    public async Task Revoking_without_a_mail_operator_is_a_harness_error_9216()
    {
        var events = new List<string>();
        var runner = new ScenarioRunner(new RecordingDriver(events), Store, new Dictionary<string, ICheck>(), "fr");

        var result = await runner.RunAsync(Scenario("mail"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        var step = result.Report.Steps.Single();
        step.Outcome.ShouldBe("error");
        step.Message!.ShouldStartWith(HarnessCodes.TokenRevocationUnavailable);
        events.ShouldBeEmpty();
    }

    [TestCase("mail", 0)]
    [TestCase("dmp", 1)]
    public async Task Nothing_to_revoke_or_an_unknown_scope_is_a_harness_error_9217_and_the_driver_does_not_act(string scope, int revocable)
    {
        var events = new List<string>();
        var runner = new ScenarioRunner(new RecordingDriver(events), Store, new Dictionary<string, ICheck>(), "fr")
        {
            RevokeTokens = _ => Task.FromResult(revocable),
        };

        var result = await runner.RunAsync(Scenario(scope), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        result.Report.Steps.Single().Message!.ShouldStartWith(HarnessCodes.TokenRevocationFailed);
        events.ShouldBeEmpty();
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
