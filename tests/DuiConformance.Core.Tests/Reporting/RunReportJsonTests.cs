using System.Text.Json;
using DuiConformance.Core.Outcomes;
using DuiConformance.Core.Reporting;

namespace DuiConformance.Core.Tests.Reporting;

public sealed class RunReportJsonTests
{
    [Test]
    public async Task A_report_written_then_read_back_is_the_same_report()
    {
        var report = SampleRun.Report(SampleRun.AllPassingBut("DUI-CDA-01", Outcome.Fail, SampleRun.Error("CDA-1001", "realmCode <absent> & \"FR\"", "DUI-CDA-01")));
        var path = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.json");
        try
        {
            await RunReportJson.WriteAsync(report, path);
            var read = RunReportJson.Read(path);

            RunReportJson.Serialize(read).ShouldBe(RunReportJson.Serialize(report));
            read.ShouldSatisfyAllConditions(
                () => read.StartedAt.ShouldBe(report.StartedAt),
                () => read.Outcome.ShouldBe("fail"),
                () => read.Checks.Single(check => check.Outcome == "fail").Findings.Single().Message.ShouldBe("realmCode <absent> & \"FR\""),
                () => read.Checks.Single(check => check.Outcome == "fail").Findings.Single().Where!.Line.ShouldBe(3),
                () => read.Requirements.Select(requirement => requirement.Id).ShouldBe(report.Requirements.Select(requirement => requirement.Id)),
                () => read.Eligibility.Select(rule => rule.Status).ShouldBe(report.Eligibility.Select(rule => rule.Status)),
                () => read.Summary.ShouldBe(report.Summary),
                () => read.Sut.Defects.ShouldBeEmpty());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Report_json_uses_camel_case_wire_names_and_readable_accents()
    {
        var json = RunReportJson.Serialize(SampleRun.Report(SampleRun.AllPassing()));
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        root.GetProperty("schemaVersion").GetInt32().ShouldBe(1);
        root.GetProperty("outcome").GetString().ShouldBe("pass");
        root.GetProperty("tool").GetProperty("name").GetString().ShouldBe("DuiConformance");
        root.GetProperty("eligibility")[0].GetProperty("blockedBy").GetArrayLength().ShouldBe(0);
        root.GetProperty("requirements")[0].TryGetProperty("officialRef", out _).ShouldBeFalse();
        root.GetProperty("requirements")[7].GetProperty("officialRef").GetString().ShouldBe("SC.MSS/CONF.16");
        root.GetProperty("summary").GetProperty("rulesReady").GetInt32().ShouldBe(5);
        json.ShouldContain("En-tête CDA");
        json.ShouldContain("\n  \"schemaVersion\": 1");
    }

    [TestCase("{ not json", "report.json:")]
    [TestCase("null", "holds null")]
    [TestCase("{\"schemaVersion\": 1}", "not a DuiConformance report")]
    public void Something_that_is_not_a_report_is_refused_clearly(string json, string fragment)
    {
        Should.Throw<InvalidDataException>(() => RunReportJson.Deserialize(json)).Message.ShouldContain(fragment);
    }

    [Test]
    public void A_newer_schema_version_is_refused()
    {
        var json = RunReportJson.Serialize(SampleRun.Report(SampleRun.AllPassing())).Replace("\"schemaVersion\": 1", "\"schemaVersion\": 2");

        Should.Throw<InvalidDataException>(() => RunReportJson.Deserialize(json)).Message.ShouldContain("schemaVersion 2");
    }
}
