using DuiConformance.Core.Findings;
using DuiConformance.Core.Outcomes;
using DuiConformance.Core.Reporting;

namespace DuiConformance.Core.Tests.Reporting;

public sealed class RunReportBuilderTests
{
    [Test]
    public void A_run_where_every_check_passes_is_ready_everywhere()
    {
        var report = SampleRun.Report(SampleRun.AllPassing());

        report.ShouldSatisfyAllConditions(
            () => report.Outcome.ShouldBe("pass"),
            () => report.Requirements.Count.ShouldBe(12),
            () => report.Requirements.ShouldAllBe(requirement => requirement.Outcome == "pass" && requirement.Level == "SHALL"),
            () => report.Eligibility.ShouldAllBe(rule => rule.Status == "ready" && rule.BlockedBy.Count == 0 && rule.AtRiskBy.Count == 0),
            () => report.Summary.ShouldBe(new ReportSummary(12, 0, 0, 0, 12, 0, 0, 5, 0, 0)),
            () => ReportExitCodes.ForReport(report).ShouldBe(ReportExitCodes.Passed));
    }

    [Test]
    public void A_failed_check_fails_its_requirement_and_blocks_the_rules_that_need_it()
    {
        var checks = SampleRun.AllPassingBut("DUI-MSS-04", Outcome.Fail, SampleRun.Error("XDM-2001", "METADATA.XML absent", "DUI-MSS-04"));

        var report = SampleRun.Report(checks);

        report.ShouldSatisfyAllConditions(
            () => report.Outcome.ShouldBe("fail"),
            () => report.Requirements.Single(requirement => requirement.Outcome == "fail").Id.ShouldBe("DUI-MSS-04"),
            () => Status(report, "2025-ACQUISITION").ShouldBe("blocked"),
            () => Status(report, "2025-SONS-INSTALLATION-PROOF").ShouldBe("blocked"),
            () => Status(report, "2025-DMP-USAGE-TARGET").ShouldBe("ready"),
            () => report.Eligibility[0].BlockedBy.ShouldBe(["DUI-MSS-04"]),
            () => report.Summary.ChecksFailed.ShouldBe(1),
            () => report.Summary.RulesBlocked.ShouldBe(4),
            () => ReportExitCodes.ForReport(report).ShouldBe(ReportExitCodes.Failed));
    }

    [Test]
    public void A_requirement_with_no_check_is_not_proven_and_puts_its_rules_at_risk_without_failing_the_run()
    {
        var checks = SampleRun.AllPassing().Where(run => !run.Definition.Verifies.Contains("DUI-CDA-04")).ToList();

        var report = SampleRun.Report(checks);

        report.ShouldSatisfyAllConditions(
            () => report.Requirements.Single(requirement => requirement.Id == "DUI-CDA-04").Outcome.ShouldBe("skip"),
            () => report.Requirements.Single(requirement => requirement.Id == "DUI-CDA-04").Checks.ShouldBeEmpty(),
            () => Status(report, "2025-DMP-USAGE-TARGET").ShouldBe("at-risk"),
            () => report.Eligibility.Single(rule => rule.Id == "2025-DMP-USAGE-TARGET").AtRiskBy.ShouldBe(["DUI-CDA-04"]),
            () => Status(report, "2025-SONS-INSTALLATION-PROOF").ShouldBe("ready"),
            () => report.Summary.RequirementsNotProven.ShouldBe(1),
            () => report.Outcome.ShouldBe("pass"));
    }

    [Test]
    public void A_requirement_rolls_up_every_check_that_verifies_it_across_scenarios()
    {
        var check = SampleRun.Check("mss.headers.nil", "DUI-MSS-01");
        var checks = SampleRun.AllPassing();
        checks.Add(SampleRun.Run(SampleRun.DmpScenario, check, Outcome.Pass));
        checks.Add(SampleRun.Run("mss-reply", check, Outcome.Skip));

        var report = SampleRun.Report(checks);
        var requirement = report.Requirements.Single(requirement => requirement.Id == "DUI-MSS-01");

        requirement.Outcome.ShouldBe("skip");
        requirement.Checks.ShouldBe(["check.dui-mss-01", "mss.headers.nil"]);
        report.Outcome.ShouldBe("skip");
        ReportExitCodes.ForReport(report).ShouldBe(ReportExitCodes.Failed);
    }

