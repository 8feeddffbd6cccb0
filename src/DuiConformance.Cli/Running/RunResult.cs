using DuiConformance.Core.Reporting;

namespace DuiConformance.Cli.Running;

/// <summary>What a run produced: the exit code, where the files are, and the report itself.</summary>
public sealed record RunResult(int ExitCode, string OutputDirectory, RunReport Report);
