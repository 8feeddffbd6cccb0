namespace DuiConformance.Core.Proof;

/// <summary>
/// The verdict on one bundle (or on one expected ESSMS with no bundle): accepted when there is no rejection. Facts
/// read from the bundle are null when they could not be read.
/// </summary>
public sealed record ProofBundleVerdict
{
    /// <summary>The bundle's path, or the project CSV line for an ESSMS without a bundle.</summary>
    public required string Source { get; init; }

    /// <summary>The FINESS the bundle claims (from metadata.json), or the expected FINESS of a missing bundle.</summary>
    public string? Finess { get; init; }

    /// <summary>The DUI's name and version, from metadata.json.</summary>
    public string? Dui { get; init; }

    /// <summary>The signer's certificate subject.</summary>
    public string? Signer { get; init; }

    /// <summary>The signing time asserted in the signature.</summary>
    public DateTimeOffset? SignedAt { get; init; }

    /// <summary>The harness version that made the bundle.</summary>
    public string? ToolVersion { get; init; }

    /// <summary>The catalogue version the run was judged with.</summary>
    public string? CatalogueVersion { get; init; }

    /// <summary>Every reason the bundle is rejected; empty when accepted.</summary>
    public required IReadOnlyList<ProofRejection> Rejections { get; init; }

    /// <summary>SHA-256 (hex) of the evidence objects, for the reuse check across ESSMS; not kept after a batch.</summary>
    public IReadOnlyList<string> EvidenceHashes { get; init; } = [];

    /// <summary>True when no rejection was found.</summary>
    public bool Accepted => Rejections.Count == 0;
}
