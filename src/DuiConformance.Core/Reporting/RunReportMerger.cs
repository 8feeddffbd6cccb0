using System.Globalization;
using DuiConformance.Core.Outcomes;

namespace DuiConformance.Core.Reporting;

/// <summary>
/// Merges the report.json of several shards of one run (<c>run --shard k/n</c>) into one report
/// (<c>dui-conformance report a.json b.json …</c>): scenarios and checks are put together, each requirement's outcome is
/// rolled up again from the shards that ran a check for it, and the requirement rules are evaluated again.
/// </summary>
/// <remarks>
/// Rules on the organisation (admissibility, SONS lock, ceilings) and the funding estimate do not depend on the checks:
/// they are taken from the first shard that has them.
/// </remarks>
public static class RunReportMerger
{
    /// <summary>Merges shard reports; one report is returned as it is.</summary>
    /// <param name="reports">The shards, each with the name of the file it came from.</param>
    /// <exception cref="ArgumentException">No report, or shards of different campaigns, languages or systems under test.</exception>
    public static RunReport Merge(IReadOnlyList<(string File, RunReport Report)> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        if (reports.Count == 0)
        {
            throw new ArgumentException("No report to merge.", nameof(reports));
        }

        if (reports.Count == 1)
        {
            return reports[0].Report;
        }

        var first = reports[0].Report;
        foreach (var (file, report) in reports.Skip(1))
        {
            if (report.Campaign != first.Campaign || report.Language != first.Language || report.Sut.Name != first.Sut.Name || report.Sut.Version != first.Sut.Version)
            {
                throw new ArgumentException($"{file}: shard of another run (campaign {report.Campaign}, language {report.Language}, SUT {report.Sut.Name} {report.Sut.Version}; expected {first.Campaign}, {first.Language}, {first.Sut.Name} {first.Sut.Version}).", nameof(reports));
            }
        }

        var all = reports.Select(entry => entry.Report).ToList();
        var checks = all.SelectMany(report => report.Checks).ToList();
        var requirements = first.Requirements.Select(requirement =>
        {
            var ran = all
                .Select(report => report.Requirements.FirstOrDefault(other => other.Id == requirement.Id))
                .Where(other => other is not null && other.Checks.Count > 0)
                .ToList();
            var outcome = ran.Count == 0
                ? requirement.Outcome
                : ran.Select(other => OutcomeExtensions.ParseWireName(other!.Outcome)).Combine().ToWireName();
            return requirement with { Outcome = outcome, Checks = [.. ran.SelectMany(other => other!.Checks).Distinct(StringComparer.Ordinal)] };
        }).ToList();
        var outcomes = requirements.ToDictionary(requirement => requirement.Id, requirement => requirement.Outcome, StringComparer.Ordinal);
        var eligibility = first.Eligibility.Select(rule => rule.Kind is null or "requirements-gate" or "usage-target" ? Regate(rule, outcomes) : rule).ToList();
        var tested = requirements.Where(requirement => requirement.IsTestedByHarness).Select(requirement => requirement.Id).ToHashSet(StringComparer.Ordinal);
        var summary = new ReportSummary(
            ChecksPassed: checks.Count(check => check.Outcome == "pass"),
            ChecksFailed: checks.Count(check => check.Outcome == "fail"),
            ChecksSkipped: checks.Count(check => check.Outcome == "skip"),
            ChecksErrored: checks.Count(check => check.Outcome == "error"),
            RequirementsPassed: requirements.Count(requirement => requirement.Outcome == "pass"),
            RequirementsFailed: requirements.Count(requirement => requirement.Outcome == "fail"),
            RequirementsNotProven: requirements.Count(requirement => tested.Contains(requirement.Id) && requirement.Outcome is "skip" or "error"),
            RulesReady: eligibility.Count(rule => rule.Status == "ready"),
            RulesAtRisk: eligibility.Count(rule => rule.Status == "at-risk"),
            RulesBlocked: eligibility.Count(rule => rule.Status == "blocked"),
            RequirementsNotTested: requirements.Count(requirement => !tested.Contains(requirement.Id) && requirement.Outcome is "skip" or "error"));
        return first with
        {
            RunId = string.Join("+", all.Select(report => report.RunId).Distinct(StringComparer.Ordinal)),
            StartedAt = all.Min(report => report.StartedAt),
            FinishedAt = all.Max(report => report.FinishedAt),
            Outcome = all.Select(report => OutcomeExtensions.ParseWireName(report.Outcome)).Combine().ToWireName(),
            Scenarios = [.. all.SelectMany(report => report.Scenarios)],
            Checks = checks,
            Requirements = requirements,
            Eligibility = eligibility,
            Summary = summary,
            FixFirst = RunReportBuilder.FixFirst(requirements, eligibility),
            Organisation = all.Select(report => report.Organisation).FirstOrDefault(organisation => organisation is not null),
            Funding = all.Select(report => report.Funding).FirstOrDefault(funding => funding is not null),
            MergedFrom = [.. reports.Select(entry => entry.File)],
        };
    }

    // Note: the same statuses as EligibilityEvaluator's requirements gate: a failed requirement blocks, one not proven
    // puts at risk, all omitted is not applicable.
    private static EligibilityReport Regate(EligibilityReport rule, Dictionary<string, string> outcomes)
    {
        var outcomeOf = rule.Requires.Select(id => (Id: id, Outcome: outcomes.GetValueOrDefault(id))).ToList();
        var blockedBy = outcomeOf.Where(entry => entry.Outcome == "fail").Select(entry => entry.Id).ToList();
        var atRiskBy = outcomeOf.Where(entry => entry.Outcome is null or "skip" or "error").Select(entry => entry.Id).ToList();
        var status = blockedBy.Count > 0 ? "blocked"
            : atRiskBy.Count > 0 ? "at-risk"
            : outcomeOf.All(entry => entry.Outcome == "omit") ? "not-applicable"
            : "ready";
        return rule with { Status = status, BlockedBy = blockedBy, AtRiskBy = atRiskBy };
    }

    /// <summary>A short description of the merge, for the command line.</summary>
    public static string Describe(RunReport merged) => string.Create(
        CultureInfo.InvariantCulture,
        $"{merged.MergedFrom?.Count ?? 1} rapport(s), {merged.Checks.Count} contrôles, résultat {merged.Outcome}");
}
