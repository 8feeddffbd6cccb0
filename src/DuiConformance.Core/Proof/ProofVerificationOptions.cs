namespace DuiConformance.Core.Proof;

/// <summary>
/// What a GRADeS accepts when verifying installation proofs: the editors it trusts, the ESSMS it expects, the campaign
/// window, the requirements an installation proof must pass, and the tool and catalogue versions it has reviewed.
/// </summary>
public sealed record ProofVerificationOptions
{
    /// <summary>The editor certificates trusted to sign proofs.</summary>
    public required ProofTrustStore TrustStore { get; init; }

    /// <summary>The FINESS numbers of the project's ESSMS; null accepts any valid FINESS.</summary>
    public IReadOnlySet<string>? ExpectedFiness { get; init; }

    /// <summary>First day (UTC) of the campaign window, inclusive; null for no lower bound.</summary>
    public DateOnly? WindowStart { get; init; }

    /// <summary>Last day (UTC) of the campaign window, inclusive; null for no upper bound.</summary>
    public DateOnly? WindowEnd { get; init; }

    /// <summary>The requirements that must be <c>pass</c> in report.json (those of the rule <c>&lt;campaign&gt;-SONS-INSTALLATION-PROOF</c>).</summary>
    public required IReadOnlyList<string> RequiredRequirements { get; init; }

    /// <summary>The harness versions whose bundles are accepted.</summary>
    public required IReadOnlySet<string> AcceptedToolVersions { get; init; }

    /// <summary>The catalogue versions (<see cref="CatalogueVersion"/>) whose bundles are accepted.</summary>
    public required IReadOnlySet<string> AcceptedCatalogueVersions { get; init; }

    /// <summary>The clock that says what "in the future" means.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Tolerance between clocks when comparing dates of the run, the bundle and the signature.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest bundle file accepted, in bytes.</summary>
    public long MaxBundleBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Largest number of files in a bundle.</summary>
    public int MaxEntries { get; init; } = 10_000;

    /// <summary>Largest uncompressed size of one file, in bytes.</summary>
    public long MaxEntryBytes { get; init; } = 128L * 1024 * 1024;

    /// <summary>Largest report, metadata, manifest or signature file, in bytes (these are read into memory).</summary>
    public int MaxSmallFileBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Number of bundles verified at once in a batch; default the processor count.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
}
