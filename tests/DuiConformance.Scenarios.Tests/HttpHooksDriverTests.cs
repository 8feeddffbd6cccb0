using System.Text;
using DuiConformance.Core;
using DuiConformance.Core.Evidence;
using DuiConformance.Scenarios.Definitions;
using DuiConformance.Scenarios.Drivers.Hooks;

namespace DuiConformance.Scenarios.Tests;

[Category("Network")]
[Description("Issue 6 §2: the HTTP hooks driver against a scripted DUI on loopback (profiles/hooks/openapi.yaml).")]
public sealed class HttpHooksDriverTests
{
    private const string Secret = "secret-de-test-0123456789";
    private string _directory = null!;
    private EvidenceStore _store = null!;
    private FakeHooksDui _dui = null!;

    [SetUp]
    public async Task Start()
    {
        _directory = Path.Combine(Path.GetTempPath(), "dui-hooks-driver-" + Guid.NewGuid().ToString("N"));
        _store = new EvidenceStore(_directory, new EvidenceTagContext("run-1"));
        _dui = await FakeHooksDui.StartAsync(Secret);
    }

    [TearDown]
    public async Task Stop()
    {
        await _dui.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private Task<HttpHooksDriver> StartDriverAsync(string secret = Secret, double timeoutSeconds = 10) =>
        HttpHooksDriver.StartAsync(new HttpHooksOptions(_dui.HooksUrl, secret, FakeHooksDui.Configuration(), TimeSpan.FromSeconds(timeoutSeconds)), _store, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(20));

    private static ScenarioDefinition Scenario(params ScenarioStep[] steps) =>
        new("demo", "Démo", "Demo", [], new ScenarioData(new Dictionary<string, string> { ["usager.birthName"] = "MARTIN", ["recipient"] = "a@b.fr" }), steps, "demo.yaml");

    private static ScenarioStep Action(string verb) => new(verb, StepKind.Action, verb, new Dictionary<string, string> { ["type"] = "DLU" }, null, []);

    [Test]
    public async Task Start_reads_info_keeps_only_known_verbs_and_sends_the_configuration()
    {
        await using var driver = await StartDriverAsync();

        driver.ShouldSatisfyAllConditions(
            () => driver.Product.Name.ShouldBe("Faux DUI"),
            () => driver.Product.Version.ShouldBe("9.9"),
            () => driver.Product.Actions.ShouldBe(["create-usager", "send-mss"], ignoreOrder: true),
            () => _dui.Received.Select(request => request.Path).ShouldBe(["/conformance-hooks/v1/info", "/conformance-hooks/v1/configure"]),
            () => _dui.Received.Last().Body.ShouldContain("mot-de-passe-secret"));
    }

    [Test]
    public async Task An_action_sends_data_parameters_and_vars_and_captures_the_vars_it_returns()
    {
        await using var driver = await StartDriverAsync();
        var scenario = Scenario(Action("create-usager"));
        var data = scenario.Data.Clone();
        data.Capture("earlier", "7");
        await driver.StartScenarioAsync(scenario, CancellationToken.None);

        var result = await driver.PerformAsync(scenario.Steps[0], data, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        var sent = _dui.Received.Last();
        result.ShouldSatisfyAllConditions(
            () => result.Succeeded.ShouldBeTrue(),
            () => result.Evidence.Count.ShouldBe(2),
            () => data.Values["vars.usagerId"].ShouldBe("42"),
            () => sent.Path.ShouldBe("/conformance-hooks/v1/actions/create-usager"),
            () => sent.Body.ShouldContain("\"usager.birthName\":\"MARTIN\""),
            () => sent.Body.ShouldContain("\"parameters\":{\"type\":\"DLU\"}"),
            () => sent.Body.ShouldContain("\"vars\":{\"earlier\":\"7\"}"),
            () => _dui.Received.Select(request => request.Path).ShouldContain("/conformance-hooks/v1/reset"));
    }

    [Test]
    public async Task A_refusal_by_the_dui_is_a_failed_step_with_its_message_not_an_exception()
    {
        await using var driver = await StartDriverAsync();
        var scenario = Scenario(Action("send-mss"));

        var result = await driver.PerformAsync(scenario.Steps[0], scenario.Data.Clone(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        result.Succeeded.ShouldBeFalse();
        result.Message.ShouldBe("boîte d'envoi pleine");
    }

    [Test]
    public async Task The_message_the_dui_shows_is_recorded_as_ui_text_for_the_checks()
    {
        await using var driver = await StartDriverAsync();
        var scenario = Scenario(Action("send-mss"));

        var result = await driver.PerformAsync(scenario.Steps[0], scenario.Data.Clone(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        var shown = _store.Items.Single(item => item.Kind == EvidenceKinds.UiText);
        Encoding.UTF8.GetString(_store.ReadContent(shown)).ShouldBe("boîte d'envoi pleine");
        shown.Property("action").ShouldBe("send-mss");
        shown.Property("driver").ShouldBe("http-hooks");
        result.Evidence.ShouldContain(shown.Id);
    }

    [Test]
    public async Task An_action_the_dui_does_not_offer_is_a_harness_error_9213()
    {
        await using var driver = await StartDriverAsync();
        var scenario = Scenario(Action("publish-dmp"));

        var exception = await Should.ThrowAsync<HarnessException>(() => driver.PerformAsync(scenario.Steps[0], scenario.Data.Clone(), CancellationToken.None));

        exception.Code.ShouldBe(HarnessCodes.HooksActionUnsupported);
    }

    [Test]
    public async Task A_wrong_secret_stops_the_start_with_harness_error_9211()
    {
        var exception = await Should.ThrowAsync<HarnessException>(() => StartDriverAsync(secret: "mauvais"));

        exception.Code.ShouldBe(HarnessCodes.HooksRefused);
    }

    [Test]
    public async Task A_dui_that_does_not_answer_in_time_gives_harness_error_9210_after_the_call_timeout()
    {
        // Note: the call timeout also bounds the driver's start (GET info); 2 s leaves room for a loaded machine while the
        // action's 10 s delay stays well beyond it.
        await using var driver = await StartDriverAsync(timeoutSeconds: 2);
        _dui.ActionDelay = TimeSpan.FromSeconds(10);
        var scenario = Scenario(Action("create-usager"));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var exception = await Should.ThrowAsync<HarnessException>(() => driver.PerformAsync(scenario.Steps[0], scenario.Data.Clone(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(40)));

        exception.Code.ShouldBe(HarnessCodes.HooksUnreachable);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(8));
    }

    [Test]
    public async Task Recorded_exchanges_never_hold_the_secret_nor_the_configured_passwords()
    {
        await using (var driver = await StartDriverAsync())
        {
            var scenario = Scenario(Action("create-usager"));
            await driver.StartScenarioAsync(scenario, CancellationToken.None);
            await driver.PerformAsync(scenario.Steps[0], scenario.Data.Clone(), CancellationToken.None);
        }

        var requests = _store.Items.Where(item => item.Kind == EvidenceKinds.HookRequest).ToList();
        var all = string.Concat(_store.Items.Select(item => Encoding.UTF8.GetString(_store.ReadContent(item))));
        requests.ShouldSatisfyAllConditions(
            () => requests.Count.ShouldBe(4),
            () => _store.Items.Count(item => item.Kind == EvidenceKinds.HookResponse).ShouldBe(4),
            () => requests.ShouldAllBe(item => item.Properties[HooksContract.SecretHeader] == HooksContract.Redacted),
            () => all.ShouldNotContain(Secret),
            () => all.ShouldNotContain("mot-de-passe-secret"),
            () => all.ShouldNotContain("autre-secret"),
            () => all.ShouldContain("\"password\":\"***\""));
    }
}