    [Test]
    public void A_failed_check_over_two_requirements_fails_only_the_one_its_findings_name()
    {
        var check = SampleRun.Check("cda.header.identification", "DUI-CDA-01", "DUI-CDA-02");
        var checks = SampleRun.AllPassing()
            .Where(run => !run.Definition.Verifies.Intersect(["DUI-CDA-01", "DUI-CDA-02"]).Any())
            .Append(SampleRun.Run(SampleRun.DmpScenario, check, Outcome.Fail, SampleRun.Error("CDA-1001", "realmCode absent", "DUI-CDA-01")))
            .ToList();

        var outcomes = RunReportBuilder.RequirementOutcomes(checks, SampleRun.Catalogue);

        outcomes["DUI-CDA-01"].ShouldBe(Outcome.Fail);
        outcomes["DUI-CDA-02"].ShouldBe(Outcome.Pass);
    }

    [Test]
    public void A_failed_check_whose_findings_name_no_requirement_fails_all_it_verifies()
    {
        var check = SampleRun.Check("cda.header.identification", "DUI-CDA-01", "DUI-CDA-02");
        var run = SampleRun.Run(SampleRun.DmpScenario, check, Outcome.Fail, SampleRun.Error("CDA-1001", "not XML"));

        var outcomes = RunReportBuilder.RequirementOutcomes([run], SampleRun.Catalogue);

        outcomes["DUI-CDA-01"].ShouldBe(Outcome.Fail);
        outcomes["DUI-CDA-02"].ShouldBe(Outcome.Fail);
        outcomes["DUI-SEC-01"].ShouldBe(Outcome.Skip);
    }

    [Test]
    public void Omitted_checks_make_their_rules_not_applicable_and_do_not_fail_the_run()
    {
        var omitted = new[] { "DUI-CDA-01", "DUI-CDA-02", "DUI-CDA-03", "DUI-CDA-04", "DUI-DMP-01", "DUI-DMP-02", "DUI-DMP-03" };
        var checks = SampleRun.AllPassing()
            .Select(run => omitted.Contains(run.Definition.Verifies[0]) ? SampleRun.Run(run.Scenario, run.Definition, Outcome.Omit) : run)
            .ToList();

        var report = SampleRun.Report(checks);

        Status(report, "2025-DMP-USAGE-TARGET").ShouldBe("not-applicable");
        Status(report, "2025-ACQUISITION").ShouldBe("ready");
        report.Outcome.ShouldBe("pass");
    }

    [Test]
    public void A_check_error_makes_the_run_a_harness_error()
    {
        var report = SampleRun.Report(SampleRun.AllPassingBut("DUI-SEC-01", Outcome.Error));

        report.Outcome.ShouldBe("error");
        report.Summary.ChecksErrored.ShouldBe(1);
        report.Requirements.Single(requirement => requirement.Id == "DUI-SEC-01").Outcome.ShouldBe("error");
        Status(report, "2025-SONS-INSTALLATION-PROOF").ShouldBe("at-risk");
        ReportExitCodes.ForReport(report).ShouldBe(ReportExitCodes.HarnessError);
    }

    [Test]
    public void A_scenario_that_stopped_on_a_harness_error_makes_the_run_an_error_even_when_checks_fail()
    {
        var input = SampleRun.Input(SampleRun.AllPassingBut("DUI-DMP-03", Outcome.Fail, SampleRun.Error("FHIR-5003", "hash", "DUI-DMP-03")), scenarios: SampleRun.Scenarios("error"));

        RunReportBuilder.Build(input).Outcome.ShouldBe("error");
    }

    [Test]
    public void A_run_with_no_check_at_all_is_a_harness_error()
    {
        var report = SampleRun.Report([]);

        report.Outcome.ShouldBe("error");
        report.Requirements.ShouldAllBe(requirement => requirement.Outcome == "skip");
        report.Eligibility.ShouldAllBe(rule => rule.Status == "at-risk");
        ReportExitCodes.ForReport(report).ShouldBe(ReportExitCodes.HarnessError);
    }

