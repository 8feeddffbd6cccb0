namespace DuiConformance.Core.Proof;

/// <summary>One reason a bundle was rejected: the permanent code, its French title and what exactly was wrong.</summary>
/// <param name="Code">A <see cref="ProofFindings"/> code, e.g. <c>PROOF-7003</c>.</param>
/// <param name="TitleFr">The reason's French title.</param>
/// <param name="Detail">French detail naming the file, value or requirement at fault.</param>
public sealed record ProofRejection(string Code, string TitleFr, string Detail)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Code} {TitleFr} : {Detail}";
}
