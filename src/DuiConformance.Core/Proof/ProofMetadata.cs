namespace DuiConformance.Core.Proof;

/// <summary>
/// metadata.json of a proof bundle: which ESSMS, which DUI, which harness and catalogue, and when (domain.md §8.7
/// FIN-01). Signed indirectly: the manifest holds its hash and the signature covers the manifest.
/// </summary>
public sealed record ProofMetadata
{
    /// <summary>Always <see cref="ProofBundleLayout.FormatName"/>.</summary>
    public string Format { get; init; } = ProofBundleLayout.FormatName;

    /// <summary>1 for this shape; a breaking change bumps it.</summary>
    public int FormatVersion { get; init; } = 1;

    /// <summary>The FINESS géographique of the ESSMS where the DUI was installed and the run was made.</summary>
    public required string Finess { get; init; }

    /// <summary>The DUI's product name, as it declared it in the report.</summary>
    public required string DuiName { get; init; }

    /// <summary>The DUI's version, as it declared it in the report (the referenced version under SONS).</summary>
    public required string DuiVersion { get; init; }

    /// <summary>The Ségur referencing identifier of the DUI version, when the editor gave it.</summary>
    public string? SegurReferencingId { get; init; }

    /// <summary>Name of the harness that made the run.</summary>
    public required string ToolName { get; init; }

    /// <summary>Version of the harness that made the run.</summary>
    public required string ToolVersion { get; init; }

    /// <summary>Version of the requirement catalogue and rule set the run was judged with (see <see cref="CatalogueVersion"/>).</summary>
    public required string CatalogueVersion { get; init; }

    /// <summary>The eligibility rule set id of the run, e.g. <c>2025</c>.</summary>
    public required string Campaign { get; init; }

    /// <summary>When the run started (UTC).</summary>
    public required DateTimeOffset RunStartedAt { get; init; }

    /// <summary>When the run finished (UTC).</summary>
    public required DateTimeOffset RunFinishedAt { get; init; }

    /// <summary>When the bundle was made (UTC).</summary>
    public required DateTimeOffset BundledAt { get; init; }

    /// <summary>True when the bundle carries a CMS signature; false for a bundle that proves nothing by itself.</summary>
    public required bool Signed { get; init; }

    /// <summary>For an unsigned bundle, a French notice saying so (shown to whoever opens metadata.json); null when signed.</summary>
    public string? UnsignedNotice { get; init; }

    /// <summary>Evidence kinds left out of the bundle (debugging aids such as the browser trace, not proof).</summary>
    public IReadOnlyList<string> ExcludedEvidenceKinds { get; init; } = [];
}
