namespace DuiConformance.Core.Proof;

/// <summary>
/// What goes into a bundle besides metadata, manifest and signature: the run's report.json bytes and its evidence
/// files (paths relative to the evidence folder, e.g. <c>objects/ab12….eml</c> or <c>index.jsonl</c>).
/// </summary>
/// <param name="Report">The exact bytes of report.json.</param>
/// <param name="Evidence">The evidence files to include, each with its bytes.</param>
public sealed record ProofBundleContent(byte[] Report, IReadOnlyList<KeyValuePair<string, byte[]>> Evidence);
