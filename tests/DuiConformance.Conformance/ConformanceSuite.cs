using System.Globalization;
using DuiConformance.Cli.Running;
using DuiConformance.Core.Reporting;

namespace DuiConformance.Conformance;

/// <summary>
/// The conformance suite as NUnit tests (issue 6 §5): <c>dotnet test tests/DuiConformance.Conformance --settings
/// runsettings/editor.runsettings</c>. The suite runs once, exactly as <c>dui-conformance run</c> does (same lanes,
/// drivers, virtual clock and report files), then every scenario is one test whose verdict is the scenario's.
/// </summary>
/// <remarks>
/// One run for all cases rather than one per case: starting a lane (simulators, DUI, browser) costs seconds, and the
/// run writes the one report a CI job keeps as an artifact. A filter (<c>--filter TestCategory=DUI-INS-09</c>) selects
/// the tests reported; the run still plays the suite (or the shard) it is given.
/// </remarks>
[TestFixture]
[Category("Conformance")]
[Category("Browser")]
[NonParallelizable]
public sealed class ConformanceSuite
{
    private RunResult _run = null!;
    private ConformanceSettings _settings = null!;
    private HashSet<string> _played = null!;

    [OneTimeSetUp]
    public async Task Run_the_suite_once()
    {
        _settings = ConformanceSettings.FromTestParameters();
        _settings.ApplyBrowserPath();
        var output = _settings.OutputDirectory ?? Path.Combine(TestContext.CurrentContext.WorkDirectory, "conformance-report", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        var log = new StringWriter();
        _run = await ConformanceRun.RunAsync(_settings.ToRunOptions(Path.GetFullPath(output)), log, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(20));
        await TestContext.Progress.WriteLineAsync(log.ToString());
        _played = _run.Report.Scenarios.Select(scenario => scenario.Id).ToHashSet(StringComparer.Ordinal);
    }

    [TestCaseSource(typeof(ConformanceCases), nameof(ConformanceCases.All))]
    public void Scenario(string id)
    {
        if (!_played.Contains(id))
        {
            Assert.Ignore($"hors du fragment {_settings.Shard} : joué par un autre fragment.");
        }

        var scenario = _run.Report.Scenarios.Single(candidate => candidate.Id == id);
        var checks = _run.Report.Checks.Where(check => check.Scenario == id).ToList();
        foreach (var step in scenario.Steps)
        {
            TestContext.Out.WriteLine($"{step.Outcome,-5} {step.Id} : {step.Title}{(step.Message is null ? string.Empty : " — " + step.Message)}");
        }

        foreach (var check in checks)
        {
            TestContext.Out.WriteLine($"{check.Outcome,-5} {check.Id} [{string.Join(", ", check.Requirements)}]{(check.Reason is null ? string.Empty : " — " + check.Reason)}");
        }

        TestContext.Out.WriteLine($"Rapport : {Path.Combine(_run.OutputDirectory, ReportFiles.HtmlFileName)}");
        switch (scenario.Outcome)
        {
            case "pass":
                return;
            case "skip":
                Assert.Inconclusive("scénario non joué jusqu'au bout : rien à juger.");
                return;
            default:
                TestContext.AddTestAttachment(Path.Combine(_run.OutputDirectory, ReportFiles.HtmlFileName), "rapport de conformité");
                Assert.Fail(Explain(scenario, checks));
                return;
        }
    }

    private static string Explain(ScenarioReport scenario, IReadOnlyList<CheckReport> checks)
    {
        var lines = new List<string> { scenario.Outcome == "error" ? $"{scenario.Id} : erreur du banc de test (non imputable au DUI)" : $"{scenario.Id} : non conforme" };
        lines.AddRange(scenario.Steps.Where(step => step.Outcome is "fail" or "error").Select(step => $"  étape {step.Id} ({step.Outcome}) : {step.Message}"));
        foreach (var check in checks.Where(check => check.Outcome is "fail" or "error"))
        {
            lines.Add($"  contrôle {check.Id} ({check.Outcome}) [{string.Join(", ", check.Requirements)}]{(check.Reason is null ? string.Empty : " : " + check.Reason)}");
            lines.AddRange(check.Findings.Select(finding => $"    {finding.Code} {finding.Message}"));
        }

        return string.Join(Environment.NewLine, lines);
    }
}
