using DuiConformance.Core;
using DuiConformance.Core.Checks;
using DuiConformance.Core.Evidence;
using DuiConformance.Scenarios.Definitions;
using DuiConformance.Scenarios.Drivers;
using DuiConformance.Scenarios.Running;

namespace DuiConformance.Scenarios.Tests;

/// <summary>The <c>operator-max-size:</c> action parameter: the operator's SIZE for the rest of the scenario (DUI-MSS-10).</summary>
public sealed class ScenarioRunnerSizeLimitTests : ActionParameterTests
{
    private static ScenarioDefinition Scenario(string limit) =>
        DemoScenario("DUI-MSS-10",
            ActionStep("send", "send-mss", new Dictionary<string, string> { ["operator-max-size"] = limit }),
            ActionStep("again", "send-mss", new Dictionary<string, string>()));

    [Test]
    public async Task The_limit_is_set_before_the_action_and_restored_when_the_scenario_ends()
    {
        var events = new List<string>();
        var runner = new ScenarioRunner(new RecordingDriver(events), Store, new Dictionary<string, ICheck>(), "fr")
        {
            SetMailSizeLimit = limit => events.Add("limit " + (limit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "configured")),
        };

        var result = await runner.RunAsync(Scenario("4096"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        result.Report.Outcome.ShouldBe("pass");
        events.ShouldBe(["limit 4096", "act send", "act again", "limit configured"]);
    }

    [TestCase("abc")]
    [TestCase("0")]
    [TestCase("-5")]
    public async Task A_limit_that_is_not_a_positive_number_of_octets_is_a_harness_error_9130(string limit)
    {
        var events = new List<string>();
        var runner = new ScenarioRunner(new RecordingDriver(events), Store, new Dictionary<string, ICheck>(), "fr") { SetMailSizeLimit = _ => events.Add("limit") };

        var result = await runner.RunAsync(Scenario(limit), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        var step = result.Report.Steps[0];
        step.Outcome.ShouldBe("error");
        step.Message!.ShouldStartWith(HarnessCodes.MailSizeLimitInvalid);
        events.ShouldNotContain("act send");
    }

    [Test]
    public async Task Setting_a_limit_without_a_mail_operator_is_a_harness_error_9130()
    {
        var runner = new ScenarioRunner(new RecordingDriver([]), Store, new Dictionary<string, ICheck>(), "fr");

        var result = await runner.RunAsync(Scenario("4096"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        result.Report.Steps[0].Message!.ShouldStartWith(HarnessCodes.MailSizeLimitInvalid);
    }

    private sealed class RecordingDriver(List<string> events) : IScenarioDriver
    {
        public string Name => "fake";

        public Task StartScenarioAsync(ScenarioDefinition scenario, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<DriverStepResult> PerformAsync(ScenarioStep step, ScenarioData data, CancellationToken cancellationToken)
        {
            events.Add("act " + step.Id);
            return Task.FromResult(DriverStepResult.Done);
        }

        public Task<IReadOnlyList<string>> EndScenarioAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([]);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
