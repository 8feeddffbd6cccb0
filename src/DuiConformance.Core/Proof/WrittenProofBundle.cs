namespace DuiConformance.Core.Proof;

/// <summary>A bundle just written: where it is, its metadata, and how many files it holds (signature included).</summary>
public sealed record WrittenProofBundle(string Path, ProofMetadata Metadata, int FileCount);