    [Test]
    public void Checks_that_verify_no_mandatory_requirement_do_not_decide_the_run()
    {
        var checks = SampleRun.AllPassing();
        checks.Add(SampleRun.Run(SampleRun.MssScenario, SampleRun.Check("mss.informative"), Outcome.Fail, SampleRun.Error("SMTP-3999", "informative")));

        SampleRun.Report(checks).Outcome.ShouldBe("pass");
    }

    [Test]
    public void A_check_verifying_an_unknown_requirement_is_a_wiring_error()
    {
        var checks = SampleRun.AllPassing();
        checks.Add(SampleRun.Run(SampleRun.MssScenario, SampleRun.Check("mss.unknown", "DUI-MSS-99"), Outcome.Pass));

        Should.Throw<ArgumentException>(() => SampleRun.Report(checks)).Message.ShouldContain("DUI-MSS-99");
    }

    [Test]
    public void An_unsupported_language_is_refused()
    {
        Should.Throw<ArgumentException>(() => RunReportBuilder.Build(SampleRun.Input(SampleRun.AllPassing(), language: "de")));
    }

    [Test]
    public void Titles_and_findings_follow_the_report_language_and_keep_their_location_parts()
    {
        var checks = SampleRun.AllPassingBut("DUI-CDA-01", Outcome.Fail, SampleRun.Error("CDA-1001", "realmCode absent", "DUI-CDA-01"));

        var french = SampleRun.Report(checks, "fr");
        var english = SampleRun.Report(checks, "en");
        var finding = french.Checks.Single(check => check.Outcome == "fail").Findings.Single();

        french.Requirements[0].Title.ShouldStartWith("En-tête CDA");
        english.Requirements[0].Title.ShouldStartWith("CDA header");
        french.Checks[0].Title.ShouldStartWith("Contrôle");
        english.Checks[0].Title.ShouldStartWith("Check");
        english.Eligibility[0].Title.ShouldStartWith("Funding");
        finding.ShouldSatisfyAllConditions(
            () => finding.Severity.ShouldBe("error"),
            () => finding.Location.ShouldBe("ev-0001 IHE_XDM.ZIP /ClinicalDocument/realmCode @3:7"),
            () => finding.Where.ShouldBe(new LocationReport("ev-0001", "IHE_XDM.ZIP", "/ClinicalDocument/realmCode", 3, 7)));
    }

    [Test]
    public void A_finding_without_location_has_no_location_parts()
    {
        var finding = new Finding("SMTP-3001", Severity.Warning, "bare LF", FindingLocation.None, ["DUI-MSS-03"]);
        var report = SampleRun.Report(SampleRun.AllPassingBut("DUI-MSS-03", Outcome.Pass, finding));

        var reported = report.Checks.Single(check => check.Findings.Count > 0).Findings.Single();
        reported.Where.ShouldBeNull();
        reported.Location.ShouldBe(string.Empty);
        reported.Severity.ShouldBe("warning");
    }

    [TestCase(Outcome.Pass, ReportExitCodes.Passed)]
    [TestCase(Outcome.Omit, ReportExitCodes.Passed)]
    [TestCase(Outcome.Fail, ReportExitCodes.Failed)]
    [TestCase(Outcome.Skip, ReportExitCodes.Failed)]
    [TestCase(Outcome.Error, ReportExitCodes.HarnessError)]
    public void Exit_codes_follow_the_overall_outcome(Outcome outcome, int exitCode)
    {
        ReportExitCodes.ForOutcome(outcome).ShouldBe(exitCode);
        ReportExitCodes.ForOutcome(outcome.ToWireName()).ShouldBe(exitCode);
    }

    [Test]
    public void An_outcome_that_is_not_a_wire_name_has_no_exit_code()
    {
        Should.Throw<FormatException>(() => ReportExitCodes.ForOutcome("passed"));
    }

    private static string Status(RunReport report, string ruleId) => report.Eligibility.Single(rule => rule.Id == ruleId).Status;
}
