using DuiConformance.Core.Checks;

namespace DuiConformance.Core.Reporting;

/// <summary>One check evaluated in one scenario: what the check is and what it found there.</summary>
/// <param name="Scenario">The scenario id whose evidence the check judged.</param>
/// <param name="Definition">The check, with the requirements it verifies.</param>
/// <param name="Result">Its verdict on that scenario's evidence.</param>
public sealed record CheckRun(string Scenario, CheckDefinition Definition, CheckResult Result);
