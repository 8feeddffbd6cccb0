using System.Text;
using DuiConformance.Core.Checks;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;
using DuiConformance.Scenarios.Definitions;
using DuiConformance.Scenarios.Drivers;
using DuiConformance.Scenarios.Running;

namespace DuiConformance.Scenarios.Tests;

public sealed class ScenarioRunnerTests
{
    private string _directory = null!;
    private EvidenceStore _store = null!;

    [SetUp]
    public void CreateStore()
    {
        _directory = Path.Combine(Path.GetTempPath(), "dui-runner-" + Guid.NewGuid().ToString("N"));
        _store = new EvidenceStore(_directory, new EvidenceTagContext("run-1"));
    }

    [TearDown]
    public void DeleteStore() => Directory.Delete(_directory, recursive: true);

    private static ScenarioStep Action(string id, string verb) => new(id, StepKind.Action, verb, new Dictionary<string, string>(), null, []);

    private static ScenarioStep Expect(string id, string kind, TimeSpan timeout) =>
        new(id, StepKind.Expectation, null, new Dictionary<string, string>(), new EvidenceExpectation(kind, new Dictionary<string, string>(), timeout), []);

    private static ScenarioStep Check(string id, params string[] checks) => new(id, StepKind.Check, null, new Dictionary<string, string>(), null, checks);

    private static ScenarioDefinition Scenario(params ScenarioStep[] steps) =>
        new("demo", "Démo", "Demo", ["DUI-MSS-01"], new ScenarioData(new Dictionary<string, string>()), steps, "demo.yaml");

    [Test]
    public async Task Evidence_recorded_during_an_action_is_tagged_with_its_scenario_and_step_and_satisfies_the_expectation()
    {
        var driver = new RecordingDriver(_store, failOn: null);
        var runner = new ScenarioRunner(driver, _store, new Dictionary<string, ICheck> { ["count"] = new CountingCheck() }, "fr");

        var result = await runner.RunAsync(Scenario(Action("send", "send-mss"), Expect("received", "smtp-message", TimeSpan.FromSeconds(5)), Check("judge", "count")), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        var message = _store.Items.Single(item => item.Kind == EvidenceKinds.SmtpMessage);
        result.ShouldSatisfyAllConditions(
            () => message.Tags.ShouldBe(new EvidenceTags("run-1", "demo", "send")),
            () => result.Report.Outcome.ShouldBe("pass"),
            () => result.Report.Steps.Select(step => step.Outcome).ShouldBe(["pass", "pass", "pass"]),
            () => result.Report.Steps[1].Evidence.ShouldBe([message.Id]),
            () => result.Checks.Single().Result.Outcome.ShouldBe(Core.Outcomes.Outcome.Pass));
    }

    [Test]
    public async Task An_expectation_that_never_comes_fails_after_its_timeout()
    {
        var runner = new ScenarioRunner(new RecordingDriver(_store, failOn: null), _store, new Dictionary<string, ICheck>(), "fr");

        var result = await runner.RunAsync(Scenario(Expect("received", "fhir-request", TimeSpan.FromMilliseconds(200))), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        result.Report.Steps.Single().ShouldSatisfyAllConditions(
            step => step.Outcome.ShouldBe("fail"),
            step => step.Message!.ShouldContain("rien de tel reçu"));
    }

    [Test]
    public async Task After_a_failed_action_later_actions_are_skipped_but_checks_still_run()
    {
        var runner = new ScenarioRunner(new RecordingDriver(_store, failOn: "publish-dmp"), _store, new Dictionary<string, ICheck> { ["count"] = new CountingCheck() }, "fr");

        var result = await runner.RunAsync(Scenario(Action("publish", "publish-dmp"), Action("send", "send-mss"), Check("judge", "count")), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        result.ShouldSatisfyAllConditions(
            () => result.Report.Steps.Select(step => step.Outcome).ShouldBe(["fail", "skip", "skip"]),
            () => result.Report.Outcome.ShouldBe("fail"),
            () => result.Checks.Single().Result.Outcome.ShouldBe(Core.Outcomes.Outcome.Skip));
    }

    [Test]
    public async Task A_check_that_throws_is_a_harness_error_for_that_check_only()
    {
        var runner = new ScenarioRunner(new RecordingDriver(_store, failOn: null), _store, new Dictionary<string, ICheck> { ["boom"] = new ThrowingCheck(), ["count"] = new CountingCheck() }, "fr");

        var result = await runner.RunAsync(Scenario(Action("send", "send-mss"), Check("judge", "boom", "count")), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        result.Checks.Select(check => check.Result.Outcome).ShouldBe([Core.Outcomes.Outcome.Error, Core.Outcomes.Outcome.Pass]);
    }

    [Test]
    public async Task The_driver_trace_is_attached_to_the_scenario()
    {
        var runner = new ScenarioRunner(new RecordingDriver(_store, failOn: null), _store, new Dictionary<string, ICheck>(), "fr");

        var result = await runner.RunAsync(Scenario(Action("send", "send-mss")), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        var trace = _store.Items.Single(item => item.Kind == EvidenceKinds.BrowserTrace);
        result.Report.Evidence.ShouldBe([trace.Id]);
        trace.Tags.Step.ShouldBe("end");
    }

    /// <summary>Stands in for a DUI plus its driver: "send-mss" makes a message appear in the store, as the SMTP simulator would.</summary>
    private sealed class RecordingDriver(EvidenceStore store, string? failOn) : IScenarioDriver
    {
        public string Name => "fake";

        public Task StartScenarioAsync(ScenarioDefinition scenario, CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task<DriverStepResult> PerformAsync(ScenarioStep step, ScenarioData data, CancellationToken cancellationToken)
        {
            if (step.Action == failOn)
            {
                return new DriverStepResult(false, "le DUI n'a pas répondu", []);
            }

            if (step.Action == "send-mss")
            {
                await store.RecordAsync(EvidenceKinds.SmtpMessage, Encoding.ASCII.GetBytes("Subject: x\r\n\r\nbody\r\n"), "message/rfc822", cancellationToken: cancellationToken);
            }

            return DriverStepResult.Done;
        }

        public async Task<IReadOnlyList<string>> EndScenarioAsync(CancellationToken cancellationToken) =>
            [(await store.RecordAsync(EvidenceKinds.BrowserTrace, new byte[] { 1, 2, 3 }, "application/zip", cancellationToken: cancellationToken)).Id];

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class CountingCheck : ICheck
    {
        public CheckDefinition Definition { get; } = new("count", "Compte", "Count", ["DUI-MSS-01"], [EvidenceKinds.SmtpMessage], "Counts messages.");

        public CheckResult Evaluate(EvidenceSet evidence)
        {
            var messages = evidence.OfKind(EvidenceKinds.SmtpMessage).ToList();
            return messages.Count == 0 ? CheckResult.Skip("aucun message") : CheckResult.FromFindings(Array.Empty<Finding>(), [.. messages.Select(item => item.Id)]);
        }
    }

    private sealed class ThrowingCheck : ICheck
    {
        public CheckDefinition Definition { get; } = new("boom", "Boum", "Boom", ["DUI-MSS-01"], [], "Throws.");

        public CheckResult Evaluate(EvidenceSet evidence) => throw new InvalidOperationException("bug");
    }
}
