using System.Text;

namespace DuiConformance.Core.Reporting;

/// <summary>
/// Renders <c>summary.md</c> for CI job summaries (GitHub <c>$GITHUB_STEP_SUMMARY</c>, GitLab, Azure): the verdict,
/// the counts, the requirement and eligibility tables, and the first findings. Everything from evidence is escaped so
/// no Markdown or HTML from the DUI reaches the page.
/// </summary>
public static class MarkdownSummaryWriter
{
    /// <summary>How many findings the summary lists before pointing at report.html.</summary>
    public const int TopFindingCount = 10;

    /// <summary>The summary.md text.</summary>
    public static string Render(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var texts = ReportTexts.For(report.Language);
        var (verdict, failed, notProven) = ReadinessRules.Of(report);
        var md = new StringBuilder();

        md.Append("## ").Append(VerdictSymbol(verdict)).Append(' ').Append(SafeText.Markdown(texts.DocumentTitle))
            .Append(" — ").Append(SafeText.Markdown($"{report.Sut.Name} {report.Sut.Version}")).Append("\n\n");
        md.Append("**").Append(SafeText.Markdown(texts.ReadyQuestion)).Append(' ').Append(SafeText.Markdown(texts.Verdict(verdict))).Append(".** ")
            .Append(SafeText.Markdown(texts.VerdictExplanation(verdict, failed, notProven))).Append("\n\n");
        md.Append("- ").Append(SafeText.Markdown(texts.RequirementCounts(report.Summary, report.Requirements.Count))).Append('\n');
        md.Append("- ").Append(SafeText.Markdown(texts.CheckCounts(report.Summary))).Append('\n');
        md.Append("- ").Append(SafeText.Markdown(texts.RuleCounts(report.Summary))).Append('\n');
        var more = ActionTexts.For(report.Language);
        if (report.Funding is { } funding)
        {
            md.Append("- ").Append(SafeText.Markdown(more.AtRiskHeadline(more.Eur(funding.AtRiskEur), more.Eur(funding.OwnerTotalEur + funding.EditorTotalEur)))).Append('\n');
        }

        if (report.FixFirst is { Count: > 0 } fixFirst)
        {
            md.Append("- ").Append(SafeText.Markdown($"{more.FixFirstHeading}{texts.Colon}{fixFirst[0].Requirement} — {more.HoldsBack(fixFirst[0].Rules.Count)}")).Append('\n');
        }
        md.Append("- ").Append(SafeText.Markdown($"{texts.CampaignLabel} {report.Campaign} · {texts.RunLabel} {report.RunId} · {texts.Time(report.StartedAt)}"))
            .Append("\n\n");

        md.Append("### ").Append(SafeText.Markdown(texts.RequirementsHeading)).Append("\n\n");
        md.Append("| ").Append(texts.ColumnRequirement).Append(" | ").Append(texts.ColumnTitle).Append(" | ")
            .Append(texts.ColumnLevel).Append(" | ").Append(texts.ColumnOutcome).Append(" |\n");
        md.Append("|---|---|---|---|\n");
        foreach (var requirement in report.Requirements)
        {
            md.Append("| ").Append(SafeText.Markdown(requirement.Id))
                .Append(" | ").Append(SafeText.Markdown(requirement.Title))
                .Append(" | ").Append(SafeText.Markdown(texts.Level(requirement.Level)))
                .Append(" | ").Append(ReportTexts.OutcomeSymbol(requirement.Outcome)).Append(' ').Append(SafeText.Markdown(texts.Outcome(requirement.Outcome)))
                .Append(" |\n");
        }

        md.Append("\n### ").Append(SafeText.Markdown(texts.FundingQuestion)).Append("\n\n");
        if (report.Eligibility.Count == 0)
        {
            md.Append(SafeText.Markdown(texts.NoRules)).Append("\n\n");
        }
        else
        {
            md.Append("| ").Append(texts.ColumnRule).Append(" | ").Append(texts.ColumnStatus).Append(" | ").Append(texts.ColumnDetail).Append(" |\n");
            md.Append("|---|---|---|\n");
            foreach (var rule in report.Eligibility)
            {
                var detail = new List<string>();
                if (rule.BlockedBy.Count > 0)
                {
                    detail.Add($"{texts.BlockedByLabel}{texts.Colon}{string.Join(", ", rule.BlockedBy)}");
                }

                if (rule.AtRiskBy.Count > 0)
                {
                    detail.Add($"{texts.AtRiskByLabel}{texts.Colon}{string.Join(", ", rule.AtRiskBy)}");
                }

                md.Append("| ").Append(SafeText.Markdown(rule.Title)).Append(" (").Append(SafeText.Markdown(rule.Id)).Append(')')
                    .Append(" | ").Append(ReportTexts.StatusSymbol(rule.Status)).Append(' ').Append(SafeText.Markdown(texts.Status(rule.Status)))
                    .Append(" | ").Append(SafeText.Markdown(detail.Count == 0 ? texts.StatusExplanation(rule.Status) : string.Join(" ; ", detail)))
                    .Append(" |\n");
            }

            md.Append('\n');
        }

        AppendTopFindings(md, report, texts);
        md.Append('_').Append(SafeText.Markdown(texts.FullReportHint)).Append("_\n");
        return md.ToString();
    }

