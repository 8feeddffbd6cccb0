using System.Globalization;
using System.Text;
using System.Xml;

namespace DuiConformance.Core.Reporting;

/// <summary>
/// Renders <c>junit.xml</c> for CI tools (Jenkins, GitLab, GitHub test reporters): one <c>testsuite</c> per scenario,
/// one <c>testcase</c> per check run (classname = scenario id, name = check id and title).
/// </summary>
/// <remarks>
/// Outcomes map as STYLE.md rule 13 says: fail → <c>&lt;failure message type=code&gt;</c> with every finding in the
/// body, error → <c>&lt;error&gt;</c>, skip and omit → <c>&lt;skipped message=reason&gt;</c>. Each testcase carries a
/// <c>requirement</c> property per requirement it verifies. A scenario that stopped on a harness error, and a run where
/// no check ran, add an <c>&lt;error&gt;</c> testcase so CI never shows an empty green report for a broken run.
/// Checks carry no duration of their own: testcases have <c>time="0"</c>; the root has the run's duration.
/// </remarks>
public static class JUnitReportWriter
{
    /// <summary>The junit.xml text (UTF-8 declaration, indented).</summary>
    public static string Render(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var texts = ReportTexts.For(report.Language);
        var suites = BuildSuites(report, texts);
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
        };
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("testsuites");
            writer.WriteAttributeString("name", SafeText.Clean($"{report.Tool.Name} {report.Sut.Name} {report.RunId}"));
            WriteCounts(writer, suites.SelectMany(suite => suite.Cases).ToList());
            writer.WriteAttributeString("time", Seconds(report.FinishedAt - report.StartedAt));
            writer.WriteAttributeString("timestamp", Timestamp(report.StartedAt));
            var index = 0;
            foreach (var suite in suites)
            {
                WriteSuite(writer, suite, index++, report);
            }

            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static List<Suite> BuildSuites(RunReport report, ReportTexts texts)
    {
        var suites = new List<Suite>();
        var byScenario = new Dictionary<string, Suite>(StringComparer.Ordinal);
        foreach (var scenario in report.Scenarios)
        {
            if (!byScenario.ContainsKey(scenario.Id))
            {
                var suite = new Suite(scenario.Id, scenario.Title, []);
                byScenario[scenario.Id] = suite;
                suites.Add(suite);
            }
        }

        foreach (var check in report.Checks)
        {
            if (!byScenario.TryGetValue(check.Scenario, out var suite))
            {
                suite = new Suite(check.Scenario, check.Scenario, []);
                byScenario[check.Scenario] = suite;
                suites.Add(suite);
            }

            suite.Cases.Add(new Case(check.Scenario, $"{check.Id} — {check.Title}", check.Outcome, check, null));
        }

        foreach (var scenario in report.Scenarios.Where(scenario => scenario.Outcome == "error"))
        {
            var message = scenario.Steps.FirstOrDefault(step => step.Outcome == "error")?.Message ?? texts.ScenarioHarnessError;
            byScenario[scenario.Id].Cases.Add(new Case(scenario.Id, $"{scenario.Id} — {scenario.Title}", "error", null, message));
        }

        if (report.Checks.Count == 0)
        {
            var suite = new Suite("dui-conformance", report.Tool.Name, []);
            suite.Cases.Add(new Case("dui-conformance", "run", "error", null, texts.NoChecks));
            suites.Add(suite);
        }

        return suites;
    }

    private static void WriteSuite(XmlWriter writer, Suite suite, int index, RunReport report)
    {
        writer.WriteStartElement("testsuite");
        writer.WriteAttributeString("name", SafeText.Clean(suite.Id));
        writer.WriteAttributeString("id", index.ToString(CultureInfo.InvariantCulture));
        WriteCounts(writer, suite.Cases);
        writer.WriteAttributeString("time", "0");
        writer.WriteAttributeString("timestamp", Timestamp(report.StartedAt));
        writer.WriteStartElement("properties");
        WriteProperty(writer, "title", suite.Title);
        WriteProperty(writer, "sut", $"{report.Sut.Name} {report.Sut.Version}");
        WriteProperty(writer, "campaign", report.Campaign);
        writer.WriteEndElement();
        foreach (var testCase in suite.Cases)
        {
            WriteCase(writer, testCase, report.Language);
        }

        writer.WriteEndElement();
    }

