namespace DuiConformance.Core.Reporting;

/// <summary>Computes <see cref="Readiness"/> and the counts behind it, for the HTML and Markdown writers.</summary>
internal static class ReadinessRules
{
    /// <summary>The verdict and how many mandatory requirements failed and are not proven.</summary>
    public static (Readiness Verdict, int Failed, int NotProven) Of(RunReport report)
    {
        // Note: requirements no check of the harness is meant to prove (manual attestation, not tested yet) are shown
        // apart; they neither fail nor hold back the verdict on what the harness does test.
        var mandatory = report.Requirements.Where(requirement => requirement.Level == "SHALL" && requirement.IsTestedByHarness).ToList();
        var failed = mandatory.Count(requirement => requirement.Outcome == "fail");
        var notProven = mandatory.Count(requirement => requirement.Outcome is "skip" or "error");
        var verdict = report.Outcome == "error" ? Readiness.Undetermined
            : failed > 0 || report.Outcome == "fail" ? Readiness.No
            : notProven > 0 || report.Outcome == "skip" ? Readiness.NotYet
            : mandatory.Any(requirement => requirement.Outcome == "pass") ? Readiness.Yes
            : Readiness.NothingApplicable;
        return (verdict, failed, notProven);
    }
}
