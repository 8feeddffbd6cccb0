using System.Text;
using DuiConformance.Cli.Running;
using DuiConformance.Core.Catalogue;
using DuiConformance.Core.Evidence;

namespace DuiConformance.Cli.Tests;

[Category("EndToEnd")]
[Category("Slow")]
[Description("Issue 6 §2: every scenario driven through the reference DUI's HTTP test hooks (profiles/hooks/openapi.yaml) instead of its pages.")]
public sealed class HooksDriverEndToEndTests
{
    private string _root = null!;
    private RunResult _clean = null!;

    [OneTimeSetUp]
    public async Task Run_the_suite_once_through_the_hooks_of_the_clean_reference_dui()
    {
        _root = Path.Combine(Path.GetTempPath(), "dui-hooks-" + Guid.NewGuid().ToString("N"));
        _clean = await RunAsync("clean", []);
    }

    [OneTimeTearDown]
    public void Delete_outputs()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private async Task<RunResult> RunAsync(string name, string[] defects)
    {
        var output = new StringWriter();
        var options = new RunOptions { OutputDirectory = Path.Combine(_root, name), Defects = defects, Driver = "http-hooks", UpdateLatest = false };
        var result = await ConformanceRun.RunAsync(options, output, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(3));
        TestContext.Out.WriteLine(output.ToString());
        return result;
    }

    [Test]
    public void The_clean_reference_dui_passes_every_scenario_and_check_through_its_hooks()
    {
        _clean.ShouldSatisfyAllConditions(
            () => _clean.ExitCode.ShouldBe(ExitCodes.Passed),
            () => _clean.Report.Scenarios.Count.ShouldBeGreaterThanOrEqualTo(5),
            () => _clean.Report.Scenarios.Where(scenario => scenario.Outcome != "pass").Select(scenario => scenario.Id).ShouldBeEmpty(),
            () => _clean.Report.Checks.Where(check => check.Outcome != "pass").Select(check => $"{check.Id}: {check.Outcome} {check.Reason}").ShouldBeEmpty(),
            () => _clean.Report.Requirements.Where(requirement => requirement.IsTestedByHarness && requirement.Outcome != "pass").Select(requirement => requirement.Id).ShouldBeEmpty());
    }

    [Test]
    public void Every_hooks_exchange_is_recorded_with_the_secret_and_passwords_redacted()
    {
        var directory = Path.Combine(_clean.OutputDirectory, "evidence");
        var items = EvidenceStore.ReadIndex(directory);
        var requests = items.Where(item => item.Kind == EvidenceKinds.HookRequest).ToList();
        var configure = requests.Single(item => item.Properties["path"] == "/conformance-hooks/v1/configure");
        var configureBody = File.ReadAllText(Path.Combine(directory, configure.File));

        items.ShouldSatisfyAllConditions(
            () => requests.Select(item => item.Properties["path"]).ShouldContain("/conformance-hooks/v1/info"),
            () => requests.Count(item => item.Properties["path"] == "/conformance-hooks/v1/reset").ShouldBe(_clean.Report.Scenarios.Count),
            () => requests.ShouldContain(item => item.Tags.Scenario == "dlu-share" && item.Tags.Step == "send-mss" && item.Properties["path"] == "/conformance-hooks/v1/actions/send-mss"),
            () => items.Count(item => item.Kind == EvidenceKinds.HookResponse).ShouldBe(requests.Count),
            () => requests.ShouldAllBe(item => item.Properties["X-Conformance-Hooks-Secret"] == "***"),
            () => configureBody.ShouldContain("\"password\":\"***\""),
            () => configureBody.ShouldContain("\"clientCertificatePkcs12\":\"***\""),
            () => configureBody.ShouldContain("\"tokenEndpoint\":\"http://127.0.0.1:"));
    }

    [Test]
    public void No_browser_is_used_by_the_hooks_driver()
    {
        var items = EvidenceStore.ReadIndex(Path.Combine(_clean.OutputDirectory, "evidence"));

        items.ShouldNotContain(item => item.Kind == EvidenceKinds.BrowserTrace);
    }