    private static void WriteCase(XmlWriter writer, Case testCase, string language)
    {
        var texts = ReportTexts.For(language);
        writer.WriteStartElement("testcase");
        writer.WriteAttributeString("classname", SafeText.Clean(testCase.ClassName));
        writer.WriteAttributeString("name", SafeText.Clean(testCase.Name));
        writer.WriteAttributeString("time", "0");
        if (testCase.Check is { } check)
        {
            writer.WriteStartElement("properties");
            foreach (var requirement in check.Requirements)
            {
                WriteProperty(writer, "requirement", requirement);
            }

            writer.WriteEndElement();
        }

        var reason = testCase.Check?.Reason ?? testCase.Message;
        switch (testCase.Outcome)
        {
            case "pass":
                break;
            case "fail":
                var findings = testCase.Check?.Findings ?? [];
                var first = findings.FirstOrDefault(finding => finding.Severity == "error") ?? findings.FirstOrDefault();
                writer.WriteStartElement("failure");
                writer.WriteAttributeString("message", SafeText.Clean(first is null
                    ? reason ?? texts.OutcomeFail
                    : $"{texts.FindingsCount(findings.Count)}: {first.Code} {first.Message}"));
                writer.WriteAttributeString("type", SafeText.Clean(first?.Code ?? "fail"));
                writer.WriteString(SafeText.Clean(FindingsText(testCase.Check!, texts)));
                writer.WriteEndElement();
                break;
            case "error":
                writer.WriteStartElement("error");
                writer.WriteAttributeString("message", SafeText.Clean(reason ?? texts.OutcomeError));
                writer.WriteAttributeString("type", "harness");
                if (testCase.Check is not null && testCase.Check.Findings.Count > 0)
                {
                    writer.WriteString(SafeText.Clean(FindingsText(testCase.Check, texts)));
                }

                writer.WriteEndElement();
                break;
            default:
                // Note: skip and omit (and any outcome a newer report adds) are reported as skipped, never as passed.
                writer.WriteStartElement("skipped");
                writer.WriteAttributeString("message", SafeText.Clean(reason ?? texts.Outcome(testCase.Outcome)));
                writer.WriteEndElement();
                break;
        }

        writer.WriteEndElement();
    }

    private static string FindingsText(CheckReport check, ReportTexts texts)
    {
        var text = new StringBuilder();
        if (check.Reason is not null)
        {
            text.Append(check.Reason).Append('\n');
        }

        foreach (var finding in check.Findings)
        {
            text.Append(finding.Code).Append(" [").Append(texts.Severity(finding.Severity)).Append("] ").Append(finding.Message);
            if (finding.Location.Length > 0)
            {
                text.Append(" (").Append(finding.Location).Append(')');
            }

            text.Append('\n');
        }

        if (check.Evidence.Count > 0)
        {
            text.Append(texts.EvidenceLabel).Append(": ").Append(string.Join(", ", check.Evidence)).Append('\n');
        }

        return text.ToString();
    }

    private static void WriteCounts(XmlWriter writer, IReadOnlyCollection<Case> cases)
    {
        writer.WriteAttributeString("tests", cases.Count.ToString(CultureInfo.InvariantCulture));
        writer.WriteAttributeString("failures", cases.Count(c => c.Outcome == "fail").ToString(CultureInfo.InvariantCulture));
        writer.WriteAttributeString("errors", cases.Count(c => c.Outcome == "error").ToString(CultureInfo.InvariantCulture));
        writer.WriteAttributeString("skipped", cases.Count(c => c.Outcome is not ("pass" or "fail" or "error")).ToString(CultureInfo.InvariantCulture));
    }

    private static void WriteProperty(XmlWriter writer, string name, string value)
    {
        writer.WriteStartElement("property");
        writer.WriteAttributeString("name", name);
        writer.WriteAttributeString("value", SafeText.Clean(value));
        writer.WriteEndElement();
    }

    private static string Seconds(TimeSpan duration) =>
        Math.Max(0, duration.TotalSeconds).ToString("0.000", CultureInfo.InvariantCulture);

    // Note: the JUnit schema's timestamp is ISO 8601 without a zone designator; the run's times are UTC.
    private static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private sealed record Suite(string Id, string Title, List<Case> Cases);

    private sealed record Case(string ClassName, string Name, string Outcome, CheckReport? Check, string? Message);
}
