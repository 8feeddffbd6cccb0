using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DuiConformance.Core.Reporting;

/// <summary>
/// The sections of report.html a reader acts on: what to fix first (with an inline SVG bar chart), the requirement ×
/// funding matrix, and the funding estimate of the project (issue 5).
/// </summary>
/// <remarks>
/// Hooks (own attribute names, so the eligibility cards' <c>[data-rule-id]</c> stay unique): <c>section#fix-first</c>
/// with <c>li[data-fix-requirement][data-rules]</c> in order; <c>table#matrix</c> with <c>th[data-matrix-rule]</c>
/// columns, <c>tr[data-matrix-requirement]</c> rows and <c>td[data-matrix-requirement][data-matrix-rule][data-required]</c>
/// cells; <c>section#funding</c> with <c>[data-total]</c> figures, <c>tr[data-finess]</c> rows and
/// <c>tr[data-line-rule]</c> amounts.
/// </remarks>
internal static partial class HtmlActionSections
{
    public static void AppendFixFirst(StringBuilder html, RunReport report, ReportTexts texts, ActionTexts more)
    {
        var fixFirst = report.FixFirst ?? RunReportBuilder.FixFirst(report.Requirements, report.Eligibility);
        html.Append("<section id=\"fix-first\" aria-labelledby=\"fix-first-heading\">\n<h2 id=\"fix-first-heading\">").Append(E(more.FixFirstHeading)).Append("</h2>\n");
        if (fixFirst.Count == 0)
        {
            html.Append("<p>").Append(E(more.FixFirstNone)).Append("</p>\n</section>\n");
            return;
        }

        html.Append("<p class=\"muted\">").Append(E(more.FixFirstIntro)).Append("</p>\n<div class=\"fix-first\">\n<ol>\n");
        foreach (var entry in fixFirst)
        {
            html.Append("<li data-fix-requirement=\"").Append(E(entry.Requirement)).Append("\" data-rules=\"").Append(Number(entry.Rules.Count)).Append("\">")
                .Append("<a href=\"#").Append(RequirementAnchor(entry.Requirement)).Append("\"><strong>").Append(E(entry.Requirement)).Append("</strong></a> ")
                .Append(E(entry.Title)).Append(" — <span class=\"badge ").Append(entry.Outcome == "fail" ? "fail" : "skip").Append("\">")
                .Append(E(texts.Outcome(entry.Outcome))).Append("</span> <span class=\"muted\">")
                .Append(E(more.HoldsBack(entry.Rules.Count))).Append(texts.Colon).Append(E(string.Join(", ", entry.Rules))).Append("</span></li>\n");
        }

        html.Append("</ol>\n");
        AppendBars(html, fixFirst.Take(8).ToList(), more);
        html.Append("</div>\n</section>\n");
    }

    // Note: one bar per requirement, length proportional to the rules it holds back; the numbers are also written out,
    // so the chart never carries information the text does not.
    private static void AppendBars(StringBuilder html, List<FixFirstReport> entries, ActionTexts more)
    {
        const int RowHeight = 22;
        const int LabelWidth = 96;
        const int BarWidth = 200;
        var maximum = Math.Max(1, entries.Max(entry => entry.Rules.Count));
        var height = entries.Count * RowHeight;
        html.Append("<figure class=\"chart bars\"><svg viewBox=\"0 0 ").Append(Number(LabelWidth + BarWidth + 30)).Append(' ').Append(Number(height))
            .Append("\" role=\"img\" aria-label=\"").Append(E(more.FixFirstChart)).Append("\">\n");
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var y = i * RowHeight;
            var width = BarWidth * entry.Rules.Count / maximum;
            var colour = entry.Outcome == "fail" ? "#b42318" : "#bf8700";
            html.Append("<text x=\"0\" y=\"").Append(Number(y + 15)).Append("\" font-size=\"11\" fill=\"#1f2328\">").Append(E(entry.Requirement)).Append("</text>")
                .Append("<rect x=\"").Append(Number(LabelWidth)).Append("\" y=\"").Append(Number(y + 4)).Append("\" width=\"").Append(Number(width))
                .Append("\" height=\"14\" rx=\"3\" fill=\"").Append(colour).Append("\"><title>").Append(E($"{entry.Requirement}: {more.HoldsBack(entry.Rules.Count)}")).Append("</title></rect>")
                .Append("<text x=\"").Append(Number(LabelWidth + width + 6)).Append("\" y=\"").Append(Number(y + 15)).Append("\" font-size=\"11\" fill=\"#1f2328\">")
                .Append(Number(entry.Rules.Count)).Append("</text>\n");
        }