    private static IEnumerable<TestCaseData> Defects() =>
        DefectCatalogue.Load(DefectCatalogue.DefaultPath).Defects.Select(defect => new TestCaseData(defect.Name, defect.Requirements).SetName($"Through_hooks_defect_{defect.Name}_fails_exactly_its_requirements"));

    [TestCaseSource(nameof(Defects))]
    [Description("DESIGN.md §4 with the hooks driver, over the whole suite: the defect makes exactly its requirements fail, nothing else, and blocks exactly the funding rules that need them.")]
    public async Task A_defect_fails_exactly_its_requirements_through_the_hooks_too(string defect, IReadOnlyList<string> expected)
    {
        var result = await RunAsync(defect, [defect]);

        var failed = result.Report.Requirements.Where(requirement => requirement.IsTestedByHarness && requirement.Outcome != "pass").Select(requirement => requirement.Id).ToList();
        // Note: a SHOULD requirement that fails never fails the run (STYLE.md rule 13): such a defect exits 0, its requirement still fails.
        var failsRun = result.Report.Requirements.Any(requirement => expected.Contains(requirement.Id) && requirement.Level.Equals("SHALL", StringComparison.OrdinalIgnoreCase));
        var blocked = result.Report.Eligibility.Where(rule => rule.Status == "blocked").ToList();
        result.ShouldSatisfyAllConditions(
            () => result.ExitCode.ShouldBe(failsRun ? ExitCodes.Failed : ExitCodes.Passed),
            () => failed.ShouldBe(expected, ignoreOrder: true),
            () => result.Report.Requirements.Where(requirement => expected.Contains(requirement.Id)).ShouldAllBe(requirement => requirement.Outcome == "fail"),
            () => result.Report.Eligibility.Where(rule => rule.Requires.Intersect(expected).Any()).ShouldAllBe(rule => rule.Status == "blocked"),
            () => result.Report.Eligibility.Where(rule => !rule.Requires.Intersect(expected).Any()).ShouldAllBe(rule => rule.Status == "ready"),
            () => blocked.ShouldAllBe(rule => rule.BlockedBy.All(expected.Contains)));
    }

    [Test]
    [Description("The hooks are off unless the DUI's settings carry a secret: the reference DUI started for the browser answers 404.")]
    public async Task The_reference_dui_serves_no_hooks_without_a_secret()
    {
        var work = Path.Combine(_root, "no-hooks");
        Directory.CreateDirectory(work);
        await using var dui = await DuiConformance.ReferenceDui.ReferenceDuiServer.StartAsync(
            new DuiConformance.ReferenceDui.ReferenceDuiSettings { DatabasePath = Path.Combine(work, "dui.db") }, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(dui.BaseAddress, "conformance-hooks/v1/info"));
        request.Headers.Add("X-Conformance-Hooks-Secret", "anything");

        using var response = await http.SendAsync(request);

        ((int)response.StatusCode).ShouldBe(404);
    }

    [Test]
    [Description("With hooks on, a wrong secret gets 401 and nothing is done.")]
    public async Task The_reference_dui_refuses_a_wrong_secret_with_401()
    {
        var work = Path.Combine(_root, "wrong-secret");
        Directory.CreateDirectory(work);
        await using var dui = await DuiConformance.ReferenceDui.ReferenceDuiServer.StartAsync(
            new DuiConformance.ReferenceDui.ReferenceDuiSettings { DatabasePath = Path.Combine(work, "dui.db"), HooksSecret = "right-secret" }, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var wrong = new HttpRequestMessage(HttpMethod.Post, new Uri(dui.BaseAddress, "conformance-hooks/v1/reset")) { Content = new StringContent("{\"scenario\":\"x\"}", Encoding.UTF8, "application/json") };
        wrong.Headers.Add("X-Conformance-Hooks-Secret", "wrong-secret");
        using var right = new HttpRequestMessage(HttpMethod.Get, new Uri(dui.BaseAddress, "conformance-hooks/v1/info"));
        right.Headers.Add("X-Conformance-Hooks-Secret", "right-secret");

        using var refused = await http.SendAsync(wrong);
        using var accepted = await http.SendAsync(right);

        ((int)refused.StatusCode).ShouldBe(401);
        ((int)accepted.StatusCode).ShouldBe(200);
        (await accepted.Content.ReadAsStringAsync()).ShouldContain("\"create-usager\"");
    }
}
