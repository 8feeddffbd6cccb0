namespace DuiConformance.Cli.Running;

/// <summary>
/// Where a run's wall time went: starting until the first lane was ready (simulators, system under test, browser), each
/// scenario in the plan's order (inside its lane), and the whole run up to the written report.
/// </summary>
public sealed record RunTimings(TimeSpan LaneStart, IReadOnlyList<(string Scenario, int Lane, TimeSpan Duration)> Scenarios, TimeSpan Total);
