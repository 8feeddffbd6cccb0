namespace DuiConformance.Core.Evidence;

/// <summary>
/// The tags the scenario runner sets before each step, read by the simulators when they record an exchange.
/// </summary>
/// <remarks>
/// One context per run. Scenarios that run in parallel use one store each (isolated data per scenario), so a single
/// current value is enough here.
/// </remarks>
public sealed class EvidenceTagContext
{
    private EvidenceTags _current;

    /// <summary>Creates a context whose first tags are the run's untagged ones.</summary>
    public EvidenceTagContext(string runId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        RunId = runId;
        _current = EvidenceTags.Untagged(runId);
    }

    /// <summary>The run these tags belong to.</summary>
    public string RunId { get; }

    /// <summary>The tags to stamp on the next recorded exchange.</summary>
    public EvidenceTags Current => Volatile.Read(ref _current);

    /// <summary>Sets the active scenario and step.</summary>
    public void Enter(string scenario, string step) => Volatile.Write(ref _current, new EvidenceTags(RunId, scenario, step));

    /// <summary>Back to untagged once a scenario ends.</summary>
    public void Leave() => Volatile.Write(ref _current, EvidenceTags.Untagged(RunId));
}
