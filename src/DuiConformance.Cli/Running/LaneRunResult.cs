using DuiConformance.Core.Evidence;
using DuiConformance.Scenarios.Running;

namespace DuiConformance.Cli.Running;

/// <summary>What the lanes of a run produced: one result per scenario in the plan's order, and every evidence item.</summary>
public sealed record LaneRunResult(IReadOnlyList<ScenarioRunResult> Results, IReadOnlyList<EvidenceItem> Evidence, string SutName, string SutVersion);