        html.Append("</svg><figcaption class=\"muted\">").Append(E(more.FixFirstChart)).Append("</figcaption></figure>\n");
    }

    public static void AppendMatrix(StringBuilder html, RunReport report, ReportTexts texts, ActionTexts more)
    {
        if (report.Eligibility.Count == 0)
        {
            return;
        }

        var rules = report.Eligibility.Where(rule => rule.Requires.Count > 0).ToList();
        var required = report.Requirements.Where(requirement => rules.Any(rule => rule.Requires.Contains(requirement.Id))).ToList();
        html.Append("<section id=\"matrix-section\" aria-labelledby=\"matrix-heading\">\n<h2 id=\"matrix-heading\">").Append(E(more.MatrixHeading)).Append("</h2>\n")
            .Append("<div class=\"scroll\"><table id=\"matrix\">\n<caption>").Append(E(more.MatrixCaption)).Append("</caption>\n<thead><tr><th scope=\"col\">")
            .Append(E(texts.ColumnRequirement)).Append("</th>");
        foreach (var rule in rules)
        {
            html.Append("<th scope=\"col\" data-matrix-rule=\"").Append(E(rule.Id)).Append("\"><span class=\"status ").Append(StatusClass(rule.Status))
                .Append("\" title=\"").Append(E(texts.Status(rule.Status))).Append("\"><span aria-hidden=\"true\">").Append(ReportTexts.StatusSymbol(rule.Status))
                .Append("</span></span> ").Append(E(rule.Title)).Append("<br><code>").Append(E(rule.Id)).Append("</code></th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var requirement in required)
        {
            html.Append("<tr data-matrix-requirement=\"").Append(E(requirement.Id)).Append("\"><th scope=\"row\">")
                .Append("<a href=\"#").Append(RequirementAnchor(requirement.Id)).Append("\">").Append(E(requirement.Id)).Append("</a></th>");
            foreach (var rule in rules)
            {
                var needs = rule.Requires.Contains(requirement.Id);
                html.Append("<td class=\"cell").Append(needs ? " " + OutcomeClass(requirement.Outcome) : string.Empty).Append("\" data-matrix-requirement=\"")
                    .Append(E(requirement.Id)).Append("\" data-matrix-rule=\"").Append(E(rule.Id)).Append("\" data-required=\"").Append(needs ? "true" : "false").Append("\">");
                html.Append(needs
                    ? $"<span class=\"badge {OutcomeClass(requirement.Outcome)}\" title=\"{E(more.MatrixRequired)} — {E(texts.Outcome(requirement.Outcome))}\"><span aria-hidden=\"true\">{ReportTexts.OutcomeSymbol(requirement.Outcome)}</span><span class=\"sr\"> {E(texts.Outcome(requirement.Outcome))}</span></span>"
                    : $"<span class=\"muted\" title=\"{E(more.MatrixNotRequired)}\">·</span>");
                html.Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table></div>\n</section>\n");
    }

    public static void AppendFunding(StringBuilder html, RunReport report, ReportTexts texts, ActionTexts more)
    {
        html.Append("<section id=\"funding\" aria-labelledby=\"funding-heading\">\n<h2 id=\"funding-heading\">").Append(E(more.FundingHeading)).Append("</h2>\n");
        if (report.Organisation is not { } organisation || report.Funding is not { } funding)
        {
            html.Append("<p data-organisation=\"none\">").Append(E(more.FundingNoOrganisation)).Append("</p>\n</section>\n");
            return;
        }

        html.Append("<p>").Append(E(more.FundingIntro(organisation.Name, organisation.EssmsCount, organisation.Route))).Append("</p>\n<div class=\"totals\">\n");
        Total(html, "owner", more.OwnerTotal, more.Eur(funding.OwnerTotalEur), $"{more.Eur(funding.OwnerAtStartEur)} {more.AtStart} · {more.Eur(funding.OwnerOnUsageTargetsEur)} {more.OnTargets}");
        Total(html, "editor", more.EditorTotal, more.Eur(funding.EditorTotalEur), null);
        Total(html, "at-risk", more.AtRisk, more.Eur(funding.AtRiskEur), more.AtRiskExplain);
        html.Append("</div>\n");

        var notes = report.Eligibility.Where(rule => rule.Notes is { Count: > 0 } && rule.Kind is "group-admissibility" or "sons-lock").ToList();
        if (notes.Count > 0)
        {
            html.Append("<p><strong>").Append(E(more.NotesLabel)).Append("</strong></p>\n<ul class=\"notes\">\n");
            foreach (var rule in notes)
            {
                foreach (var note in rule.Notes!)
                {
                    html.Append("<li data-note-rule=\"").Append(E(rule.Id)).Append("\"><span class=\"status ").Append(StatusClass(rule.Status)).Append("\"><span aria-hidden=\"true\">")
                        .Append(ReportTexts.StatusSymbol(rule.Status)).Append("</span></span> ").Append(E(note)).Append("</li>\n");
                }
            }

            html.Append("</ul>\n");
        }

        html.Append("<div class=\"scroll\"><table id=\"funding-per-essms\">\n<caption>").Append(E(more.PerEssmsCaption)).Append("</caption>\n<thead><tr>")
            .Append("<th scope=\"col\">").Append(E(more.ColumnFiness)).Append("</th><th scope=\"col\">").Append(E(more.ColumnEssms)).Append("</th>")
            .Append("<th scope=\"col\">").Append(E(more.ColumnSector)).Append("</th><th scope=\"col\">").Append(E(more.ColumnChoice)).Append("</th>")
            .Append("<th scope=\"col\" class=\"num\">").Append(E(more.ColumnOwner)).Append("</th><th scope=\"col\" class=\"num\">").Append(E(more.ColumnEditor)).Append("</th>")
            .Append("<th scope=\"col\" class=\"num\">").Append(E(more.ColumnAtRisk)).Append("</th></tr></thead>\n<tbody>\n");
        foreach (var essms in funding.PerEssms)
        {
            html.Append("<tr data-finess=\"").Append(E(essms.Finess)).Append("\"").Append(essms.AtRiskEur > 0 ? " class=\"risk\"" : string.Empty).Append(">")
                .Append("<th scope=\"row\"><code>").Append(E(essms.Finess)).Append("</code></th><td>").Append(E(essms.Name)).Append("</td><td>").Append(E(essms.Sector))
                .Append("</td><td>").Append(E(essms.DuiChoice)).Append("</td><td class=\"num\">").Append(E(more.Eur(essms.OwnerEur))).Append("</td><td class=\"num\">")
                .Append(E(more.Eur(essms.EditorEur))).Append("</td><td class=\"num\">").Append(essms.AtRiskEur > 0 ? E(more.Eur(essms.AtRiskEur)) : "–").Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table></div>\n<details class=\"lines\"><summary>").Append(E(more.LinesSummary(funding.Lines.Count))).Append("</summary>\n<div class=\"scroll\"><table id=\"funding-lines\">\n<thead><tr>")
            .Append("<th scope=\"col\">").Append(E(more.ColumnRule)).Append("</th><th scope=\"col\">").Append(E(more.ColumnFiness)).Append("</th>")
            .Append("<th scope=\"col\" class=\"num\">").Append(E(more.ColumnAmount)).Append("</th><th scope=\"col\">").Append(E(more.ColumnStatus)).Append("</th>")
            .Append("<th scope=\"col\">").Append(E(more.ColumnFormula)).Append("</th><th scope=\"col\">").Append(E(more.ColumnSource)).Append("</th></tr></thead>\n<tbody>\n");
        foreach (var line in funding.Lines)
        {
            html.Append("<tr data-line-rule=\"").Append(E(line.Rule)).Append("\"><td><code>").Append(E(line.Rule)).Append("</code></td><td>")
                .Append(line.Finess is null ? E(more.ProjectLevel) : $"<code>{E(line.Finess)}</code>").Append("</td><td class=\"num\">").Append(E(more.Eur(line.AmountEur)))
                .Append("</td><td><span class=\"status ").Append(StatusClass(line.Status)).Append("\">").Append(E(texts.Status(line.Status))).Append("</span></td><td>")
                .Append(E(line.Formula)).Append("</td><td class=\"muted\">").Append(E(line.Source)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table></div>\n</details>\n");
        if (funding.Parameters is { Count: > 0 } parameters)
        {
            html.Append("<details class=\"lines\"><summary>").Append(E(more.ParametersSummary(parameters.Count))).Append("</summary>\n<div class=\"scroll\"><table id=\"funding-parameters\">\n<thead><tr>")
                .Append("<th scope=\"col\">").Append(E(more.ColumnParameter)).Append("</th><th scope=\"col\" class=\"num\">").Append(E(more.ColumnValue)).Append("</th>")
                .Append("<th scope=\"col\">").Append(E(texts.ColumnTitle)).Append("</th><th scope=\"col\">").Append(E(more.ColumnSource)).Append("</th></tr></thead>\n<tbody>\n");
            foreach (var parameter in parameters)
            {
                html.Append("<tr data-parameter=\"").Append(E(parameter.Id)).Append("\"><td><code>").Append(E(parameter.Id)).Append("</code></td><td class=\"num\">")
                    .Append(E($"{parameter.Value} {parameter.Unit}")).Append("</td><td>").Append(E(parameter.Description)).Append("</td><td class=\"muted\">")
                    .Append(E(parameter.Source)).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table></div>\n</details>\n");
        }

        html.Append("</section>\n");
    }

    private static void Total(StringBuilder html, string key, string label, string amount, string? detail)
    {
        html.Append("<div class=\"total ").Append(key).Append("\" data-total=\"").Append(key).Append("\"><span class=\"label\">").Append(E(label))
            .Append("</span><span class=\"amount\">").Append(E(amount)).Append("</span>");
        if (detail is not null)
        {
            html.Append("<span class=\"muted detail\">").Append(E(detail)).Append("</span>");
        }

        html.Append("</div>\n");
    }

    public static string RequirementAnchor(string id) => "req-" + AnchorUnsafe().Replace(id, "_");

    private static string OutcomeClass(string outcome) => outcome is "pass" or "fail" or "skip" or "error" or "omit" ? outcome : "omit";

    private static string StatusClass(string status) => status is "ready" or "at-risk" or "blocked" or "not-applicable" ? status : "not-applicable";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string E(string? text) => SafeText.Html(text);

    [GeneratedRegex(@"[^A-Za-z0-9_-]", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AnchorUnsafe();
}
