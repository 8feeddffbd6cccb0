using System.Text.Json;
using System.Threading.Channels;
using DuiConformance.Core;
using DuiConformance.Core.Checks;
using DuiConformance.Core.Evidence;
using DuiConformance.Scenarios.Definitions;
using DuiConformance.Scenarios.Drivers.Manual;
using DuiConformance.Scenarios.Running;
using Microsoft.Extensions.Time.Testing;

namespace DuiConformance.Scenarios.Tests.Manual;

public sealed class ManualDriverTests
{
    private static readonly Dictionary<string, string> Values = new(StringComparer.Ordinal)
    {
        ["usager.birthName"] = "MARTINEAU", ["usager.usedName"] = "LEFEBVRE", ["usager.birthGivenNames"] = "HELENE MARIE LOUISE",
        ["usager.sex"] = "F", ["usager.birthDate"] = "1942-05-17", ["usager.birthPlace"] = "69123", ["usager.identityStatus"] = "VALI",
        ["usager.medecinTraitant"] = "Dr Paul GIRARD", ["usager.traitements"] = "Paracétamol", ["usager.directives"] = "", ["usager.allergies"] = "Pénicilline",
        ["recipient"] = "dr.martin@ch-exemple.test-ci-sis.mssante.fr",
    };

    private static readonly IReadOnlyList<ConnectionFactGroup> Facts =
        [new("DMP / Mon espace santé (FHIR, PDSm)", [new("Base FHIR", "http://127.0.0.1:5555/fhir/")])];

    private static readonly ManualInstructionCatalogue Catalogue = ManualInstructionCatalogue.Load(ManualInstructionCatalogue.DefaultPath);

    private string _directory = null!;
    private EvidenceStore _store = null!;

    [SetUp]
    public void CreateStore()
    {
        _directory = Path.Combine(Path.GetTempPath(), "dui-manual-driver-" + Guid.NewGuid().ToString("N"));
        _store = new EvidenceStore(_directory, new EvidenceTagContext("run-1"));
    }

    [TearDown]
    public void DeleteStore() => Directory.Delete(_directory, recursive: true);

    private static ScenarioStep Action(string id, string verb) => new(id, StepKind.Action, verb, new Dictionary<string, string>(), null, []);

    private static ScenarioStep Expect(string id, string kind) =>
        new(id, StepKind.Expectation, null, new Dictionary<string, string>(), new EvidenceExpectation(kind, new Dictionary<string, string>(), TimeSpan.FromSeconds(5)), []);

    private static ScenarioDefinition Scenario(string id, params ScenarioStep[] steps) => new(id, "Démo " + id, "Demo " + id, [], new ScenarioData(Values), steps, id + ".yaml");

    private static Dictionary<string, Func<ManualPrompt, CancellationToken, Task<string>>> Answers(params (string Verb, string Answer)[] answers) =>
        answers.ToDictionary(pair => pair.Verb, pair => (Func<ManualPrompt, CancellationToken, Task<string>>)((_, _) => Task.FromResult(pair.Answer)), StringComparer.Ordinal);

    private ManualDriver Driver(ScriptedOperator script, ManualDriverOptions? options = null) =>
        new(Catalogue, _store, script.Keyboard, script.Screen, options ?? new ManualDriverOptions { ConnectionFacts = Facts });

