using DuiConformance.Core.Checks;
using DuiConformance.Core.Reporting;

namespace DuiConformance.Scenarios.Running;

/// <summary>What running one scenario produced: its report entry and every check verdict.</summary>
public sealed record ScenarioRunResult(ScenarioReport Report, IReadOnlyList<ScenarioCheckResult> Checks);

/// <summary>One check verdict within a scenario.</summary>
public sealed record ScenarioCheckResult(string Scenario, CheckDefinition Definition, CheckResult Result);
