using System.Text.RegularExpressions;
using DuiConformance.Core.Outcomes;
using DuiConformance.Core.Reporting;

namespace DuiConformance.Core.Tests.Reporting;

public sealed partial class HtmlReportWriterTests
{
    private static readonly string Sha = new('a', 64);

    [Test]
    public void The_requirement_table_has_one_row_per_requirement_with_its_outcome()
    {
        var report = SampleRun.Report(SampleRun.AllPassingBut("DUI-DMP-03", Outcome.Fail, SampleRun.Error("FHIR-5003", "hash", "DUI-DMP-03")));

        var html = HtmlReportWriter.Render(report);
        var table = Element(html, "table", "id=\"requirements\"");
        var rows = RequirementRow().Matches(table).ToDictionary(match => match.Groups["id"].Value, match => match.Groups["outcome"].Value);

        rows.Keys.ShouldBe(report.Requirements.Select(requirement => requirement.Id));
        rows["DUI-DMP-03"].ShouldBe("fail");
        rows.Where(row => row.Key != "DUI-DMP-03").ShouldAllBe(row => row.Value == "pass");
        table.ShouldContain("<th scope=\"col\">Exigence</th>");
        table.ShouldContain("<th scope=\"row\">DUI-DMP-03</th>");
        table.ShouldContain("SC.MSS/CONF.16");
    }

    [Test]
    public void The_eligibility_section_shows_each_rule_with_its_status_and_what_blocks_it()
    {
        var report = SampleRun.Report(SampleRun.AllPassingBut("DUI-DMP-03", Outcome.Fail, SampleRun.Error("FHIR-5003", "hash", "DUI-DMP-03")));

        var eligibility = Element(SampleRunHtml(report), "section", "id=\"eligibility\"");

        StatusOf(eligibility, "2025-ACQUISITION").ShouldBe("blocked");
        StatusOf(eligibility, "2025-SONS-INSTALLATION-PROOF").ShouldBe("blocked");
        StatusOf(eligibility, "2025-DMP-USAGE-TARGET").ShouldBe("blocked");
        Card(eligibility, "2025-ACQUISITION").ShouldContain("<li data-requirement-id=\"DUI-DMP-03\"><a href=\"#req-DUI-DMP-03\">DUI-DMP-03</a>");
        Card(eligibility, "2025-ACQUISITION").ShouldContain("Bloqué");
    }

    [Test]
    public void An_unproven_requirement_puts_rules_at_risk_and_the_verdict_at_not_yet()
    {
        var report = SampleRun.Report(SampleRun.AllPassingBut("DUI-CDA-04", Outcome.Skip));

        var html = SampleRunHtml(report);

        StatusOf(html, "2025-DMP-USAGE-TARGET").ShouldBe("at-risk");
        StatusOf(html, "2025-SONS-INSTALLATION-PROOF").ShouldBe("ready");
        html.ShouldContain("data-readiness=\"not-yet\"");
        html.ShouldContain("<p class=\"answer\">Pas encore</p>");
    }

    [Test]
    public void The_first_screen_answers_ready_for_referencing_in_french_by_default()
    {
        var html = SampleRunHtml(SampleRun.Report(SampleRun.AllPassing()));

        html.ShouldSatisfyAllConditions(
            () => html.ShouldStartWith("<!DOCTYPE html>\n<html lang=\"fr\">"),
            () => html.ShouldContain("<h2 id=\"verdict-question\">Prêt pour le référencement ?</h2>"),
            () => html.ShouldContain("<p class=\"answer\">Oui</p>"),
            () => html.ShouldContain("Quels financements sont à risque ?"),
            () => html.ShouldContain("data-readiness=\"yes\""),
            () => html.ShouldContain("<svg viewBox=\"0 0 42 42\" role=\"img\""),
            () => html.ShouldContain("Réussi"));
    }

