namespace DuiConformance.Core.Proof;

/// <summary>The verdicts of a batch: one per bundle, plus one per expected ESSMS that has no bundle.</summary>
/// <param name="Verdicts">Bundles in the order given, then the missing ESSMS.</param>
/// <param name="Elapsed">Wall-clock time of the verification.</param>
public sealed record ProofBatchResult(IReadOnlyList<ProofBundleVerdict> Verdicts, TimeSpan Elapsed)
{
    /// <summary>How many verdicts accept their bundle.</summary>
    public int AcceptedCount => Verdicts.Count(verdict => verdict.Accepted);

    /// <summary>How many verdicts reject (a bundle, or an expected ESSMS without one).</summary>
    public int RejectedCount => Verdicts.Count - AcceptedCount;

    /// <summary>True when every verdict accepts (and there is at least one).</summary>
    public bool AllAccepted => Verdicts.Count > 0 && RejectedCount == 0;
}