    private Task<ScenarioRunResult> RunAsync(ManualDriver driver, ScenarioDefinition scenario, string language = "fr") =>
        new ScenarioRunner(driver, _store, new Dictionary<string, ICheck>(), language).RunAsync(scenario, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15));

    private IReadOnlyList<EvidenceItem> Answered() => [.. _store.Items.Where(item => item.Kind == EvidenceKinds.OperatorAnswer && item.Property("answer") != "ready")];

    [Test]
    public async Task Done_passes_a_step_the_harness_cannot_see_and_the_report_says_a_person_attested_it()
    {
        await using var script = new ScriptedOperator(Answers(("create-usager", "o")));

        var result = await RunAsync(Driver(script), Scenario("demo", Action("create", "create-usager")));

        var step = result.Report.Steps.Single();
        var answer = Answered().Single();
        step.ShouldSatisfyAllConditions(
            () => step.Outcome.ShouldBe("pass"),
            () => step.Message.ShouldBe("attestée par l'opérateur, non observée par le banc"),
            () => step.Evidence.ShouldBe([answer.Id]),
            () => answer.Property("answer").ShouldBe("done"),
            () => answer.Property("action").ShouldBe("create-usager"),
            () => answer.Tags.ShouldBe(new EvidenceTags("run-1", "demo", "create")));
        using var json = JsonDocument.Parse(_store.ReadContent(answer));
        json.RootElement.GetProperty("line").GetString().ShouldBe("o");
        json.RootElement.GetProperty("scenario").GetString().ShouldBe("demo");
    }

    [Test]
    public async Task Traffic_that_proves_the_action_ends_the_step_as_observed_and_the_next_step_still_gets_its_own_answer()
    {
        var actions = Answers(("create-usager", "o"));
        actions["publish-dmp"] = async (_, ct) =>
        {
            // Note: what the DUI does: its publication reaches the simulator, which records it, before the person answers.
            await _store.RecordAsync(EvidenceKinds.FhirRequest, "{}"u8.ToArray(), "application/fhir+json", new Dictionary<string, string> { ["interaction"] = "ITI-65" }, ct);
            return "o";
        };
        await using var script = new ScriptedOperator(actions);

        var result = await RunAsync(Driver(script), Scenario("demo", Action("publish", "publish-dmp"), Action("create", "create-usager")));

        var proof = _store.Items.Single(item => item.Kind == EvidenceKinds.FhirRequest);
        var answers = Answered();
        result.Report.Steps.ShouldSatisfyAllConditions(
            steps => steps.Select(step => step.Outcome).ShouldBe(["pass", "pass"]),
            steps => steps[0].Message.ShouldBe($"observée par le banc : fhir-request interaction=ITI-65 ({proof.Id})"),
            steps => steps[0].Evidence.ShouldBe([proof.Id, answers[0].Id]),
            steps => steps[1].Message.ShouldBe("attestée par l'opérateur, non observée par le banc"),
            steps => answers.Select(answer => answer.Property("answer")).ShouldBe(["acknowledged", "done"]));
        await script.WaitForLineAsync("   ✓ Observé par le banc : fhir-request interaction=ITI-65", TimeSpan.FromSeconds(5));
    }

    [Test]
    public async Task Done_on_an_action_whose_traffic_never_came_passes_but_says_the_awaited_traffic_was_not_seen()
    {
        await using var script = new ScriptedOperator(Answers(("send-mss", "o")));

        var result = await RunAsync(Driver(script), Scenario("demo", Action("send", "send-mss")));

        result.Report.Steps.Single().Message.ShouldBe("attestée par l'opérateur, non observée par le banc ; trafic attendu non vu pendant l'étape : smtp-message");
    }

    [Test]
    public async Task Impossible_with_a_reason_fails_the_step_with_that_reason_and_blocks_the_next_actions()
    {
        await using var script = new ScriptedOperator(Answers(("publish-dmp", "n pas de module DMP"), ("send-mss", "o")));

        var result = await RunAsync(Driver(script), Scenario("demo", Action("publish", "publish-dmp"), Action("send", "send-mss")));

        result.Report.Steps.ShouldSatisfyAllConditions(
            steps => steps.Select(step => step.Outcome).ShouldBe(["fail", "skip"]),
            steps => steps[0].Message.ShouldBe("impossible selon l'opérateur : pas de module DMP"),
            steps => Answered().Single().Property("answer").ShouldBe("impossible"));
    }

    [Test]
    public async Task Impossible_without_a_reason_asks_why_and_reports_the_reason_given()
    {
        await using var script = new ScriptedOperator(Answers(("publish-dmp", "n")));

        var result = await RunAsync(Driver(script), Scenario("demo", Action("publish", "publish-dmp")));

        result.Report.Steps.Single().Message.ShouldBe("impossible selon l'opérateur : raison non précisée par le script");
        Answered().Select(answer => answer.Property("answer")).ShouldBe(["impossible", "reason"]);
        await script.WaitForLineAsync("> Pourquoi est-ce impossible ?", TimeSpan.FromSeconds(5));
    }

    [Test]
    public async Task Skip_reports_the_step_as_skipped_by_the_operator_and_skips_what_follows()
    {
        await using var script = new ScriptedOperator(Answers(("publish-dmp", "p"), ("send-mss", "o")));

        var result = await RunAsync(Driver(script), Scenario("demo", Action("publish", "publish-dmp"), Expect("received", "fhir-request"), Action("send", "send-mss")));

        result.Report.Steps.ShouldSatisfyAllConditions(
            steps => steps.Select(step => step.Outcome).ShouldBe(["skip", "skip", "skip"]),
            steps => steps[0].Message.ShouldBe("passée par l'opérateur"),
            steps => Answered().Single().Property("answer").ShouldBe("skip"));
    }

    [Test]
    public async Task Help_prints_the_instruction_the_answers_and_the_connection_facts_again_then_waits_for_a_real_answer()
    {
        var actions = new Dictionary<string, Func<ManualPrompt, CancellationToken, Task<string>>>
        {
            ["create-usager"] = (prompt, _) => Task.FromResult(prompt.Attempt == 1 ? "?" : "o"),
        };
        await using var script = new ScriptedOperator(actions);

        var result = await RunAsync(Driver(script), Scenario("demo", Action("create", "create-usager")));

        result.Report.Steps.Single().Outcome.ShouldBe("pass");
        Answered().Select(answer => answer.Property("answer")).ShouldBe(["help", "done"]);
        await script.WaitForLineAsync("  ?  cette aide.", TimeSpan.FromSeconds(5));
        script.Transcript.ShouldContain("   Aide : la consigne de nouveau, puis les réponses possibles.");
        script.Transcript.Count(line => line == "  · Base FHIR : http://127.0.0.1:5555/fhir/").ShouldBe(2);
        script.Prompts.Select(prompt => prompt.Attempt).ShouldBe([1, 2]);
    }

    [Test]
    public async Task An_answer_not_understood_is_recorded_and_the_question_is_asked_again()
    {
        var actions = new Dictionary<string, Func<ManualPrompt, CancellationToken, Task<string>>>
        {
            ["create-usager"] = (prompt, _) => Task.FromResult(prompt.Attempt == 1 ? "bof" : "o"),
        };
        await using var script = new ScriptedOperator(actions);

        var result = await RunAsync(Driver(script), Scenario("demo", Action("create", "create-usager")));

        result.Report.Steps.Single().Outcome.ShouldBe("pass");
        Answered().Select(answer => answer.Property("answer")).ShouldBe(["unknown", "done"]);
        await script.WaitForLineAsync("   Réponse non comprise « bof » : tapez o, n, p ou ?.", TimeSpan.FromSeconds(5));
    }

    [Test]
    public async Task Without_traffic_or_answer_the_step_fails_after_its_timeout_with_a_reminder_every_interval_meanwhile()
    {
        // Note: a keyboard nobody types on after the set-up's Enter, a screen the test reads line by line, a fake clock.
        var keyboard = Channel.CreateUnbounded<string>();
        keyboard.Writer.TryWrite(string.Empty);
        var screen = Channel.CreateUnbounded<string>();
        var clock = new FakeTimeProvider();
        var options = new ManualDriverOptions { AnswerTimeout = TimeSpan.FromMinutes(10), ReminderInterval = TimeSpan.FromMinutes(2), Time = clock };
        var driver = new ManualDriver(Catalogue, _store, new LineChannelReader(keyboard.Reader), new LineChannelWriter(screen.Writer), options);
        async Task<string> ReadUntilAsync(string prefix)
        {
            while (true)
            {
                var line = await screen.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return line;
                }
            }
        }

        var run = RunAsync(driver, Scenario("demo", Action("create", "create-usager")));
        await ReadUntilAsync("> Votre réponse");
        var reminders = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(2));
            reminders.Add(await ReadUntilAsync("   … toujours en attente"));
        }

        clock.Advance(TimeSpan.FromMinutes(2));
        var timedOut = await ReadUntilAsync("   ⏱");
        var result = await run;

        reminders.ShouldBe([.. new[] { 2, 4, 6, 8 }.Select(minutes => $"   … toujours en attente depuis {minutes} min : Créer le dossier de l'usager MARTINEAU HELENE MARIE LOUISE [o/n/p/?]")]);
        timedOut.ShouldBe("   ⏱ Délai dépassé (10 min) : l'étape échoue.");
        result.Report.Steps.Single().ShouldSatisfyAllConditions(
            step => step.Outcome.ShouldBe("fail"),
            step => step.Message.ShouldBe("ni trafic observé ni réponse de l'opérateur en 10 min"));
        Answered().ShouldBeEmpty();
    }

    [Test]
    public async Task When_the_operators_input_ends_the_step_is_a_harness_error_not_a_dui_failure()
    {
        var output = new StringWriter();
        var driver = new ManualDriver(Catalogue, _store, new StringReader("\n"), output, new ManualDriverOptions());

        var result = await RunAsync(driver, Scenario("demo", Action("create", "create-usager")));

        result.Report.Steps.Single().ShouldSatisfyAllConditions(
            step => step.Outcome.ShouldBe("error"),
            step => step.Message!.ShouldStartWith(HarnessCodes.OperatorInputClosed));
        output.ToString().ShouldContain("(aucun point d'accès à paramétrer)");
    }

    [Test]
    public async Task The_connection_facts_come_once_before_the_first_scenario_and_each_scenario_and_step_has_a_header()
    {
        await using var script = new ScriptedOperator(Answers(("create-usager", "o"), ("qualify-identity", "o")));
        var driver = Driver(script);

        await RunAsync(driver, Scenario("first", Action("create", "create-usager"), Action("qualify", "qualify-identity")));
        await RunAsync(driver, Scenario("second", Action("create", "create-usager")));

        await script.WaitForLineAsync("═══ Scénario second · Démo second (1 action à faire) ═══", TimeSpan.FromSeconds(5));
        var transcript = script.Transcript;
        transcript.ShouldSatisfyAllConditions(
            () => transcript[0].ShouldBe("═══ Avant de commencer : paramétrez votre DUI ═══"),
            () => transcript.Count(line => line == "  · Base FHIR : http://127.0.0.1:5555/fhir/").ShouldBe(1),
            () => transcript.ShouldContain("── Étape 1/2 · create-usager · Créer le dossier de l'usager MARTINEAU HELENE MARIE LOUISE"),
            () => transcript.ShouldContain("── Étape 2/2 · qualify-identity · Valider l'identité de MARTINEAU HELENE MARIE LOUISE sur pièce d'identité"),
            () => transcript.ShouldContain("   1. Dans votre DUI, ouvrez la création d'un nouvel usager (admission, nouveau dossier)."),
            () => transcript.ShouldContain("> Votre réponse [o/n/p/?]"));
        script.Prompts.Select(prompt => (prompt.Scenario, prompt.Action)).ShouldBe([("first", "create-usager"), ("first", "qualify-identity"), ("second", "create-usager")]);
        script.Fact("Base FHIR").ShouldBe("http://127.0.0.1:5555/fhir/");
        _store.Items.Where(item => item.Kind == EvidenceKinds.OperatorAnswer && item.Property("answer") == "ready").Select(item => item.Tags).ShouldBe([new EvidenceTags("run-1", "first", "start")]);
    }

    [Test]
    public async Task With_lang_en_the_instructions_and_the_report_message_are_in_english_and_y_is_understood()
    {
        await using var script = new ScriptedOperator(Answers(("create-usager", "y")));

        var result = await RunAsync(Driver(script, new ManualDriverOptions { Language = "en" }), Scenario("demo", Action("create", "create-usager")), "en");

        result.Report.Steps.Single().Message.ShouldBe("attested by the operator, not observed by the harness");
        await script.WaitForLineAsync("> Your answer [y/n/s/?]", TimeSpan.FromSeconds(5));
        script.Transcript.ShouldContain("── Step 1/1 · create-usager · Create the record of usager MARTINEAU HELENE MARIE LOUISE");
        script.Transcript.ShouldContain("═══ Before starting: configure your DUI ═══");
    }

    [Test]
    public void The_proof_of_an_action_is_the_expectation_right_after_it_else_the_catalogue_default_else_none()
    {
        var driver = new ManualDriver(Catalogue, _store, new StringReader(string.Empty), new StringWriter(), new ManualDriverOptions());
        var lookup = Action("lookup", "lookup-ins");
        var publish = Action("publish", "publish-dmp");
        var create = Action("create", "create-usager");
        var scenario = Scenario("demo", create, lookup, Expect("insi-called", "insi-response"), publish, Action("send", "send-mss"), Expect("sent", "smtp-message"));

        driver.ProofFor(scenario, lookup)!.Kind.ShouldBe("insi-response");
        driver.ProofFor(scenario, publish)!.ShouldSatisfyAllConditions(
            proof => proof.Kind.ShouldBe("fhir-request"),
            proof => proof.Properties["interaction"].ShouldBe("ITI-65"));
        driver.ProofFor(scenario, create).ShouldBeNull();
    }

    [Test]
    public async Task Cancelling_the_run_while_the_driver_waits_for_the_operator_stops_the_wait_at_once()
    {
        var keyboard = Channel.CreateUnbounded<string>();
        keyboard.Writer.TryWrite(string.Empty);
        var driver = new ManualDriver(Catalogue, _store, new LineChannelReader(keyboard.Reader), new StringWriter(), new ManualDriverOptions());
        var scenario = Scenario("demo", Action("create", "create-usager"));
        await driver.StartScenarioAsync(scenario, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        Exception? thrown = null;
        try
        {
            await driver.PerformAsync(scenario.Steps[0], scenario.Data, cancel.Token).WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception exception)
        {
            thrown = exception;
        }

        thrown.ShouldBeAssignableTo<OperationCanceledException>();
    }

    [Test]
    public async Task A_line_typed_before_its_question_was_shown_is_recorded_but_never_taken_as_the_answer()
    {
        var keyboard = Channel.CreateUnbounded<string>();
        keyboard.Writer.TryWrite(string.Empty);
        var screen = new StringWriter();
        var driver = new ManualDriver(Catalogue, _store, new LineChannelReader(keyboard.Reader), screen, new ManualDriverOptions { AnswerTimeout = TimeSpan.FromSeconds(2) });
        var publish = Action("publish", "publish-dmp");
        var create = Action("create", "create-usager");
        var scenario = Scenario("demo", publish, create);
        await driver.StartScenarioAsync(scenario, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        // Note: the publication is observed, nobody presses Enter (the wait for it times out), then a stray « o » is typed.
        _store.Tags.Enter("demo", "publish");
        var published = driver.PerformAsync(publish, scenario.Data, CancellationToken.None);
        await _store.RecordAsync(EvidenceKinds.FhirRequest, "{}"u8.ToArray(), "application/fhir+json", new Dictionary<string, string> { ["interaction"] = "ITI-65" });
        (await published.WaitAsync(TimeSpan.FromSeconds(10))).Message!.ShouldStartWith("observée par le banc");
        keyboard.Writer.TryWrite("o");
        await Task.Delay(300);
        _store.Tags.Enter("demo", "create");
        var created = driver.PerformAsync(create, scenario.Data, CancellationToken.None);
        await Task.Delay(100);
        keyboard.Writer.TryWrite("p");
        var result = await created.WaitAsync(TimeSpan.FromSeconds(5));

        result.Skipped.ShouldBeTrue();
        Answered().Select(answer => answer.Property("answer")).ShouldBe(["ignored-early", "skip"]);
        screen.ToString().ShouldContain("   Ligne ignorée, tapée avant la question : « o ».");
    }

    [Test]
    public async Task A_script_that_throws_answers_impossible_with_the_exception_so_the_run_goes_on()
    {
        var actions = new Dictionary<string, Func<ManualPrompt, CancellationToken, Task<string>>>
        {
            ["publish-dmp"] = (_, _) => throw new InvalidOperationException("page introuvable"),
            ["send-mss"] = (_, _) => Task.FromResult("o"),
        };
        await using var script = new ScriptedOperator(actions);

        var result = await RunAsync(Driver(script), Scenario("demo", Action("publish", "publish-dmp"), Action("create", "create-usager")));

        result.Report.Steps.Select(step => step.Outcome).ShouldBe(["fail", "skip"]);
        result.Report.Steps[0].Message.ShouldBe("impossible selon l'opérateur : le script a échoué : InvalidOperationException: page introuvable");
    }
}
