namespace DuiConformance.Scenarios.Drivers.Manual;

/// <summary>One value a person must enter in their DUI's settings, such as the DMP's FHIR base or an SMTP password.</summary>
/// <param name="Label">What it is, in the run's language.</param>
/// <param name="Value">The value to enter, exactly.</param>
public sealed record ConnectionFact(string Label, string Value);
