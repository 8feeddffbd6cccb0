using DuiConformance.Scenarios.Drivers;

namespace DuiConformance.Cli.Running;

/// <summary>A system under test ready to be driven: what to stop at the end (nothing for an external DUI), its driver and how it names itself.</summary>
public sealed record LaunchedSut(IAsyncDisposable? Process, IScenarioDriver Driver, string Name, string Version);
