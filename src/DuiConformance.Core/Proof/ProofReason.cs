namespace DuiConformance.Core.Proof;

/// <summary>
/// A permanent reason for rejecting a SONS installation proof bundle (band <c>PROOF-7xxx</c>): the code never changes
/// meaning and is never reused, so a GRADeS can filter verification CSVs by it year after year.
/// </summary>
/// <param name="Code">Banded code, e.g. <c>PROOF-7003</c>.</param>
/// <param name="TitleFr">What the rejection means, in French (the column shown to reviewers).</param>
public sealed record ProofReason(string Code, string TitleFr)
{
    /// <summary>A rejection for this reason, with the bundle-specific detail.</summary>
    public ProofRejection With(string detail) => new(Code, TitleFr, detail);
}
