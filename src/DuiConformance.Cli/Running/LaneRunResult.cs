using DuiConformance.Core.Evidence;
using DuiConformance.Scenarios.Running;

namespace DuiConformance.Cli.Running;

/// <summary>
/// What the lanes of a run produced: one result per scenario in the plan's order, every evidence item, the time until
/// the first lane was ready, and the time each scenario took (plan order, with the lane that ran it).
/// </summary>
public sealed record LaneRunResult(
    IReadOnlyList<ScenarioRunResult> Results,
    IReadOnlyList<EvidenceItem> Evidence,
    string SutName,
    string SutVersion,
    TimeSpan LaneStart,
    IReadOnlyList<(string Scenario, int Lane, TimeSpan Duration)> Durations);