    [Test]
    public void The_report_is_in_english_when_asked()
    {
        var html = SampleRunHtml(SampleRun.Report(SampleRun.AllPassingBut("DUI-SEC-01", Outcome.Fail, SampleRun.Error("SMTP-3010", "AUTH before STARTTLS", "DUI-SEC-01")), "en"));

        html.ShouldSatisfyAllConditions(
            () => html.ShouldStartWith("<!DOCTYPE html>\n<html lang=\"en\">"),
            () => html.ShouldContain("Ready for referencing?"),
            () => html.ShouldContain("<p class=\"answer\">No</p>"),
            () => html.ShouldContain("Which fundings are at risk?"),
            () => html.ShouldContain("SMTP submission upgraded with STARTTLS"),
            () => MainBody(html).ShouldNotContain("Prêt pour le référencement"),
            () => MainBody(html).ShouldNotContain("Exigences du référencement", Case.Sensitive),
            () => MainBody(html).ShouldNotContain("Détail des contrôles", Case.Sensitive),
            () => html.ShouldContain("<div class=\"lang-body alt\" data-lang=\"fr\" lang=\"fr\" hidden>"),
            () => html.ShouldContain(">Français</button>"));
    }

    [Test]
    public void The_report_is_self_contained()
    {
        var evidence = new[] { SampleRun.EvidenceItem("ev-0001", $"objects/{Sha}.eml") };
        var html = HtmlReportWriter.Render(SampleRun.Report(SampleRun.AllPassingBut("DUI-MSS-01", Outcome.Fail, SampleRun.Error("SMTP-3020", "X-MSS-NIL absent", "DUI-MSS-01"))), evidence);

        var references = Reference().Matches(html).Select(match => match.Groups["value"].Value).ToList();

        references.ShouldNotBeEmpty();
        references.ShouldAllBe(value => value.StartsWith('#') || value.StartsWith("evidence/objects/"));
        html.ShouldNotContain("<link");
        html.ShouldNotContain("@import");
        html.ShouldNotContain("url(");
        html.ShouldNotContain("<script src");
        html.ShouldContain("<style>");
    }

    [Test]
    public void Evidence_ids_become_relative_links_into_the_evidence_folder()
    {
        var evidence = new[] { SampleRun.EvidenceItem("ev-0001", $"objects/{Sha}.eml") };
        var report = SampleRun.Report(SampleRun.AllPassingBut("DUI-MSS-01", Outcome.Fail, SampleRun.Error("SMTP-3020", "X-MSS-NIL absent", "DUI-MSS-01")));

        var html = HtmlReportWriter.Render(report, evidence);

        html.ShouldContain($"<a href=\"evidence/objects/{Sha}.eml\" type=\"message/rfc822\"><code>ev-0001</code></a>");
        HtmlReportWriter.Render(report).ShouldNotContain("href=\"evidence/");
    }

    [TestCase("/etc/passwd")]
    [TestCase("../../secret.eml")]
    [TestCase("javascript:alert(1)")]
    [TestCase("objects/../../x.eml")]
    public void A_tampered_evidence_path_is_never_a_link(string file)
    {
        var report = SampleRun.Report(SampleRun.AllPassing());

        var html = HtmlReportWriter.Render(report, [SampleRun.EvidenceItem("ev-0001", file)]);

        html.ShouldNotContain("href=\"evidence/");
        html.ShouldNotContain("alert(1)");
    }

    [Test]
    public void Hostile_text_from_evidence_is_encoded()
    {
        var hostile = "<script>alert('x')</script><img src=x onerror=alert(1)> & \"quotes\"";
        var findings = new[] { SampleRun.Error("CDA-1001", hostile, "DUI-CDA-01") };
        var checks = SampleRun.AllPassingBut("DUI-CDA-01", Outcome.Fail, findings);

        var html = HtmlReportWriter.Render(SampleRun.Report(checks));

        html.ShouldContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;");
        html.ShouldNotContain("<script>alert");
        html.ShouldNotContain("<img");
        Regex.Matches(html, "<script>").Count.ShouldBe(1);
    }

