using System.Text.Json.Nodes;
using DuiConformance.Core.Organisations;
using DuiConformance.Core.Outcomes;
using DuiConformance.Core.Reporting;

namespace DuiConformance.Core.Tests.Reporting;

public sealed class RunReportSchemaTests
{
    private static JsonNode CommittedSchema() => JsonNode.Parse(File.ReadAllText(RunReportSchema.DefaultPath))!;

    [Test]
    public void The_committed_schema_is_the_one_exported_from_the_report_model()
    {
        var exported = RunReportSchema.ExportText();
        var committed = File.ReadAllText(RunReportSchema.DefaultPath);

        if (committed != exported)
        {
            var fresh = Path.Combine(TestContext.CurrentContext.WorkDirectory, "report.schema.json");
            File.WriteAllText(fresh, exported);
            Assert.Fail($"profiles/schemas/report.schema.json is out of step with RunReport: copy {fresh} over it.");
        }
    }

    private static IEnumerable<TestCaseData> Reports()
    {
        yield return new TestCaseData(SampleRun.Report(SampleRun.AllPassing())).SetName("A passing run validates");
        yield return new TestCaseData(SampleRun.Report(SampleRun.AllPassingBut("DUI-MSS-04", Outcome.Fail, SampleRun.Error("XDM-2001", "METADATA.XML absent", "DUI-MSS-04")), "en")).SetName("A failing English run validates");
        var organisation = OrganisationFile.Load(RepositoryLayout.Fixture("organisations", "pdl-regional-2025.yaml"));
        var passing = SampleRun.Report(SampleRun.AllPassing());
        yield return new TestCaseData(RunReportMerger.Merge([("a.json", passing), ("b.json", passing with { RunId = "second" })])).SetName("A merged report validates");
        yield return new TestCaseData(RunReportBuilder.Build(SampleRun.Input(SampleRun.AllPassing()) with { Organisation = organisation })).SetName("A report with a funding estimate validates");
    }

    [TestCaseSource(nameof(Reports))]
    public void Report_json_validates_against_the_committed_schema(RunReport report)
    {
        var json = JsonNode.Parse(RunReportJson.Serialize(report));

        RunReportSchema.Validate(CommittedSchema(), json).ShouldBeEmpty();
    }

    [Test]
    public void The_validator_reports_a_wrong_outcome_a_missing_property_and_a_wrong_type_with_their_paths()
    {
        var json = JsonNode.Parse(RunReportJson.Serialize(SampleRun.Report(SampleRun.AllPassing())))!.AsObject();
        json["checks"]![0]!["outcome"] = "passed";
        json.Remove("campaign");
        json["summary"]!["checksPassed"] = "twelve";

        var errors = RunReportSchema.Validate(CommittedSchema(), json);

        errors.ShouldContain(error => error.StartsWith("$.checks[0].outcome: \"passed\" is not one of", StringComparison.Ordinal));
        errors.ShouldContain("$: required property 'campaign' is missing");
        errors.ShouldContain("$.summary.checksPassed: expected integer, found string");
    }
}
