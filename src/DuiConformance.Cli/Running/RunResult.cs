using DuiConformance.Core.Reporting;

namespace DuiConformance.Cli.Running;

/// <summary>What a run produced: the exit code, where the files are, and the report itself.</summary>
public sealed record RunResult(int ExitCode, string OutputDirectory, RunReport Report)
{
    /// <summary>Where the run's wall time went (for <c>./bench.sh suite</c>); <c>null</c> when not measured.</summary>
    public RunTimings? Timings { get; init; }
}
