using DuiConformance.Core.Outcomes;

namespace DuiConformance.Core.Reporting;

/// <summary>
/// The process exit codes of <c>dui-conformance run</c> (DESIGN.md §3), what CI scripts rely on.
/// </summary>
/// <remarks>
/// The overall outcome (<see cref="RunReport.Outcome"/>) maps as follows: <c>pass</c> or <c>omit</c> (nothing
/// applicable) → 0; <c>fail</c> → 1; <c>skip</c> → 1, because a required check that found nothing to judge has not
/// passed ("every applicable required check passes" is not met, STYLE.md rule 18); <c>error</c> → 3, the harness
/// itself failed and the verdict says nothing about the DUI.
/// </remarks>
public static class ExitCodes
{
    /// <summary>Every applicable required check passed.</summary>
    public const int Passed = 0;

    /// <summary>A required check failed, or found nothing to judge (not proven): read the report.</summary>
    public const int Failed = 1;

    /// <summary>The command line was wrong (unknown option, bad value): nothing ran.</summary>
    public const int UsageError = 2;

    /// <summary>The harness itself failed (outcome <c>error</c>): re-run; the DUI is not at fault.</summary>
    public const int HarnessError = 3;

    /// <summary>The exit code for an overall outcome (see the remarks of <see cref="ExitCodes"/>).</summary>
    public static int ForOutcome(Outcome outcome) => outcome switch
    {
        Outcome.Pass or Outcome.Omit => Passed,
        Outcome.Fail or Outcome.Skip => Failed,
        Outcome.Error => HarnessError,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, $"Enum values have been added to {nameof(Outcome)}: update {nameof(ForOutcome)}."),
    };

    /// <summary>The exit code for a report's overall outcome.</summary>
    /// <exception cref="FormatException">The report's outcome is not a wire name.</exception>
    public static int ForReport(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return ForOutcome(OutcomeExtensions.ParseWireName(report.Outcome));
    }
}
