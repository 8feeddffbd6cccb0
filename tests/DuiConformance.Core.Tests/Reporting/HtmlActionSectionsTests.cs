using DuiConformance.Core.Organisations;
using DuiConformance.Core.Outcomes;
using DuiConformance.Core.Reporting;

namespace DuiConformance.Core.Tests.Reporting;

public sealed class HtmlActionSectionsTests
{
    private static string MainBody(string html) => html[..html.IndexOf("<div class=\"lang-body alt\"", StringComparison.Ordinal)];

    [Test]
    public void Fix_first_ranks_requirements_by_the_number_of_rules_they_hold_back()
    {
        // DUI-MSS-04 is required by 4 rules of 2025 (acquisition, SONS proof, editor, upgrade), DUI-CDA-04 by 3
        // (acquisition, DMP target, editor): MSS-04 comes first although CDA-04 comes first in the catalogue.
        var checks = SampleRun.AllPassing()
            .Select(run => run.Definition.Verifies.Contains("DUI-MSS-04") || run.Definition.Verifies.Contains("DUI-CDA-04")
                ? run with { Result = run.Result with { Outcome = Outcome.Fail } }
                : run)
            .ToList();

        var report = SampleRun.Report(checks);
        var html = MainBody(HtmlReportWriter.Render(report));

        report.FixFirst!.Select(entry => (entry.Requirement, entry.Rules.Count)).ShouldBe([("DUI-MSS-04", 4), ("DUI-CDA-04", 3)]);
        html.IndexOf("data-fix-requirement=\"DUI-MSS-04\"", StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf("data-fix-requirement=\"DUI-CDA-04\"", StringComparison.Ordinal));
        html.ShouldContain("<p class=\"fix-hint\"><strong>À corriger en premier\u00A0: </strong><a href=\"#fix-first\">DUI-MSS-04</a>");
        html.ShouldContain("<figure class=\"chart bars\"><svg");
    }

    [Test]
    public void The_matrix_has_a_cell_per_requirement_and_rule_marking_what_each_rule_needs()
    {
        var report = SampleRun.Report(SampleRun.AllPassing());
        var html = MainBody(HtmlReportWriter.Render(report));

        html.ShouldContain("<table id=\"matrix\">");
        html.ShouldContain("data-matrix-requirement=\"DUI-CDA-04\" data-matrix-rule=\"2025-DMP-USAGE-TARGET\" data-required=\"true\"");
        html.ShouldContain("data-matrix-requirement=\"DUI-CDA-04\" data-matrix-rule=\"2025-SONS-INSTALLATION-PROOF\" data-required=\"false\"");
        System.Text.RegularExpressions.Regex.Matches(html, "<td class=\"cell").Count.ShouldBe(12 * report.Eligibility.Count);
    }

    [Test]
    public void Without_an_organisation_the_funding_section_asks_for_the_file()
    {
        var html = MainBody(HtmlReportWriter.Render(SampleRun.Report(SampleRun.AllPassing())));

        html.ShouldContain("<p data-organisation=\"none\">Donnez le fichier des ESSMS du projet (option --organisation");
    }

    [Test]
    public void With_an_organisation_the_funding_section_shows_totals_rows_and_traced_lines()
    {
        var organisation = OrganisationFile.Load(RepositoryLayout.Fixture("organisations", "corse-9-2025.yaml"));
        var report = RunReportBuilder.Build(SampleRun.Input(SampleRun.AllPassing()) with { Organisation = organisation });
        var html = MainBody(HtmlReportWriter.Render(report));

        report.Funding!.OwnerTotalEur.ShouldBe(235000m);
        html.ShouldContain("data-total=\"owner\"><span class=\"label\">Maîtrise d&#39;ouvrage</span><span class=\"amount\">235\u202F000 €</span>");
        System.Text.RegularExpressions.Regex.Matches(html, "<tr data-finess=\"").Count.ShouldBe(9);
        html.ShouldContain("<tr data-line-rule=\"2025-AMOA\">");
        html.ShouldContain("(amoa-max-eur-per-project)");
        html.ShouldContain("Groupe de 9 ESSMS, au moins 8 (group-min-essms-corsica-overseas)");
        html.ShouldContain("<tr data-parameter=\"upgrade-owner-eur-per-essms\"><td><code>upgrade-owner-eur-per-essms</code></td><td class=\"num\">5000 EUR</td>");
        report.Funding.Parameters!.Select(parameter => parameter.Id).ShouldContain("amoa-max-eur-per-project");
    }
}
