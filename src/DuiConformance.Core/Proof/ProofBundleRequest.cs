using System.Security.Cryptography.X509Certificates;

namespace DuiConformance.Core.Proof;

/// <summary>What <see cref="ProofBundleWriter.WriteAsync"/> bundles: a finished run's folder, for one ESSMS.</summary>
public sealed record ProofBundleRequest
{
    /// <summary>The run's output folder, holding report.json and evidence/.</summary>
    public required string RunDirectory { get; init; }

    /// <summary>Where to write the bundle; default <c>&lt;RunDirectory&gt;/proof.zip</c>.</summary>
    public string? OutputPath { get; init; }

    /// <summary>The FINESS géographique of the ESSMS (validated; a wrong one is refused).</summary>
    public required string Finess { get; init; }

    /// <summary>The Ségur referencing identifier of the DUI version, when known.</summary>
    public string? SegurReferencingId { get; init; }

    /// <summary>The catalogue version the run was judged with (<see cref="CatalogueVersion"/>).</summary>
    public required string CatalogueVersion { get; init; }

    /// <summary>The editor's certificate with its private key; null writes an unsigned bundle, marked so in its metadata.</summary>
    public X509Certificate2? SigningCertificate { get; init; }

    /// <summary>Evidence kinds left out (debugging aids, not proof); default the browser trace.</summary>
    public IReadOnlyList<string> ExcludedEvidenceKinds { get; init; } = ["browser-trace"];

    /// <summary>The clock for the bundling and signing time; default the system clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
