namespace DuiConformance.Core.Evidence;

/// <summary>Who an exchange belongs to: the run, the scenario and the step that was active when it was recorded.</summary>
public sealed record EvidenceTags(string Run, string Scenario, string Step)
{
    /// <summary>Tags for traffic seen outside any scenario (a DUI calling the simulators between runs).</summary>
    public static EvidenceTags Untagged(string run) => new(run, "-", "-");
}
