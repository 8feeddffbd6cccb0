using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DuiConformance.Core.Evidence;

namespace DuiConformance.Core.Reporting;

/// <summary>
/// Renders <c>report.html</c>: one self-contained file (inline CSS and SVG, no external resource, readable without
/// script), French by default, written for a reader who is not a developer. The first screen answers
/// "Prêt pour le référencement ?" and "Quels financements sont à risque ?"; the details follow.
/// </summary>
/// <remarks>
/// Stable hooks for tests and tools: <c>section#verdict[data-readiness]</c>, <c>section#eligibility</c> with one
/// <c>[data-rule-id]</c> card per rule holding a <c>[data-status]</c> badge, <c>table#requirements</c> with one
/// <c>tr[data-requirement-id][data-outcome]</c> per requirement, <c>details.check[data-check-id][data-scenario][data-outcome]</c>
/// per check run, <c>section#scenarios</c>. Evidence links are relative, <c>evidence/objects/…</c>: the evidence folder
/// sits beside report.html. Everything that comes from evidence or the DUI is HTML-encoded.
/// </remarks>
public static partial class HtmlReportWriter
{
    /// <summary>The report.html text.</summary>
    /// <param name="report">The run's report.</param>
    /// <param name="evidence">
    /// The run's evidence index (<see cref="EvidenceStore.Items"/>, or <see cref="EvidenceStore.ReadIndex"/> of the
    /// folder beside the report), used to turn evidence ids into links; without it ids are shown as plain text.
    /// </param>
    public static string Render(RunReport report, IReadOnlyList<EvidenceItem>? evidence = null) => Render(report, evidence, null);

    /// <summary>The report.html text, with the other language one click away.</summary>
    /// <param name="report">The run's report.</param>
    /// <param name="evidence">The run's evidence index, for links (see <see cref="Render(RunReport, IReadOnlyList{EvidenceItem}?)"/>).</param>
    /// <param name="otherLanguage">
    /// The same report in the other language (<see cref="ReportTranslator.Translate"/>), shown by the language switch;
    /// <c>null</c> renders the other language with the report's own titles.
    /// </param>
    public static string Render(RunReport report, IReadOnlyList<EvidenceItem>? evidence, RunReport? otherLanguage) =>
        Render(report, evidence, otherLanguage, null);

    /// <summary>The report.html text, with the other language one click away and evidence excerpts under each check.</summary>
    /// <param name="report">The run's report.</param>
    /// <param name="evidence">The run's evidence index, for links.</param>
    /// <param name="otherLanguage">The same report in the other language, or <c>null</c>.</param>
    /// <param name="excerpts">Readable excerpts by evidence id (<see cref="EvidenceExcerpts.Read"/>), or <c>null</c>.</param>
    public static string Render(RunReport report, IReadOnlyList<EvidenceItem>? evidence, RunReport? otherLanguage, IReadOnlyDictionary<string, string>? excerpts)
    {
        ArgumentNullException.ThrowIfNull(report);
        var texts = ReportTexts.For(report.Language);
        var evidenceById = new Dictionary<string, EvidenceItem>(StringComparer.Ordinal);
        foreach (var item in evidence ?? [])
        {
            evidenceById.TryAdd(item.Id, item);
        }

        var other = otherLanguage ?? report with { Language = report.Language == "en" ? "fr" : "en" };
        var html = new StringBuilder(128 * 1024);
        var title = $"{texts.DocumentTitle} — {report.Sut.Name} {report.Sut.Version}";
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(texts.Language).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"generator\" content=\"").Append(E($"{report.Tool.Name} {report.Tool.Version}")).Append("\">\n")
            .Append("<title>").Append(E(title)).Append("</title>\n<style>\n").Append(HtmlReportAssets.Style).Append("</style>\n</head>\n<body>\n");

