namespace DuiConformance.Core.Proof;

/// <summary>
/// Names inside <c>proof.zip</c>, the SONS installation proof of one ESSMS (domain.md §6, §8.7 FIN-01): the run's
/// report, its evidence, the metadata, a manifest of SHA-256 sums, and a detached CMS signature over the manifest.
/// </summary>
public static class ProofBundleLayout
{
    /// <summary>Default file name of a bundle, written beside the report files.</summary>
    public const string FileName = "proof.zip";

    /// <summary>The run's report.json, byte for byte.</summary>
    public const string Report = "report.json";

    /// <summary>The bundle's metadata (<see cref="ProofMetadata"/>).</summary>
    public const string Metadata = "metadata.json";

    /// <summary>The manifest (<see cref="ProofManifest"/>): SHA-256 and size of every other file but the signature.</summary>
    public const string Manifest = "manifest.json";

    /// <summary>The detached CMS (PKCS #7) signature over manifest.json; absent in an unsigned bundle.</summary>
    public const string Signature = "manifest.json.p7s";

    /// <summary>Prefix of the evidence files (the run's evidence index and content-addressed objects).</summary>
    public const string EvidencePrefix = "evidence/";

    /// <summary>Prefix of the evidence objects, named by their SHA-256.</summary>
    public const string EvidenceObjectsPrefix = "evidence/objects/";

    /// <summary>The value of <see cref="ProofMetadata.Format"/>.</summary>
    public const string FormatName = "dui-conformance-proof";
}
