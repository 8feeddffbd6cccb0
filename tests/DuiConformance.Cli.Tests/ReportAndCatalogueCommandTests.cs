using DuiConformance.Core;
using DuiConformance.Core.Reporting;

namespace DuiConformance.Cli.Tests;

public sealed class ReportAndCatalogueCommandTests
{
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("dui-cli-report-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApplication.RunAsync(args, output, error).WaitAsync(TimeSpan.FromSeconds(30));
        return (code, output.ToString(), error.ToString());
    }

    [Test]
    public async Task Catalogue_coverage_writes_requirement_checks_and_scenarios_as_csv()
    {
        var path = Path.Combine(_directory, "coverage.csv");

        var (code, output, _) = await RunAsync("catalogue", "coverage", "--out", path);

        code.ShouldBe(ExitCodes.Passed, output);
        var lines = await File.ReadAllLinesAsync(path);
        lines[0].ShouldBe("requirement,theme,level,verification,checks,scenarios,reason,domain_section,applies_to");
        lines.ShouldContain(line => line.StartsWith("DUI-MSS-04,MSS,SHALL,automated,mss.xdm.layout,dlu-share,", StringComparison.Ordinal));
        lines.Length.ShouldBeGreaterThan(50);
    }

    [Test]
    public async Task A_faulty_organisation_file_is_a_usage_error_naming_each_faulty_line()
    {
        var file = RepositoryLayout.Fixture("organisations", "bad-finess.csv");

        var (code, _, error) = await RunAsync("run", "--organisation", file);

        code.ShouldBe(ExitCodes.Usage);
        error.ShouldContain(":3: la clé du numéro FINESS « 440070010 » est fausse");
        error.ShouldContain(":4: le numéro FINESS « 44007002 » doit compter 9 caractères");
    }

    private static RunReport Shard(string runId, string checkId, string requirement, string outcome, string otherRequirement)
    {
        var start = new DateTimeOffset(2025, 10, 1, 8, 0, 0, TimeSpan.Zero);
        return new RunReport
        {
            Tool = new ToolInfo("DuiConformance", "test"),
            Sut = new SutInfo("DUI", "1.0", "reference-dui", []),
            Campaign = "2025",
            RunId = runId,
            StartedAt = start,
            FinishedAt = start.AddMinutes(1),
            Outcome = outcome,
            Scenarios = [new ScenarioReport("s-" + runId, "Scénario " + runId, outcome, [], [requirement])],
            Checks = [new CheckReport(checkId, "Contrôle " + checkId, outcome, [requirement], "s-" + runId, [], [], null)],
            Requirements =
            [
                new RequirementReport(requirement, "Exigence " + requirement, requirement[4..7], "SHALL", null, outcome, [checkId]),
                new RequirementReport(otherRequirement, "Exigence " + otherRequirement, otherRequirement[4..7], "SHALL", null, "skip", []),
            ],
            Eligibility = [new EligibilityReport("2025-ACQUISITION", "Acquisition", "at-risk", ["DUI-CDA-01", "DUI-MSS-01"], [], [otherRequirement], "seed 003", "requirements-gate")],
            Summary = new ReportSummary(outcome == "pass" ? 1 : 0, outcome == "fail" ? 1 : 0, 0, 0, outcome == "pass" ? 1 : 0, outcome == "fail" ? 1 : 0, 1, 0, 1, 0),
        };
    }

    [Test]
    public async Task Report_merges_shards_rolls_requirements_up_again_and_re_evaluates_the_rules()
    {
        var first = Path.Combine(_directory, "a.json");
        var second = Path.Combine(_directory, "b.json");
        await RunReportJson.WriteAsync(Shard("a", "cda.header.realm-typeid", "DUI-CDA-01", "pass", "DUI-MSS-01"), first);
        await RunReportJson.WriteAsync(Shard("b", "mss.header.nil", "DUI-MSS-01", "fail", "DUI-CDA-01"), second);
        var merged = Path.Combine(_directory, "merged");

        var (code, output, _) = await RunAsync("report", first, second, "--out", merged);

        code.ShouldBe(ExitCodes.Failed, output);
        output.ShouldContain("Fusion : 2 rapport(s), 2 contrôles");
        var report = RunReportJson.Read(Path.Combine(merged, "report.json"));
        report.ShouldSatisfyAllConditions(
            () => report.RunId.ShouldBe("a+b"),
            () => report.Outcome.ShouldBe("fail"),
            () => report.Checks.Count.ShouldBe(2),
            () => report.Scenarios.Count.ShouldBe(2),
            () => report.Requirements.Single(requirement => requirement.Id == "DUI-CDA-01").Outcome.ShouldBe("pass"),
            () => report.Requirements.Single(requirement => requirement.Id == "DUI-MSS-01").Outcome.ShouldBe("fail"),
            () => report.Eligibility.Single().Status.ShouldBe("blocked"),
            () => report.Eligibility.Single().BlockedBy.ShouldBe(["DUI-MSS-01"]),
            () => report.MergedFrom!.Count.ShouldBe(2),
            () => File.Exists(Path.Combine(merged, "report.html")).ShouldBeTrue());
    }

    [Test]
    public async Task Merging_without_an_output_folder_is_a_usage_error()
    {
        var first = Path.Combine(_directory, "a.json");
        await RunReportJson.WriteAsync(Shard("a", "cda.header.realm-typeid", "DUI-CDA-01", "pass", "DUI-MSS-01"), first);

        var (code, _, error) = await RunAsync("report", first, first);

        code.ShouldBe(ExitCodes.Usage);
        error.ShouldContain("--out");
    }
}
