using DuiConformance.Core;
using DuiConformance.Core.Checks;
using DuiConformance.Core.Evidence;
using DuiConformance.Scenarios.Definitions;
using DuiConformance.Scenarios.Drivers;
using DuiConformance.Scenarios.Running;

namespace DuiConformance.Scenarios.Tests;

/// <summary>Action parameters as placeholders and the <c>deliver:</c> parameter that files a fixture message first.</summary>
public sealed class ScenarioRunnerDeliveryTests : ActionParameterTests
{
    private const string Fixture = "mss/inbound/patient-question.eml";
    private static ScenarioDefinition Scenario(IReadOnlyDictionary<string, string> parameters) =>
        DemoScenario("DUI-MSS-09", ActionStep("receive", "receive-and-file", parameters));

    [Test]
    public async Task A_deliver_parameter_files_the_fixture_bytes_before_the_driver_acts_and_parameters_become_placeholders()
    {
        var events = new List<string>();
        byte[]? delivered = null;
        var driver = new InterpolatingDriver(events);
        var runner = new ScenarioRunner(driver, Store, new Dictionary<string, ICheck>(), "fr")
        {
            DeliverMail = (message, _) =>
            {
                delivered = message.ToArray();
                events.Add("deliver");
                return Task.CompletedTask;
            },
        };

        var result = await runner.RunAsync(Scenario(new Dictionary<string, string> { ["deliver"] = Fixture, ["expect"] = "1 message(s) classé(s)" }), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(10));

        result.ShouldSatisfyAllConditions(
            () => result.Report.Steps.Single().Outcome.ShouldBe("pass"),
            () => delivered.ShouldBe(File.ReadAllBytes(RepositoryLayout.Fixture("mss", "inbound", "patient-question.eml"))),
            () => events.ShouldBe(["deliver", "act: 1 message(s) classé(s)"]));
    }

    [Test]
    public async Task Delivering_without_a_mail_operator_is_a_harness_error_9160()
    {
        var runner = new ScenarioRunner(new InterpolatingDriver([]), Store, new Dictionary<string, ICheck>(), "fr");

        var result = await runner.RunAsync(Scenario(new Dictionary<string, string> { ["deliver"] = Fixture, ["expect"] = "x" }), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(10));

        var step = result.Report.Steps.Single();
        step.Outcome.ShouldBe("error");
        step.Message!.ShouldStartWith(HarnessCodes.MailDeliveryUnavailable);
    }

    [Test]
    public async Task A_fixture_path_leaving_fixtures_is_refused_with_9161_and_nothing_is_delivered()
    {
        var delivered = false;
        var runner = new ScenarioRunner(new InterpolatingDriver([]), Store, new Dictionary<string, ICheck>(), "fr")
        {
            DeliverMail = (_, _) =>
            {
                delivered = true;
                return Task.CompletedTask;
            },
        };

        var result = await runner.RunAsync(Scenario(new Dictionary<string, string> { ["deliver"] = "../profiles/mssante/directory.csv", ["expect"] = "x" }), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(10));

        result.Report.Steps.Single().Message!.ShouldStartWith(HarnessCodes.MailDeliveryFailed);
        delivered.ShouldBeFalse();
    }

    private sealed class InterpolatingDriver(List<string> events) : IScenarioDriver
    {
        public string Name => "fake";

        public Task StartScenarioAsync(ScenarioDefinition scenario, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<DriverStepResult> PerformAsync(ScenarioStep step, ScenarioData data, CancellationToken cancellationToken)
        {
            events.Add("act: " + data.Interpolate("{with.expect}"));
            return Task.FromResult(DriverStepResult.Done);
        }

        public Task<IReadOnlyList<string>> EndScenarioAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([]);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
