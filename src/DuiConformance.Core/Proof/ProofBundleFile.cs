namespace DuiConformance.Core.Proof;

/// <summary>One file found in a bundle: its SHA-256 and size as actually read, and its bytes when it is a small control file.</summary>
/// <param name="Path">Path inside the zip.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the bytes read.</param>
/// <param name="Size">Number of bytes read.</param>
/// <param name="Content">The bytes, for report.json, metadata.json, manifest.json and its signature; null otherwise.</param>
public sealed record ProofBundleFile(string Path, string Sha256, long Size, byte[]? Content);
