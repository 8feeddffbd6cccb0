using System.Diagnostics;
using System.Text;
using DuiConformance.Core.Checks;
using DuiConformance.Core.Evidence;
using DuiConformance.Scenarios.Definitions;
using DuiConformance.Scenarios.Drivers;
using DuiConformance.Scenarios.Running;

namespace DuiConformance.Scenarios.Tests;

/// <summary>Expectations of silence (<c>absent: true</c>) and long timeouts, on the virtual clock and the real one.</summary>
public sealed class AbsentExpectationTests
{
    private string _directory = null!;
    private VirtualClock _clock = null!;
    private EvidenceStore _store = null!;

    [SetUp]
    public void CreateStore()
    {
        _directory = Path.Combine(Path.GetTempPath(), "dui-absent-" + Guid.NewGuid().ToString("N"));
        _clock = new VirtualClock(TimeSpan.FromMilliseconds(100));
        _store = new EvidenceStore(_directory, new EvidenceTagContext("run-1"), _clock);
        var store = _store;
        _clock.ActivityProbe = () => store.Items.Count;
    }

    [TearDown]
    public void DeleteStore()
    {
        _clock.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static ScenarioStep Send() => new("send", StepKind.Action, "send-mss", new Dictionary<string, string>(), null, []);

    private static ScenarioStep Expect(string id, string kind, TimeSpan timeout, bool absent) =>
        new(id, StepKind.Expectation, null, new Dictionary<string, string>(), new EvidenceExpectation(kind, new Dictionary<string, string>(), timeout, absent), []);

    private static ScenarioDefinition Scenario(params ScenarioStep[] steps) =>
        new("silence", "Silence", "Silence", ["DUI-MSS-01"], new ScenarioData(new Dictionary<string, string>()), steps, "silence.yaml");

    private ScenarioRunner Runner() => new(new MailingDriver(_store), _store, new Dictionary<string, ICheck>(), "fr") { Clock = _clock };

    [Test]
    public async Task A_24_hour_silence_completes_in_under_a_second_of_wall_time_on_the_virtual_clock()
    {
        var wall = Stopwatch.StartNew();

        var result = await Runner().RunAsync(Scenario(Send(), Expect("received", EvidenceKinds.SmtpMessage, TimeSpan.FromSeconds(20), absent: false), Expect("no-receipt", EvidenceKinds.SmtpMessage, TimeSpan.FromHours(24), absent: true)), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        wall.Stop();
        TestContext.Out.WriteLine($"wall time {wall.Elapsed.TotalMilliseconds:0} ms, clock ahead by {_clock.Offset}");
        result.ShouldSatisfyAllConditions(
            () => result.Report.Steps.Select(step => step.Outcome).ShouldBe(["pass", "pass", "pass"]),
            () => result.Report.Steps[2].Message!.ShouldContain("rien de tel en 24 h"),
            () => wall.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1)),
            () => _clock.Offset.ShouldBeGreaterThan(TimeSpan.FromHours(23.9)));
    }

    [Test]
    public async Task Matching_evidence_during_the_silence_fails_the_step_and_is_linked_from_it()
    {
        var late = Task.Run(async () =>
        {
            await Task.Delay(30);
            await _store.RecordAsync(EvidenceKinds.SmtpMessage, Encoding.ASCII.GetBytes("Subject: late\r\n\r\nx\r\n"), "message/rfc822");
        });

        var result = await Runner().RunAsync(Scenario(Expect("no-mail", EvidenceKinds.SmtpMessage, TimeSpan.FromHours(24), absent: true)), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await late.WaitAsync(TimeSpan.FromSeconds(10));

        var step = result.Report.Steps.Single();
        step.ShouldSatisfyAllConditions(
            () => step.Outcome.ShouldBe("fail"),
            () => step.Evidence.ShouldBe([_store.Items.Single().Id]),
            () => step.Message!.ShouldContain("rien de tel n'était attendu"));
    }

    [Test]
    public async Task Silence_is_awaited_from_the_step_on_so_earlier_evidence_does_not_count()
    {
        var result = await Runner().RunAsync(Scenario(Send(), Expect("no-more-mail", EvidenceKinds.SmtpMessage, TimeSpan.FromHours(1), absent: true)), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        result.Report.Steps.Select(step => step.Outcome).ShouldBe(["pass", "pass"]);
    }

    [Test]
    public async Task A_missing_answer_with_a_long_timeout_fails_quickly_on_the_virtual_clock()
    {
        var wall = Stopwatch.StartNew();

        var result = await Runner().RunAsync(Scenario(Expect("dmp", EvidenceKinds.FhirRequest, TimeSpan.FromMinutes(30), absent: false)), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        result.Report.Steps.Single().Outcome.ShouldBe("fail");
        wall.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    /// <summary>"send-mss" records a message as the SMTP simulator would; the action itself takes 150 ms.</summary>
    private sealed class MailingDriver(EvidenceStore store) : IScenarioDriver
    {
        public string Name => "mailing";

        public Task StartScenarioAsync(ScenarioDefinition scenario, CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task<DriverStepResult> PerformAsync(ScenarioStep step, ScenarioData data, CancellationToken cancellationToken)
        {
            await Task.Delay(150, cancellationToken);
            await store.RecordAsync(EvidenceKinds.SmtpMessage, Encoding.ASCII.GetBytes("Subject: x\r\n\r\nbody\r\n"), "message/rfc822", cancellationToken: cancellationToken);
            return DriverStepResult.Done;
        }

        public Task<IReadOnlyList<string>> EndScenarioAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([]);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
