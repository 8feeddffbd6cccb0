using DuiConformance.Core.Outcomes;

namespace DuiConformance.Core.Reporting;

/// <summary>
/// The exit code a run's report gives the process (DESIGN.md §3: "exit 0 when every applicable required check passes,
/// 1 when any fails, 2 on usage errors, 3 when the harness itself failed"). CI scripts rely on it.
/// </summary>
/// <remarks>
/// The overall outcome (<see cref="RunReport.Outcome"/>, see <see cref="RunReportBuilder.OverallOutcome"/>) maps as
/// follows: <c>pass</c>, or <c>omit</c> (nothing applicable) → 0; <c>fail</c> → 1; <c>skip</c> → 1 as well, because a
/// required check that found nothing to judge has not passed (STYLE.md rule 18: not proven is not passed);
/// <c>error</c> → 3, the harness itself failed and the run says nothing about the DUI. Usage errors (2) never reach a
/// report: the command line raises them before anything runs.
/// </remarks>
public static class ReportExitCodes
{
    /// <summary>Every applicable required check passed.</summary>
    public const int Passed = 0;

    /// <summary>A required check failed, or found nothing to judge (not proven): read the report.</summary>
    public const int Failed = 1;

    /// <summary>The command line was wrong (unknown option, bad value): nothing ran.</summary>
    public const int UsageError = 2;

    /// <summary>The harness itself failed (outcome <c>error</c>): re-run; the DUI is not at fault.</summary>
    public const int HarnessError = 3;

    /// <summary>The exit code for an overall outcome (see the remarks of <see cref="ReportExitCodes"/>).</summary>
    public static int ForOutcome(Outcome outcome) => outcome switch
    {
        Outcome.Pass or Outcome.Omit => Passed,
        Outcome.Fail or Outcome.Skip => Failed,
        Outcome.Error => HarnessError,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, $"Enum values have been added to {nameof(Outcome)}: update {nameof(ForOutcome)}."),
    };

    /// <summary>The exit code for an overall outcome given by its wire name (<see cref="RunReport.Outcome"/>).</summary>
    /// <exception cref="FormatException">The text is not an outcome wire name.</exception>
    public static int ForOutcome(string outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return ForOutcome(OutcomeExtensions.ParseWireName(outcome));
    }

    /// <summary>The exit code for a report's overall outcome.</summary>
    /// <exception cref="FormatException">The report's outcome is not a wire name.</exception>
    public static int ForReport(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return ForOutcome(report.Outcome);
    }
}
