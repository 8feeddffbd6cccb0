using DuiConformance.Cli.Running;
using DuiConformance.Core.Reporting;
using DuiConformance.Scenarios.Definitions;

namespace DuiConformance.Cli.Tests;

public sealed class RunProgressTests
{
    private static ScenarioDefinition Scenario(string id) =>
        new(id, "Titre " + id, "Title " + id, [], new ScenarioData(new Dictionary<string, string>()), [], id + ".yaml");

    private static StepReport Step(string id, string outcome) => new(id, "action", "Action " + id, outcome, null, []);

    [Test]
    public void One_lane_writes_each_line_as_it_happens()
    {
        var output = new StringWriter();
        var progress = new RunProgress(output, new CliTexts("fr"), 1, 1, quiet: false, live: false);

        progress.ScenarioStarted(1, Scenario("a"));
        progress.StepCompleted(1, Scenario("a"), Step("create-usager", "pass"));

        output.ToString().ShouldBe($"▶ a — Titre a{Environment.NewLine}  ✓ create-usager : Action create-usager{Environment.NewLine}");
    }

    [Test]
    public void Two_lanes_write_a_scenario_as_one_block_once_it_ends_so_lines_never_interleave()
    {
        var output = new StringWriter();
        var progress = new RunProgress(output, new CliTexts("fr"), 2, 2, quiet: false, live: false);

        progress.ScenarioStarted(1, Scenario("a"));
        progress.ScenarioStarted(2, Scenario("b"));
        progress.StepCompleted(2, Scenario("b"), Step("b1", "fail"));
        progress.StepCompleted(1, Scenario("a"), Step("a1", "pass"));
        output.ToString().ShouldBeEmpty();
        progress.ScenarioFinished(2, Scenario("b"));
        progress.ScenarioFinished(1, Scenario("a"));

        output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)
            .ShouldBe(["▶ b — Titre b", "  ✗ b1 : Action b1", "▶ a — Titre a", "  ✓ a1 : Action a1"]);
    }

    [Test]
    public void Quiet_writes_nothing()
    {
        var output = new StringWriter();
        var progress = new RunProgress(output, new CliTexts("fr"), 1, 1, quiet: true, live: true);

        progress.ScenarioStarted(1, Scenario("a"));
        progress.StepCompleted(1, Scenario("a"), Step("a1", "pass"));
        progress.ScenarioFinished(1, Scenario("a"));
        progress.Complete();

        output.ToString().ShouldBeEmpty();
    }

    [Test]
    public void The_live_status_line_counts_scenarios_and_checks_and_is_cleared_at_the_end()
    {
        var output = new StringWriter();
        var progress = new RunProgress(output, new CliTexts("fr"), 2, 1, quiet: false, live: true);

        progress.ScenarioStarted(1, Scenario("a"));
        progress.StepCompleted(1, Scenario("a"), new StepReport("judge", "check", "Contrôles (13)", "pass", null, []));
        progress.ScenarioFinished(1, Scenario("a"));
        progress.Complete();

        var text = output.ToString();
        text.ShouldContain("1/2 scénario(s) · 13 contrôle(s) jugé(s)");
        text.ShouldEndWith("\r\u001b[2K");
    }
}
