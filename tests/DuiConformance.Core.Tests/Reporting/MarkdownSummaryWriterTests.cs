using DuiConformance.Core.Outcomes;
using DuiConformance.Core.Reporting;

namespace DuiConformance.Core.Tests.Reporting;

public sealed class MarkdownSummaryWriterTests
{
    [Test]
    public void The_summary_starts_with_the_verdict_and_the_counts()
    {
        var report = SampleRun.Report(SampleRun.AllPassingBut("DUI-MSS-04", Outcome.Fail, SampleRun.Error("XDM-2001", "METADATA.XML absent", "DUI-MSS-04")));

        var markdown = MarkdownSummaryWriter.Render(report);
        var lines = markdown.Split('\n');

        lines[0].ShouldBe("## ❌ Rapport de conformité DUI — DUI de référence 1.0.0");
        lines[2].ShouldStartWith("**Prêt pour le référencement ? Non.** 1 exigence obligatoire est en échec");
        markdown.ShouldContain("- Contrôles : 11 réussis, 1 en échec, 0 non prouvé, 0 en erreur du banc.");
        markdown.ShouldContain("- Financements : 1 prêt, 0 à risque, 4 bloqués.");
    }

    [Test]
    public void The_summary_has_a_requirement_table_and_an_eligibility_table()
    {
        var report = SampleRun.Report(SampleRun.AllPassingBut("DUI-MSS-04", Outcome.Fail, SampleRun.Error("XDM-2001", "METADATA.XML absent", "DUI-MSS-04")));

        var markdown = MarkdownSummaryWriter.Render(report);

        markdown.ShouldContain("| Exigence | Intitulé | Niveau | Résultat |\n|---|---|---|---|\n");
        markdown.ShouldContain("| DUI-MSS-04 | MSSanté : archive IHE\\_XDM.ZIP complète");
        markdown.ShouldContain("| Obligatoire | ✗ Échec |");
        markdown.ShouldContain("(2025-ACQUISITION) | ✗ Bloqué | Bloqué par\u00A0: DUI-MSS-04 |");
        markdown.ShouldContain("(2025-DMP-USAGE-TARGET) | ✓ Prêt |");
        markdown.ShouldContain("- XDM-2001 · Erreur · DUI-MSS-04 — METADATA.XML absent");
        report.Requirements.ShouldAllBe(requirement => markdown.Contains("| " + requirement.Id + " |"));
    }

    [Test]
    public void The_summary_is_in_english_when_asked()
    {
        var markdown = MarkdownSummaryWriter.Render(SampleRun.Report(SampleRun.AllPassing(), "en"));

        markdown.ShouldStartWith("## ✅ DUI conformance report");
        markdown.ShouldContain("**Ready for referencing? Yes.**");
        markdown.ShouldContain("| Requirement | Title | Level | Result |");
    }

    [Test]
    public void Hostile_text_cannot_inject_markdown_or_html_into_a_job_summary()
    {
        var hostile = "x | <img src=x onerror=alert(1)> [click](http://evil) `code`\n## heading";
        var report = SampleRun.Report(SampleRun.AllPassingBut("DUI-MSS-03", Outcome.Fail, SampleRun.Error("SMTP-3001", hostile, "DUI-MSS-03")));

        var markdown = MarkdownSummaryWriter.Render(report);
        var line = markdown.Split('\n').Single(l => l.Contains("SMTP-3001"));

        line.ShouldContain("x \\| &lt;img src=x onerror=alert(1)&gt; \\[click\\](http://evil) \\`code\\` \\#\\# heading");
        markdown.ShouldNotContain("<img");
        markdown.ShouldNotContain("\n## heading");
    }

    [Test]
    public void Findings_beyond_the_top_ten_are_counted_not_listed()
    {
        var findings = Enumerable.Range(1, 13).Select(i => SampleRun.Error($"CDA-10{i:00}", $"finding {i}", "DUI-CDA-01")).ToArray();

        var markdown = MarkdownSummaryWriter.Render(SampleRun.Report(SampleRun.AllPassingBut("DUI-CDA-01", Outcome.Fail, findings)));

        markdown.Split('\n').Count(line => line.StartsWith("- CDA-10")).ShouldBe(MarkdownSummaryWriter.TopFindingCount);
        markdown.ShouldContain("- … et 3 autres constats dans report.html.");
    }

    [Test]
    public void The_summary_names_the_requirement_to_fix_first_and_the_funding_at_risk()
    {
        var organisation = Organisations.OrganisationFile.Load(RepositoryLayout.Fixture("organisations", "corse-9-2025.yaml"));
        var checks = SampleRun.AllPassingBut("DUI-MSS-04", Outcome.Fail, SampleRun.Error("XDM-2001", "METADATA.XML absent", "DUI-MSS-04"));
        var report = RunReportBuilder.Build(SampleRun.Input(checks) with { Organisation = organisation });

        var markdown = MarkdownSummaryWriter.Render(report);

        markdown.ShouldContain("- À corriger en premier\u00A0: DUI-MSS-04 — retient 4 financements");
        // Corsica fixture: upgrade blocked by DUI-MSS-04 (9 x 5000 = 45000); equipment and AMOA do not depend on the DUI.
        markdown.ShouldContain("- 45\u202F000 € à risque sur 235\u202F000 € estimés pour ce projet.");
    }
}
