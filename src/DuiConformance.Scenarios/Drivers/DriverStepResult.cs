namespace DuiConformance.Scenarios.Drivers;

/// <summary>What happened when a driver performed a step.</summary>
/// <param name="Succeeded">The DUI did what was asked (as far as the driver can see).</param>
/// <param name="Message">What went wrong, in French, when it did not.</param>
/// <param name="Evidence">Ids of evidence saved for this step (screenshot, ARIA snapshot, HTML on failure).</param>
public sealed record DriverStepResult(bool Succeeded, string? Message, IReadOnlyList<string> Evidence)
{
    /// <summary>The step was performed.</summary>
    public static DriverStepResult Done { get; } = new(true, null, []);

    /// <summary>The step was deliberately not performed (an operator of the manual driver chose to skip it): reported as <c>skip</c>.</summary>
    public bool Skipped { get; init; }
}
