namespace DuiConformance.Core.Proof;

/// <summary>One file of a proof bundle's manifest.</summary>
/// <param name="Path">Path inside the zip, with forward slashes.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes.</param>
/// <param name="Size">Length in bytes.</param>
public sealed record ProofManifestEntry(string Path, string Sha256, long Size);
