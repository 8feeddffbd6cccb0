using DuiConformance.Scenarios.Definitions;

namespace DuiConformance.Scenarios.Drivers;

/// <summary>
/// Makes a DUI perform the actions of a scenario: a scripted browser, HTTP test hooks, or a person (issue 6 §2).
/// A driver never judges; it only acts and records what it saw (traces, screenshots) as evidence.
/// </summary>
public interface IScenarioDriver : IAsyncDisposable
{
    /// <summary>Name shown in the report (<c>playwright</c>, <c>http-hooks</c>, <c>manual</c>).</summary>
    string Name { get; }

    /// <summary>Prepares for a scenario (a fresh browser context, for example).</summary>
    Task StartScenarioAsync(ScenarioDefinition scenario, CancellationToken cancellationToken);

    /// <summary>Performs one action step. Failure of the DUI to perform is a result, not an exception.</summary>
    /// <exception cref="Core.HarnessException">The driver itself broke (browser crashed, UI map missing the action).</exception>
    Task<DriverStepResult> PerformAsync(ScenarioStep step, ScenarioData data, CancellationToken cancellationToken);

    /// <summary>Ends a scenario and saves its artifacts (the trace, always).</summary>
    Task<IReadOnlyList<string>> EndScenarioAsync(CancellationToken cancellationToken);
}