        // Note: both languages are in the file (the page must stand alone); the second one is hidden, its ids and data-
        // hooks prefixed so selectors and anchors stay unique, and the switch (script) swaps them.
        var otherMore = ActionTexts.For(other.Language);
        html.Append("<div class=\"lang-switch\" hidden><button type=\"button\" id=\"lang-switch\" data-lang-target=\"").Append(other.Language)
            .Append("\" title=\"").Append(E(ActionTexts.For(report.Language).SwitchTitle)).Append("\" data-label-other=\"").Append(E(otherMore.SwitchLabel))
            .Append("\">").Append(E(ActionTexts.For(report.Language).SwitchLabel)).Append("</button></div>\n");
        html.Append("<div class=\"lang-body\" data-lang=\"").Append(report.Language).Append("\" lang=\"").Append(report.Language).Append("\">\n");
        AppendBody(html, report, evidenceById, excerpts);
        html.Append("</div>\n<div class=\"lang-body alt\" data-lang=\"").Append(other.Language).Append("\" lang=\"").Append(other.Language).Append("\" hidden>\n");
        var alternate = new StringBuilder(64 * 1024);
        AppendBody(alternate, other, evidenceById, excerpts);
        html.Append(Alternate(alternate.ToString()));
        html.Append("</div>\n<script>\n").Append(HtmlReportAssets.Script).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendBody(StringBuilder html, RunReport report, Dictionary<string, EvidenceItem> evidenceById, IReadOnlyDictionary<string, string>? excerpts)
    {
        var texts = ReportTexts.For(report.Language);
        var more = ActionTexts.For(report.Language);
        var title = $"{texts.DocumentTitle} — {report.Sut.Name} {report.Sut.Version}";
        html.Append("<header class=\"page\">\n<h1>").Append(E(title)).Append("</h1>\n<p class=\"muted\">")
            .Append(E($"{texts.CampaignLabel} {report.Campaign} · {texts.Time(report.StartedAt)} · {report.Tool.Name} {report.Tool.Version}"));
        if (report.MergedFrom is { Count: > 1 } merged)
        {
            html.Append(" · ").Append(E(more.MergedFrom(merged.Count)));
        }

        html.Append("</p>\n<nav class=\"contents\" aria-label=\"").Append(E(texts.ContentsLabel)).Append("\"><ul>")
            .Append("<li><a href=\"#verdict\">").Append(E(texts.ReadyQuestion)).Append("</a></li>")
            .Append("<li><a href=\"#eligibility\">").Append(E(texts.FundingQuestion)).Append("</a></li>")
            .Append("<li><a href=\"#fix-first\">").Append(E(more.FixFirstHeading)).Append("</a></li>")
            .Append("<li><a href=\"#funding\">").Append(E(more.FundingHeading)).Append("</a></li>")
            .Append("<li><a href=\"#matrix-section\">").Append(E(more.MatrixHeading)).Append("</a></li>")
            .Append("<li><a href=\"#requirements-section\">").Append(E(texts.RequirementsHeading)).Append("</a></li>")
            .Append("<li><a href=\"#checks\">").Append(E(texts.ChecksHeading)).Append("</a></li>")
            .Append("<li><a href=\"#scenarios\">").Append(E(texts.ScenariosHeading)).Append("</a></li>")
            .Append("<li><a href=\"#about\">").Append(E(texts.AboutHeading)).Append("</a></li>")
            .Append("</ul></nav>\n</header>\n<main>\n");

        var anchors = CheckAnchors(report);
        AppendVerdict(html, report, texts);
        AppendEligibility(html, report, texts);
        HtmlActionSections.AppendFixFirst(html, report, texts, more);
        HtmlActionSections.AppendFunding(html, report, texts, more);
        HtmlActionSections.AppendMatrix(html, report, texts, more);
        AppendRequirements(html, report, texts, anchors);
        AppendChecks(html, report, texts, anchors, evidenceById, excerpts);
        AppendScenarios(html, report, texts, evidenceById);
        html.Append("</main>\n");
        AppendFooter(html, report, texts);
    }

