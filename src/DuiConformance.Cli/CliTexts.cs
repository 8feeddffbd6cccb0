using System.Globalization;
using DuiConformance.Core.Reporting;
using DuiConformance.Scenarios.Definitions;

namespace DuiConformance.Cli;

/// <summary>Terminal messages, French by default and English on request.</summary>
public sealed class CliTexts(string language)
{
    private bool English => language == "en";

    /// <summary>First line of a run.</summary>
    public string Starting(int scenarioCount, IReadOnlyList<string> defects, string sut = "reference-dui") => English
        ? $"DuiConformance: {scenarioCount} scenario(s) against {(sut == "reference-dui" ? "the reference DUI" : "the SUT " + sut)}{(defects.Count > 0 ? " with defects " + string.Join(", ", defects) : string.Empty)}"
        : $"DuiConformance : {scenarioCount} scénario(s) contre {(sut == "reference-dui" ? "le DUI de référence" : "le système testé " + sut)}{(defects.Count > 0 ? " avec les défauts " + string.Join(", ", defects) : string.Empty)}";

    /// <summary>A scenario begins.</summary>
    public string Scenario(ScenarioDefinition scenario) => $"▶ {scenario.Id} — {scenario.Title(language)}";

    /// <summary>A step ended.</summary>
    public string Step(StepReport step)
    {
        var mark = step.Outcome switch
        {
            "pass" => "✓",
            "fail" => "✗",
            "error" => "!",
            _ => "–",
        };
        return $"  {mark} {step.Id} : {step.Title}{(step.Message is null ? string.Empty : " — " + step.Message)}";
    }

    /// <summary>Last lines of a run.</summary>
    public string Finished(RunReport report, string outputDirectory)
    {
        var summary = report.Summary;
        var verdict = report.Outcome switch
        {
            "pass" => English ? "READY: every required check passed" : "PRÊT : tous les contrôles exigés sont conformes",
            "error" => English ? "HARNESS ERROR: the run is not conclusive" : "ERREUR DU BANC : l'exécution n'est pas concluante",
            _ => English ? "NOT READY: some required checks did not pass" : "NON PRÊT : des contrôles exigés ne sont pas conformes",
        };
        var counts = English
            ? string.Create(CultureInfo.InvariantCulture, $"checks: {summary.ChecksPassed} passed, {summary.ChecksFailed} failed, {summary.ChecksSkipped} skipped, {summary.ChecksErrored} errors; funding rules: {summary.RulesReady} ready, {summary.RulesAtRisk} at risk, {summary.RulesBlocked} blocked")
            : string.Create(CultureInfo.InvariantCulture, $"contrôles : {summary.ChecksPassed} conformes, {summary.ChecksFailed} en échec, {summary.ChecksSkipped} non joués, {summary.ChecksErrored} erreurs ; financements : {summary.RulesReady} prêts, {summary.RulesAtRisk} à risque, {summary.RulesBlocked} bloqués");
        var where = English ? "Report" : "Rapport";
        return $"{verdict}\n{counts}\n{where} : {Path.Combine(outputDirectory, "report.html")}";
    }

    /// <summary>The live status line of a run on a terminal.</summary>
    public string Status(int done, int total, int checks, string lanes) => English
        ? string.Create(CultureInfo.InvariantCulture, $"⏳ {done}/{total} scenario(s) · {checks} check(s) judged{(lanes.Length > 0 ? " · " + lanes : string.Empty)}")
        : string.Create(CultureInfo.InvariantCulture, $"⏳ {done}/{total} scénario(s) · {checks} contrôle(s) jugé(s){(lanes.Length > 0 ? " · " + lanes : string.Empty)}");
}