    private static void AppendTopFindings(StringBuilder md, RunReport report, ReportTexts texts)
    {
        var findings = report.Checks
            .SelectMany(check => check.Findings.Select(finding => (Check: check, Finding: finding)))
            .OrderBy(item => SeverityRank(item.Finding.Severity))
            .ToList();
        var problems = report.Checks.Where(check => check.Outcome is "error" && check.Findings.Count == 0).ToList();
        if (findings.Count == 0 && problems.Count == 0)
        {
            return;
        }

        md.Append("### ").Append(SafeText.Markdown(texts.TopFindingsHeading)).Append("\n\n");
        foreach (var check in problems.Take(TopFindingCount))
        {
            md.Append("- ").Append(ReportTexts.OutcomeSymbol(check.Outcome)).Append(' ')
                .Append(SafeText.Markdown($"{check.Id} ({check.Scenario}){texts.Colon}{check.Reason ?? texts.OutcomeError}")).Append('\n');
        }

        foreach (var (check, finding) in findings.Take(Math.Max(0, TopFindingCount - problems.Count)))
        {
            md.Append("- ").Append(SafeText.Markdown(finding.Code)).Append(" · ").Append(SafeText.Markdown(texts.Severity(finding.Severity)))
                .Append(" · ").Append(SafeText.Markdown(string.Join(", ", check.Requirements)))
                .Append(" — ").Append(SafeText.Markdown(finding.Message));
            if (finding.Location.Length > 0)
            {
                md.Append(" (").Append(SafeText.Markdown(finding.Location)).Append(')');
            }

            md.Append(" — ").Append(SafeText.Markdown($"{check.Id}, {check.Scenario}")).Append('\n');
        }

        var shown = Math.Min(problems.Count, TopFindingCount) + Math.Min(findings.Count, Math.Max(0, TopFindingCount - problems.Count));
        var hidden = problems.Count + findings.Count - shown;
        if (hidden > 0)
        {
            md.Append("- ").Append(SafeText.Markdown(texts.MoreFindings(hidden))).Append('\n');
        }

        md.Append('\n');
    }

    private static int SeverityRank(string severity) => severity switch
    {
        "error" => 0,
        "warning" => 1,
        _ => 2,
    };

    private static string VerdictSymbol(Readiness verdict) => verdict switch
    {
        Readiness.Yes => "✅",
        Readiness.No => "❌",
        Readiness.NotYet => "⚠️",
        Readiness.Undetermined => "⛔",
        Readiness.NothingApplicable => "➖",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, $"Enum values have been added to {nameof(Readiness)}: update {nameof(VerdictSymbol)}."),
    };
}