    // Note: every attribute the body writes is escaped (SafeText), so these patterns only meet markup the writer made.
    private static string Alternate(string body)
    {
        body = IdAttribute().Replace(body, "${space}id=\"alt-");
        body = body.Replace("href=\"#", "href=\"#alt-", StringComparison.Ordinal);
        body = LabelledBy().Replace(body, match => "aria-labelledby=\"" + string.Join(' ', match.Groups["ids"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(id => "alt-" + id)) + "\"");
        return DataAttribute().Replace(body, "${space}data-alt-");
    }

    private static void AppendVerdict(StringBuilder html, RunReport report, ReportTexts texts)
    {
        var (verdict, failed, notProven) = ReadinessRules.Of(report);
        var readiness = ReadinessName(verdict);
        html.Append("<section id=\"verdict\" class=\"verdict ").Append(readiness).Append("\" data-readiness=\"").Append(readiness)
            .Append("\" data-outcome=\"").Append(E(report.Outcome)).Append("\" aria-labelledby=\"verdict-question\">\n<div>\n")
            .Append("<h2 id=\"verdict-question\">").Append(E(texts.ReadyQuestion)).Append("</h2>\n")
            .Append("<p class=\"answer\">").Append(E(texts.Verdict(verdict))).Append("</p>\n")
            .Append("<p>").Append(E(texts.VerdictExplanation(verdict, failed, notProven))).Append("</p>\n<ul class=\"counts\">\n")
            .Append("<li>").Append(E(texts.RequirementCounts(report.Summary, report.Requirements.Count))).Append("</li>\n")
            .Append("<li>").Append(E(texts.CheckCounts(report.Summary))).Append("</li>\n")
            .Append("<li>").Append(E(texts.RuleCounts(report.Summary))).Append("</li>\n</ul>\n");
        if (report.FixFirst is { Count: > 0 } fixFirst)
        {
            var more = ActionTexts.For(report.Language);
            var top = fixFirst[0];
            html.Append("<p class=\"fix-hint\"><strong>").Append(E(more.FixFirstHeading)).Append(texts.Colon).Append("</strong><a href=\"#fix-first\">")
                .Append(E(top.Requirement)).Append("</a> ").Append(E(top.Title)).Append(" — ").Append(E(more.HoldsBack(top.Rules.Count))).Append("</p>\n");
        }

        html.Append("</div>\n");
        HtmlDonutChart.Render(html, report, texts);
        html.Append("</section>\n");
    }

    private static void AppendEligibility(StringBuilder html, RunReport report, ReportTexts texts)
    {
        var requirements = report.Requirements.ToDictionary(requirement => requirement.Id, StringComparer.Ordinal);
        html.Append("<section id=\"eligibility\" aria-labelledby=\"eligibility-heading\">\n<h2 id=\"eligibility-heading\">")
            .Append(E(texts.FundingQuestion)).Append("</h2>\n");
        if (report.Eligibility.Count == 0)
        {
            html.Append("<p>").Append(E(texts.NoRules)).Append("</p>\n</section>\n");
            return;
        }

        if (report.Funding is { } funding)
        {
            var more = ActionTexts.For(report.Language);
            var total = funding.OwnerTotalEur + funding.EditorTotalEur;
            html.Append("<p class=\"headline\" data-at-risk-eur=\"").Append(funding.AtRiskEur.ToString(CultureInfo.InvariantCulture)).Append("\"><strong>")
                .Append(E(more.AtRiskHeadline(more.Eur(funding.AtRiskEur), more.Eur(total)))).Append("</strong> <a href=\"#funding\">")
                .Append(E(more.FundingHeading)).Append("</a></p>\n");
        }

        html.Append("<div class=\"cards\">\n");
        foreach (var rule in report.Eligibility)
        {
            var status = StatusClass(rule.Status);
            html.Append("<article class=\"card ").Append(status).Append("\" data-rule-id=\"").Append(E(rule.Id)).Append("\">\n")
                .Append("<h3>").Append(E(rule.Title)).Append("</h3>\n")
                .Append("<p><span class=\"status ").Append(status).Append("\" data-status=\"").Append(E(rule.Status)).Append("\">")
                .Append("<span aria-hidden=\"true\">").Append(ReportTexts.StatusSymbol(rule.Status)).Append("</span> ")
                .Append(E(texts.Status(rule.Status))).Append("</span></p>\n")
                ;
            var onOrganisation = rule.Requires.Count == 0;
            if (!onOrganisation)
            {
                html.Append("<p>").Append(E(texts.StatusExplanation(rule.Status))).Append("</p>\n");
            }

            if (rule.Notes is { Count: > 0 } notes)
            {
                // Note: rules on the group say why through the organisation data, not through requirements.
                html.Append("<ul class=\"notes\">\n");
                foreach (var note in notes.Take(onOrganisation ? 6 : 3))
                {
                    html.Append("<li>").Append(E(note)).Append("</li>\n");
                }

                if (notes.Count > (onOrganisation ? 6 : 3))
                {
                    html.Append("<li class=\"muted\">…</li>\n");
                }

                html.Append("</ul>\n");
            }

            AppendRequirementList(html, texts.BlockedByLabel, "blocked-by", rule.BlockedBy, requirements, texts);
            AppendRequirementList(html, texts.AtRiskByLabel, "at-risk-by", rule.AtRiskBy, requirements, texts);
            html.Append("<p class=\"muted\">");
            if (!onOrganisation)
            {
                html.Append(E(texts.RequiredCount(rule.Requires.Count))).Append(' ');
            }

            html.Append("<code>").Append(E(rule.Id)).Append("</code>");
            if (!string.IsNullOrWhiteSpace(rule.Source))
            {
                html.Append("<br>").Append(E(texts.SourceLabel)).Append(E(texts.Colon)).Append(E(rule.Source));
            }

            html.Append("</p>\n</article>\n");
        }

        html.Append("</div>\n</section>\n");
    }

    private static void AppendRequirementList(
        StringBuilder html,
        string label,
        string cssClass,
        IReadOnlyList<string> ids,
        Dictionary<string, RequirementReport> requirements,
        ReportTexts texts)
    {
        if (ids.Count == 0)
        {
            return;
        }

        html.Append("<p><strong>").Append(E(label)).Append("</strong>").Append(E(texts.Colon.TrimEnd())).Append("</p>\n<ul class=\"")
            .Append(cssClass).Append("\">\n");
        foreach (var id in ids)
        {
            html.Append("<li data-requirement-id=\"").Append(E(id)).Append("\"><a href=\"#").Append(RequirementAnchor(id)).Append("\">")
                .Append(E(id)).Append("</a>");
            if (requirements.TryGetValue(id, out var requirement))
            {
                html.Append(' ').Append(E(requirement.Title)).Append(" — ").Append(E(texts.Outcome(requirement.Outcome)));
            }

            html.Append("</li>\n");
        }

        html.Append("</ul>\n");
    }

    private static void AppendRequirements(StringBuilder html, RunReport report, ReportTexts texts, Dictionary<CheckReport, string> anchors)
    {
        html.Append("<section id=\"requirements-section\" aria-labelledby=\"requirements-heading\">\n<h2 id=\"requirements-heading\">")
            .Append(E(texts.RequirementsHeading)).Append("</h2>\n<div class=\"scroll\"><table id=\"requirements\">\n<caption>").Append(E(texts.RequirementsCaption))
            .Append("</caption>\n<thead><tr>")
            .Append("<th scope=\"col\">").Append(E(texts.ColumnRequirement)).Append("</th>")
            .Append("<th scope=\"col\">").Append(E(texts.ColumnTitle)).Append("</th>")
            .Append("<th scope=\"col\">").Append(E(texts.ColumnLevel)).Append("</th>")
            .Append("<th scope=\"col\">").Append(E(texts.ColumnOfficialRef)).Append("</th>")
            .Append("<th scope=\"col\">").Append(E(texts.ColumnOutcome)).Append("</th>")
            .Append("<th scope=\"col\">").Append(E(texts.ColumnChecks)).Append("</th>")
            .Append("</tr></thead>\n<tbody>\n");
        foreach (var requirement in report.Requirements)
        {
            html.Append("<tr id=\"").Append(RequirementAnchor(requirement.Id)).Append("\" data-requirement-id=\"").Append(E(requirement.Id))
                .Append("\" data-outcome=\"").Append(E(requirement.Outcome)).Append("\">")
                .Append("<th scope=\"row\">").Append(E(requirement.Id)).Append("</th>")
                .Append("<td>").Append(E(requirement.Title)).Append("</td>")
                .Append("<td>").Append(E(texts.Level(requirement.Level))).Append("</td>")
                .Append("<td>").Append(requirement.OfficialRef is null ? "–" : E(requirement.OfficialRef.Replace(";", "; ", StringComparison.Ordinal))).Append("</td>")
                .Append("<td>").Append(Badge(requirement.Outcome, texts)).Append("</td><td>");
            var runs = report.Checks.Where(check => check.Requirements.Contains(requirement.Id)).ToList();
            if (runs.Count == 0 && !requirement.IsTestedByHarness)
            {
                var more = ActionTexts.For(report.Language);
                html.Append("<span class=\"verification\" data-verification=\"").Append(E(requirement.Verification)).Append("\">")
                    .Append(E(more.Verification(requirement.Verification!))).Append("</span>");
                if (!string.IsNullOrWhiteSpace(requirement.Reason))
                {
                    html.Append("<br><span class=\"muted small\">").Append(E(requirement.Reason)).Append("</span>");
                }
            }
            else if (runs.Count == 0)
            {
                html.Append("<span class=\"muted\">").Append(E(texts.NoCheck)).Append("</span>");
            }
            else
            {
                html.Append(string.Join(", ", runs.Select(check =>
                    $"<a href=\"#{anchors[check]}\"><code>{E(check.Id)}</code></a> <span class=\"muted\">({E(check.Scenario)})</span>")));
            }

            html.Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table></div>\n</section>\n");
    }

    private static void AppendChecks(
        StringBuilder html,
        RunReport report,
        ReportTexts texts,
        Dictionary<CheckReport, string> anchors,
        Dictionary<string, EvidenceItem> evidence,
        IReadOnlyDictionary<string, string>? excerpts)
    {
        html.Append("<section id=\"checks\" aria-labelledby=\"checks-heading\">\n<h2 id=\"checks-heading\">").Append(E(texts.ChecksHeading)).Append("</h2>\n");
        if (report.Checks.Count == 0)
        {
            html.Append("<p>").Append(E(texts.NoChecks)).Append("</p>\n</section>\n");
            return;
        }

        html.Append("<div class=\"controls\" id=\"check-controls\" hidden>")
            .Append("<button type=\"button\" id=\"expand-all\">").Append(E(texts.ExpandAll)).Append("</button>")
            .Append("<button type=\"button\" id=\"collapse-all\">").Append(E(texts.CollapseAll)).Append("</button>")
            .Append("<label><input type=\"checkbox\" id=\"problems-only\"> ").Append(E(texts.ProblemsOnly)).Append("</label></div>\n");
        var titles = report.Scenarios.GroupBy(scenario => scenario.Id, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.First().Title, StringComparer.Ordinal);
        foreach (var group in report.Checks.GroupBy(check => check.Scenario, StringComparer.Ordinal))
        {
            var scenarioTitle = titles.TryGetValue(group.Key, out var known) ? known : group.Key;
            html.Append("<h3>").Append(E(texts.ScenarioLabel)).Append(E(texts.Colon)).Append(E(scenarioTitle))
                .Append(" <code>").Append(E(group.Key)).Append("</code></h3>\n");
            foreach (var check in group)
            {
                AppendCheck(html, check, texts, anchors[check], evidence, excerpts);
            }
        }

        html.Append("</section>\n");
    }

    private static void AppendCheck(StringBuilder html, CheckReport check, ReportTexts texts, string anchor, Dictionary<string, EvidenceItem> evidence, IReadOnlyDictionary<string, string>? excerpts)
    {
        var open = check.Outcome is "fail" or "error" or "skip" ? " open" : string.Empty;
        html.Append("<details class=\"check\" id=\"").Append(anchor).Append("\" data-check-id=\"").Append(E(check.Id))
            .Append("\" data-scenario=\"").Append(E(check.Scenario)).Append("\" data-outcome=\"").Append(E(check.Outcome)).Append('"').Append(open).Append(">\n")
            .Append("<summary>").Append(Badge(check.Outcome, texts)).Append(" <strong>").Append(E(check.Title)).Append("</strong> <code>")
            .Append(E(check.Id)).Append("</code></summary>\n<div class=\"body\">\n<dl class=\"facts\">\n")
            .Append("<dt>").Append(E(texts.ScenarioLabel)).Append("</dt><dd><code>").Append(E(check.Scenario)).Append("</code></dd>\n")
            .Append("<dt>").Append(E(texts.VerifiesLabel)).Append("</dt><dd>")
            .Append(check.Requirements.Count == 0
                ? "–"
                : string.Join(", ", check.Requirements.Select(id => $"<a href=\"#{RequirementAnchor(id)}\">{E(id)}</a>")))
            .Append("</dd>\n");
        if (!string.IsNullOrWhiteSpace(check.Reason))
        {
            html.Append("<dt>").Append(E(texts.ReasonLabel)).Append("</dt><dd>").Append(E(check.Reason)).Append("</dd>\n");
        }

        html.Append("</dl>\n");
        if (check.Findings.Count == 0)
        {
            html.Append("<p class=\"muted\">").Append(E(texts.NoFindings)).Append("</p>\n");
        }
        else
        {
            html.Append("<table class=\"findings\">\n<caption>").Append(E(texts.FindingsCaption)).Append("</caption>\n<thead><tr>")
                .Append("<th scope=\"col\">").Append(E(texts.ColumnCode)).Append("</th>")
                .Append("<th scope=\"col\">").Append(E(texts.ColumnSeverity)).Append("</th>")
                .Append("<th scope=\"col\">").Append(E(texts.ColumnMessage)).Append("</th>")
                .Append("<th scope=\"col\">").Append(E(texts.ColumnLocation)).Append("</th>")
                .Append("</tr></thead>\n<tbody>\n");
            foreach (var finding in check.Findings)
            {
                html.Append("<tr data-code=\"").Append(E(finding.Code)).Append("\" data-severity=\"").Append(E(finding.Severity)).Append("\">")
                    .Append("<th scope=\"row\"><code>").Append(E(finding.Code)).Append("</code></th>")
                    .Append("<td>").Append(E(texts.Severity(finding.Severity))).Append("</td>")
                    .Append("<td>").Append(E(finding.Message)).Append("</td>")
                    .Append("<td>");
                if (finding.Location.Length > 0)
                {
                    html.Append("<code>").Append(E(finding.Location)).Append("</code>");
                    if (finding.Where?.Evidence is { } evidenceId && evidence.ContainsKey(evidenceId))
                    {
                        html.Append(' ').Append(EvidenceLink(evidenceId, evidence, texts, withDetails: false));
                    }
                }

                html.Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        if (check.Evidence.Count > 0)
        {
            html.Append("<p><strong>").Append(E(texts.EvidenceLabel)).Append("</strong></p>\n<ul class=\"evidence\">\n");
            foreach (var id in check.Evidence)
            {
                html.Append("<li>").Append(EvidenceLink(id, evidence, texts, withDetails: true));
                if (excerpts is not null && excerpts.TryGetValue(id, out var excerpt))
                {
                    html.Append("<details class=\"excerpt\"><summary>").Append(E(texts.Language == "en" ? "Preview" : "Aperçu")).Append("</summary><pre>")
                        .Append(E(excerpt)).Append("</pre></details>");
                }

                html.Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append("</div>\n</details>\n");
    }

    private static void AppendScenarios(StringBuilder html, RunReport report, ReportTexts texts, Dictionary<string, EvidenceItem> evidence)
    {
        html.Append("<section id=\"scenarios\" aria-labelledby=\"scenarios-heading\">\n<h2 id=\"scenarios-heading\">").Append(E(texts.ScenariosHeading)).Append("</h2>\n");
        foreach (var scenario in report.Scenarios)
        {
            html.Append("<article class=\"scenario\" data-scenario-id=\"").Append(E(scenario.Id)).Append("\" data-outcome=\"").Append(E(scenario.Outcome)).Append("\">\n")
                .Append("<h3>").Append(Badge(scenario.Outcome, texts)).Append(' ').Append(E(scenario.Title)).Append(" <code>").Append(E(scenario.Id)).Append("</code></h3>\n");
            if (scenario.Steps.Count == 0)
            {
                html.Append("<p class=\"muted\">").Append(E(texts.NoSteps)).Append("</p>\n</article>\n");
                continue;
            }

            html.Append("<table class=\"steps\">\n<thead><tr>")
                .Append("<th scope=\"col\">").Append(E(texts.ColumnStep)).Append("</th>")
                .Append("<th scope=\"col\">").Append(E(texts.ColumnKind)).Append("</th>")
                .Append("<th scope=\"col\">").Append(E(texts.ColumnTitle)).Append("</th>")
                .Append("<th scope=\"col\">").Append(E(texts.ColumnOutcome)).Append("</th>")
                .Append("<th scope=\"col\">").Append(E(texts.ColumnMessage)).Append("</th>")
                .Append("<th scope=\"col\">").Append(E(texts.ColumnEvidence)).Append("</th>")
                .Append("</tr></thead>\n<tbody>\n");
            foreach (var step in scenario.Steps)
            {
                html.Append("<tr data-step-id=\"").Append(E(step.Id)).Append("\" data-outcome=\"").Append(E(step.Outcome)).Append("\">")
                    .Append("<th scope=\"row\"><code>").Append(E(step.Id)).Append("</code></th>")
                    .Append("<td>").Append(E(step.Kind)).Append("</td>")
                    .Append("<td>").Append(E(step.Title)).Append("</td>")
                    .Append("<td>").Append(Badge(step.Outcome, texts)).Append("</td>")
                    .Append("<td>").Append(E(step.Message)).Append("</td><td>")
                    .Append(string.Join(", ", step.Evidence.Select(id => EvidenceLink(id, evidence, texts, withDetails: false))))
                    .Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n</article>\n");
        }

        html.Append("</section>\n");
    }

    private static void AppendFooter(StringBuilder html, RunReport report, ReportTexts texts)
    {
        void Fact(string label, string value) =>
            html.Append("<dt>").Append(E(label)).Append("</dt><dd>").Append(E(value)).Append("</dd>\n");

        html.Append("<footer class=\"page\" id=\"about\">\n<section aria-labelledby=\"about-heading\">\n<h2 id=\"about-heading\">")
            .Append(E(texts.AboutHeading)).Append("</h2>\n<dl class=\"facts\">\n");
        Fact(texts.ToolLabel, $"{report.Tool.Name} {report.Tool.Version}");
        Fact(texts.SutLabel, $"{report.Sut.Name} {report.Sut.Version}");
        Fact(texts.PresetLabel, report.Sut.Preset);
        Fact(texts.DefectsLabel, report.Sut.Defects.Count == 0 ? texts.NoneLabel : string.Join(", ", report.Sut.Defects));
        Fact(texts.CampaignLabel, report.Campaign);
        Fact(texts.RunLabel, report.RunId);
        Fact(texts.StartedLabel, texts.Time(report.StartedAt));
        Fact(texts.FinishedLabel, texts.Time(report.FinishedAt));
        Fact(texts.DurationLabel, texts.Duration(report.FinishedAt - report.StartedAt));
        html.Append("</dl>\n</section>\n</footer>\n");
    }

    private static string EvidenceLink(string id, Dictionary<string, EvidenceItem> evidence, ReportTexts texts, bool withDetails)
    {
        if (!evidence.TryGetValue(id, out var item) || !SafeEvidenceFile().IsMatch(item.File))
        {
            return withDetails
                ? $"<code>{E(id)}</code> <span class=\"muted\">({E(texts.EvidenceMissing)})</span>"
                : $"<code>{E(id)}</code>";
        }

        var link = $"<a href=\"evidence/{E(item.File)}\" type=\"{E(item.MediaType)}\"><code>{E(id)}</code></a>";
        return withDetails
            ? $"{link} <span class=\"muted\">{E(item.Kind)} · {E(item.MediaType)} · {E(texts.Bytes(item.Length))} · SHA-256 <code>{E(item.Sha256.Length > 12 ? item.Sha256[..12] : item.Sha256)}</code>…</span>"
            : link;
    }

    private static Dictionary<CheckReport, string> CheckAnchors(RunReport report)
    {
        // Note: reference identity, not record equality: two runs of the same check may report identical results.
        var anchors = new Dictionary<CheckReport, string>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < report.Checks.Count; i++)
        {
            anchors[report.Checks[i]] = string.Create(CultureInfo.InvariantCulture, $"check-{i + 1}");
        }

        return anchors;
    }

    private static string Badge(string outcome, ReportTexts texts) =>
        $"<span class=\"badge {OutcomeClass(outcome)}\"><span aria-hidden=\"true\">{ReportTexts.OutcomeSymbol(outcome)}</span> {E(texts.Outcome(outcome))}</span>";

    private static string OutcomeClass(string outcome) => outcome is "pass" or "fail" or "skip" or "error" or "omit" ? outcome : "omit";

    private static string StatusClass(string status) => status is "ready" or "at-risk" or "blocked" or "not-applicable" ? status : "not-applicable";

    private static string RequirementAnchor(string id) => "req-" + AnchorUnsafe().Replace(id, "_");

    private static string ReadinessName(Readiness verdict) => verdict switch
    {
        Readiness.Yes => "yes",
        Readiness.No => "no",
        Readiness.NotYet => "not-yet",
        Readiness.Undetermined => "undetermined",
        Readiness.NothingApplicable => "nothing-applicable",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, $"Enum values have been added to {nameof(Readiness)}: update {nameof(ReadinessName)}."),
    };

    private static string E(string? text) => SafeText.Html(text);

    // Note: only files the evidence store writes (objects/<sha256>.<ext>) become links; anything else in a tampered
    // index (an absolute path, "..", a javascript: URL) is shown as text.
    [GeneratedRegex(@"^objects/[0-9a-f]{64}\.[a-z0-9]{1,8}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SafeEvidenceFile();

    [GeneratedRegex(@"[^A-Za-z0-9_-]", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AnchorUnsafe();

    [GeneratedRegex(@"(?<space>\s)id=""", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"aria-labelledby=""(?<ids>[^""]*)""", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LabelledBy();

    [GeneratedRegex(@"(?<space>\s)data-(?!alt-)(?=[a-z-]+="")", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DataAttribute();
}