    [Test]
    public void Each_check_run_has_its_own_section_with_findings_and_a_stable_anchor()
    {
        var checks = SampleRun.AllPassingBut("DUI-CDA-01", Outcome.Fail, SampleRun.Error("CDA-1001", "realmCode absent", "DUI-CDA-01"));

        var html = SampleRunHtml(SampleRun.Report(checks));

        CheckSection().Matches(MainBody(html)).Count.ShouldBe(12);
        CheckSection().Matches(html).Count.ShouldBe(24, "the hidden other-language body repeats every check");
        html.ShouldContain("<details class=\"check\" id=\"check-1\" data-check-id=\"check.dui-cda-01\" data-scenario=\"dmp-publish-dlu\" data-outcome=\"fail\" open>");
        html.ShouldContain("<tr data-code=\"CDA-1001\" data-severity=\"error\"><th scope=\"row\"><code>CDA-1001</code></th><td>Erreur</td><td>realmCode absent</td>");
        html.ShouldContain("<a href=\"#check-1\"><code>check.dui-cda-01</code></a>");
    }

    [Test]
    public void The_scenarios_and_the_run_facts_are_shown()
    {
        var html = SampleRunHtml(SampleRun.Report(SampleRun.AllPassing()));

        Element(html, "section", "id=\"scenarios\"").ShouldContain("<tr data-step-id=\"open-record\" data-outcome=\"pass\">");
        html.ShouldContain("<dt>Durée</dt><dd>1 min 23 s</dd>");
        html.ShouldContain("<dt>Début</dt><dd>01/10/2025 08:30:00 UTC</dd>");
        html.ShouldContain("<dt>Système testé</dt><dd>DUI de référence 1.0.0</dd>");
    }

    [Test]
    public void A_run_where_the_harness_failed_says_the_verdict_is_undetermined()
    {
        var html = SampleRunHtml(SampleRun.Report([]));

        html.ShouldContain("data-readiness=\"undetermined\"");
        html.ShouldContain("Indéterminé");
        html.ShouldContain("Aucun contrôle n&#39;a été exécuté.");
    }

    [Test]
    public void The_report_prints_cleanly()
    {
        var html = SampleRunHtml(SampleRun.Report(SampleRun.AllPassing()));

        html.ShouldContain("@media print");
        html.ShouldContain("beforeprint");
    }

    private static string SampleRunHtml(RunReport report) => HtmlReportWriter.Render(report);

    private static string StatusOf(string html, string ruleId)
    {
        var status = StatusAttribute().Match(Card(html, ruleId));
        status.Success.ShouldBeTrue($"no [data-status] in the card of {ruleId}");
        return status.Groups["status"].Value;
    }

    private static string Card(string html, string ruleId) => Element(html, "article", $"data-rule-id=\"{ruleId}\"");

    /// <summary>The first element named <paramref name="tag"/> whose start tag holds <paramref name="attribute"/>, up to its end tag (no nesting of the same tag).</summary>
    private static string Element(string html, string tag, string attribute)
    {
        var start = Regex.Match(html, $"<{tag}[^>]*{Regex.Escape(attribute)}[^>]*>");
        start.Success.ShouldBeTrue($"no <{tag} {attribute}>");
        var end = html.IndexOf($"</{tag}>", start.Index, StringComparison.Ordinal);
        end.ShouldBeGreaterThan(start.Index);
        return html[start.Index..end];
    }

    [GeneratedRegex("<tr id=\"req-[^\"]+\" data-requirement-id=\"(?<id>[^\"]+)\" data-outcome=\"(?<outcome>[^\"]+)\">")]
    private static partial Regex RequirementRow();

    [GeneratedRegex("data-status=\"(?<status>[^\"]+)\"")]
    private static partial Regex StatusAttribute();

    [GeneratedRegex("\\s(?:src|href|action|xlink:href)\\s*=\\s*\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Reference();

    /// <summary>The page up to the hidden other-language body (what a reader sees first).</summary>
    private static string MainBody(string html) => html[..html.IndexOf("<div class=\"lang-body alt\"", StringComparison.Ordinal)];

    [GeneratedRegex("<details class=\"check\"")]
    private static partial Regex CheckSection();
}
