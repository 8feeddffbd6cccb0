using System.Xml.Linq;
using DuiConformance.Core.Outcomes;
using DuiConformance.Core.Reporting;

namespace DuiConformance.Core.Tests.Reporting;

public sealed class JUnitReportWriterTests
{
    [Test]
    public void Junit_xml_is_well_formed_and_its_counts_match_the_report()
    {
        var checks = SampleRun.AllPassingBut("DUI-CDA-01", Outcome.Fail, SampleRun.Error("CDA-1001", "realmCode absent", "DUI-CDA-01"), SampleRun.Error("CDA-1002", "typeId absent", "DUI-CDA-01"));
        checks[5] = SampleRun.Run(checks[5].Scenario, checks[5].Definition, Outcome.Skip);
        checks[6] = SampleRun.Run(checks[6].Scenario, checks[6].Definition, Outcome.Error);
        checks[7] = SampleRun.Run(checks[7].Scenario, checks[7].Definition, Outcome.Omit);
        var report = SampleRun.Report(checks);

        var document = XDocument.Parse(JUnitReportWriter.Render(report));
        var root = document.Root!;
        var cases = root.Descendants("testcase").ToList();

        root.Name.LocalName.ShouldBe("testsuites");
        root.ShouldSatisfyAllConditions(
            () => Attribute(root, "tests").ShouldBe("12"),
            () => Attribute(root, "failures").ShouldBe("1"),
            () => Attribute(root, "errors").ShouldBe("1"),
            () => Attribute(root, "skipped").ShouldBe("2"),
            () => Attribute(root, "time").ShouldBe("83.400"),
            () => cases.Count.ShouldBe(report.Checks.Count),
            () => cases.Count(c => c.Element("failure") is not null).ShouldBe(report.Summary.ChecksFailed),
            () => cases.Count(c => c.Element("error") is not null).ShouldBe(report.Summary.ChecksErrored),
            () => cases.Count(c => c.Element("skipped") is not null).ShouldBe(2));
        foreach (var suite in root.Elements("testsuite"))
        {
            Attribute(suite, "tests").ShouldBe(suite.Elements("testcase").Count().ToString());
            Attribute(suite, "failures").ShouldBe(suite.Elements("testcase").Count(c => c.Element("failure") is not null).ToString());
            suite.Attribute("time").ShouldNotBeNull();
            suite.Attribute("timestamp")!.Value.ShouldBe("2025-10-01T08:30:00");
        }

        root.Elements("testsuite").Select(suite => Attribute(suite, "name")).ShouldBe([SampleRun.DmpScenario, SampleRun.MssScenario]);
    }

    [Test]
    public void A_failed_check_lists_its_findings_and_names_its_requirements()
    {
        var checks = SampleRun.AllPassingBut("DUI-CDA-01", Outcome.Fail, SampleRun.Error("CDA-1001", "realmCode absent", "DUI-CDA-01"), SampleRun.Error("CDA-1002", "typeId absent", "DUI-CDA-01"));

        var testCase = XDocument.Parse(JUnitReportWriter.Render(SampleRun.Report(checks))).Descendants("testcase").Single(c => c.Element("failure") is not null);
        var failure = testCase.Element("failure")!;

        testCase.ShouldSatisfyAllConditions(
            () => Attribute(testCase, "classname").ShouldBe(SampleRun.DmpScenario),
            () => Attribute(testCase, "name").ShouldBe("check.dui-cda-01 — Contrôle check.dui-cda-01"),
            () => testCase.Element("properties")!.Elements("property").Select(p => (Attribute(p, "name"), Attribute(p, "value"))).ShouldBe([("requirement", "DUI-CDA-01")]),
            () => Attribute(failure, "type").ShouldBe("CDA-1001"),
            () => Attribute(failure, "message").ShouldBe("2 constats: CDA-1001 realmCode absent"),
            () => failure.Value.ShouldContain("CDA-1002 [Erreur] typeId absent (ev-0001 IHE_XDM.ZIP /ClinicalDocument/realmCode @3:7)"));
    }

    [Test]
    public void Skipped_and_errored_checks_carry_their_reason()
    {
        var checks = SampleRun.AllPassingBut("DUI-SEC-01", Outcome.Skip);
        checks[0] = SampleRun.Run(checks[0].Scenario, checks[0].Definition, Outcome.Error);

        var cases = XDocument.Parse(JUnitReportWriter.Render(SampleRun.Report(checks))).Descendants("testcase").ToList();

        Attribute(cases.Single(c => c.Element("skipped") is not null).Element("skipped")!, "message").ShouldBe("reason for check.dui-sec-01");
        Attribute(cases.Single(c => c.Element("error") is not null).Element("error")!, "message").ShouldBe("reason for check.dui-cda-01");
    }

    [Test]
    public void A_run_with_no_check_is_an_error_in_ci_not_an_empty_green_report()
    {
        var root = XDocument.Parse(JUnitReportWriter.Render(SampleRun.Report([]))).Root!;

        Attribute(root, "tests").ShouldBe("1");
        Attribute(root, "errors").ShouldBe("1");
    }

    [Test]
    public void Hostile_text_from_evidence_cannot_break_the_xml()
    {
        var message = "bad \u0001 byte </failure><script>alert(1)</script> \uD800 & ]]>";
        var checks = SampleRun.AllPassingBut("DUI-MSS-03", Outcome.Fail, SampleRun.Error("SMTP-3001", message, "DUI-MSS-03"));

        var failure = XDocument.Parse(JUnitReportWriter.Render(SampleRun.Report(checks))).Descendants("failure").Single();

        failure.Value.ShouldContain("bad \uFFFD byte </failure><script>alert(1)</script> \uFFFD & ]]>");
    }

    private static string Attribute(XElement element, string name) => element.Attribute(name)?.Value ?? throw new InvalidOperationException($"<{element.Name}> has no {name}");
}
