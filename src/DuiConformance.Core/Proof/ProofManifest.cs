namespace DuiConformance.Core.Proof;

/// <summary>manifest.json of a proof bundle: the SHA-256 and size of every file but the manifest and its signature.</summary>
/// <param name="Algorithm">Always <c>sha256</c>.</param>
/// <param name="Files">One entry per file, sorted by path (ordinal).</param>
public sealed record ProofManifest(string Algorithm, IReadOnlyList<ProofManifestEntry> Files);
