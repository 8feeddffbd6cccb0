namespace DuiConformance.Scenarios.Drivers.Hooks;

/// <summary>What a DUI says about itself in <c>GET info</c>.</summary>
/// <param name="Name">Product name, written in the report.</param>
/// <param name="Version">Product version, written in the report.</param>
/// <param name="Actions">The verbs of the action vocabulary its hooks perform.</param>
public sealed record HooksProduct(string Name, string Version, IReadOnlySet<string> Actions);
