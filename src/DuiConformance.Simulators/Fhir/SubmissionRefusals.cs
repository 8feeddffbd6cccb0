using System.Collections.Concurrent;

namespace DuiConformance.Simulators.Fhir;

/// <summary>
/// The refusals armed for the next document submissions (ITI-65, ITI-105), first armed first used; each one is used
/// once. Scenarios arm them through <see cref="RunningSimulators.RefuseNextSubmission"/>.
/// </summary>
public sealed class SubmissionRefusals
{
    private readonly ConcurrentQueue<SubmissionRefusal> _armed = new();

    /// <summary>Makes the next submission not yet refused get <paramref name="refusal"/>.</summary>
    public void Arm(SubmissionRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        _armed.Enqueue(refusal);
    }

    /// <summary>The refusal for the submission being processed, or <c>null</c> when none is armed.</summary>
    public SubmissionRefusal? Take() => _armed.TryDequeue(out var refusal) ? refusal : null;

    /// <summary>Withdraws every refusal not used yet.</summary>
    public void Clear() => _armed.Clear();
}
