namespace DuiConformance.Simulators;

/// <summary>
/// The <c>HARNESS-91xx</c> codes of <see cref="Core.HarnessException"/>s the simulators throw: environment faults that
/// make a run's outcome <c>error</c>, never a DUI failure (STYLE.md rule 15b). Permanent; never reuse a number.
/// </summary>
public static class SimulatorHarnessCodes
{
    /// <summary>The SMTP simulator could not listen (port in use, address not available).</summary>
    public const string SmtpBindFailed = "HARNESS-9101";

    /// <summary>The FHIR simulator could not start (port in use, address not available).</summary>
    public const string FhirStartFailed = "HARNESS-9102";
}
