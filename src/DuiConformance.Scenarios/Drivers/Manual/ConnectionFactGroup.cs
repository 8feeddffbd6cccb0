namespace DuiConformance.Scenarios.Drivers.Manual;

/// <summary>The connection facts of one simulated service (DMP, Pro Santé Connect, MSSanté, INSi…) or of the system under test.</summary>
/// <param name="Title">The service, in the run's language.</param>
/// <param name="Facts">Its values.</param>
public sealed record ConnectionFactGroup(string Title, IReadOnlyList<ConnectionFact> Facts);
