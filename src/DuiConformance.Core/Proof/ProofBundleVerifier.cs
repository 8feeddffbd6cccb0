using DuiConformance.Core.Organisations;
using System.Text;
using System.Text.Json;
using DuiConformance.Core.Reporting;

namespace DuiConformance.Core.Proof;

/// <summary>
/// Verifies one SONS installation proof bundle (domain.md §6, §8.7 FIN-01) in one streaming pass: integrity (every
/// hash, no missing or extra file), signature (valid, trusted, certificate valid at signing time), FINESS (valid and
/// expected), dates (coherent, inside the campaign window), the installation-proof requirements passed, and the tool
/// and catalogue versions accepted. Each problem is a <see cref="ProofRejection"/> with a permanent code.
/// </summary>
/// <remarks>Thread-safe: a batch runs one verifier on several threads (the trust decisions are cached).</remarks>
public sealed class ProofBundleVerifier(ProofVerificationOptions options)
{
    /// <summary>The options this verifier applies.</summary>
    public ProofVerificationOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Verifies the bundle file at <paramref name="path"/>.</summary>
    public ProofBundleVerdict Verify(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
            return Verify(stream, path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new ProofBundleVerdict { Source = path, Rejections = [ProofFindings.Unreadable.With($"fichier illisible : {exception.Message}")] };
        }
    }

    /// <summary>Verifies a bundle read from <paramref name="bundle"/>; <paramref name="source"/> names it in the verdict.</summary>
    public ProofBundleVerdict Verify(Stream bundle, string source)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var (files, unreadable) = ProofBundleReader.Read(bundle, Options);
        if (files is null)
        {
            return new ProofBundleVerdict { Source = source, Rejections = [unreadable!] };
        }

        var rejections = new List<ProofRejection>();
        CheckIntegrity(files, rejections);

        string? signer = null;
        DateTimeOffset? signedAt = null;
        if (files.TryGetValue(ProofBundleLayout.Signature, out var signature) && files.TryGetValue(ProofBundleLayout.Manifest, out var manifest))
        {
            (signer, signedAt, var signatureRejections) = ProofSignatureCheck.Verify(manifest.Content!, signature.Content!, Options.TrustStore);
            rejections.AddRange(signatureRejections);
        }
        else if (!files.ContainsKey(ProofBundleLayout.Signature))
        {
            rejections.Add(ProofFindings.Unsigned.With("manifest.json.p7s absent : le lot n'est pas signé par l'éditeur"));
        }

        var metadata = ReadMetadata(files, rejections);
        var report = ReadReport(files, rejections);
        if (metadata is not null)
        {
            CheckFiness(metadata.Finess, rejections);
            CheckVersions(metadata, rejections);
            CheckDates(metadata, signedAt, rejections);
            if (report is not null)
            {
                CheckConsistency(metadata, report, rejections);
            }
        }

        if (report is not null)
        {
            CheckRequirements(report, rejections);
        }

        return new ProofBundleVerdict
        {
            Source = source,
            Finess = metadata?.Finess,
            Dui = metadata is null ? null : $"{metadata.DuiName} {metadata.DuiVersion}",
            Signer = signer,
            SignedAt = signedAt,
            ToolVersion = metadata?.ToolVersion,
            CatalogueVersion = metadata?.CatalogueVersion,
            Rejections = rejections,
            EvidenceHashes = [.. files.Values.Where(file => file.Path.StartsWith(ProofBundleLayout.EvidenceObjectsPrefix, StringComparison.Ordinal)).Select(file => file.Sha256)],
        };
    }

    private static void CheckIntegrity(IReadOnlyDictionary<string, ProofBundleFile> files, List<ProofRejection> rejections)
    {
        if (!files.TryGetValue(ProofBundleLayout.Manifest, out var manifestFile))
        {
            rejections.Add(ProofFindings.ManifestInvalid.With("manifest.json absent"));
            return;
        }

        ProofManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(manifestFile.Content, ProofJsonContext.Default.ProofManifest);
        }
        catch (JsonException exception)
        {
            rejections.Add(ProofFindings.ManifestInvalid.With($"manifest.json n'est pas du JSON attendu : {exception.Message}"));
            return;
        }

        if (manifest?.Files is null || manifest.Algorithm != "sha256" || manifest.Files.Any(entry => entry?.Path is null || entry.Sha256 is null))
        {
            rejections.Add(ProofFindings.ManifestInvalid.With("manifest.json doit donner l'algorithme sha256 et, pour chaque fichier, son chemin, son empreinte et sa taille"));
            return;
        }

        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in manifest.Files)
        {
            if (!listed.Add(entry.Path) || entry.Path is ProofBundleLayout.Manifest or ProofBundleLayout.Signature)
            {
                rejections.Add(ProofFindings.ManifestInvalid.With($"manifest.json cite « {entry.Path} » deux fois ou cite un fichier qu'il ne peut pas couvrir"));
                continue;
            }

            if (!files.TryGetValue(entry.Path, out var file))
            {
                rejections.Add(ProofFindings.MissingFile.With($"« {entry.Path} » est au manifeste mais pas dans le lot"));
            }
            else if (!string.Equals(file.Sha256, entry.Sha256, StringComparison.Ordinal) || file.Size != entry.Size)
            {
                rejections.Add(ProofFindings.HashMismatch.With($"« {entry.Path} » : SHA-256 {file.Sha256} ({file.Size} octets) au lieu de {entry.Sha256} ({entry.Size} octets) au manifeste"));
            }
        }

        foreach (var path in files.Keys.Where(path => path is not (ProofBundleLayout.Manifest or ProofBundleLayout.Signature) && !listed.Contains(path)).Order(StringComparer.Ordinal))
        {
            rejections.Add(ProofFindings.ExtraFile.With($"« {path} » est dans le lot mais pas au manifeste"));
        }
    }

    private static ProofMetadata? ReadMetadata(IReadOnlyDictionary<string, ProofBundleFile> files, List<ProofRejection> rejections)
    {
        if (!files.TryGetValue(ProofBundleLayout.Metadata, out var file))
        {
            rejections.Add(ProofFindings.MetadataInvalid.With("metadata.json absent"));
            return null;
        }

        try
        {
            var metadata = JsonSerializer.Deserialize(file.Content, ProofJsonContext.Default.ProofMetadata);
            if (metadata is null || metadata.Format != ProofBundleLayout.FormatName || metadata.FormatVersion != 1)
            {
                rejections.Add(ProofFindings.MetadataInvalid.With($"metadata.json n'est pas au format {ProofBundleLayout.FormatName} version 1"));
                return null;
            }

            if (!metadata.Signed && files.ContainsKey(ProofBundleLayout.Signature))
            {
                rejections.Add(ProofFindings.MetadataInvalid.With("metadata.json déclare le lot non signé alors qu'il porte une signature"));
            }

            return metadata;
        }
        catch (JsonException exception)
        {
            rejections.Add(ProofFindings.MetadataInvalid.With($"metadata.json illisible : {exception.Message}"));
            return null;
        }
    }

    private static RunReport? ReadReport(IReadOnlyDictionary<string, ProofBundleFile> files, List<ProofRejection> rejections)
    {
        if (!files.TryGetValue(ProofBundleLayout.Report, out var file))
        {
            rejections.Add(ProofFindings.ReportInvalid.With("report.json absent"));
            return null;
        }

        try
        {
            var report = RunReportJson.Deserialize(Encoding.UTF8.GetString(file.Content!));
            if (report.Sut is null || report.Tool is null || report.Requirements is null || report.Requirements.Any(requirement => requirement?.Id is null || requirement.Outcome is null))
            {
                rejections.Add(ProofFindings.ReportInvalid.With("report.json incomplet : sut, tool ou requirements manquants"));
                return null;
            }

            return report;
        }
        catch (InvalidDataException exception)
        {
            rejections.Add(ProofFindings.ReportInvalid.With(exception.Message));
            return null;
        }
    }

    private void CheckFiness(string? finess, List<ProofRejection> rejections)
    {
        if (FinessValidator.Validate(finess) is { } error)
        {
            rejections.Add(ProofFindings.FinessInvalid.With(error));
        }
        else if (Options.ExpectedFiness is { } expected && !expected.Contains(finess!))
        {
            rejections.Add(ProofFindings.FinessUnexpected.With($"le FINESS {finess} ne figure pas parmi les {expected.Count} ESSMS attendus du projet"));
        }
    }

    private void CheckVersions(ProofMetadata metadata, List<ProofRejection> rejections)
    {
        if (!Options.AcceptedToolVersions.Contains(metadata.ToolVersion))
        {
            rejections.Add(ProofFindings.ToolVersionRejected.With($"{metadata.ToolName} {metadata.ToolVersion} ; versions acceptées : {string.Join(", ", Options.AcceptedToolVersions.Order(StringComparer.Ordinal))}"));
        }

        if (!Options.AcceptedCatalogueVersions.Contains(metadata.CatalogueVersion))
        {
            rejections.Add(ProofFindings.CatalogueVersionRejected.With($"catalogue {metadata.CatalogueVersion} ; versions acceptées : {string.Join(", ", Options.AcceptedCatalogueVersions.Order(StringComparer.Ordinal))}"));
        }
    }

    private void CheckDates(ProofMetadata metadata, DateTimeOffset? signedAt, List<ProofRejection> rejections)
    {
        var skew = Options.ClockSkew;
        if (metadata.RunStartedAt > metadata.RunFinishedAt || metadata.RunFinishedAt > metadata.BundledAt + skew)
        {
            rejections.Add(ProofFindings.DateOutOfWindow.With($"dates dans le désordre : exécution {metadata.RunStartedAt:O} – {metadata.RunFinishedAt:O}, lot {metadata.BundledAt:O}"));
        }

        if (signedAt is { } signed && (signed < metadata.RunFinishedAt - skew || signed < metadata.BundledAt - skew))
        {
            rejections.Add(ProofFindings.DateOutOfWindow.With($"signé le {signed:O}, avant la fin de l'exécution ({metadata.RunFinishedAt:O}) ou la constitution du lot"));
        }

        var now = Options.Time.GetUtcNow();
        var start = Options.WindowStart is { } first ? new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : DateTimeOffset.MinValue;
        var end = Options.WindowEnd is { } last ? new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : DateTimeOffset.MaxValue;
        (string Name, DateTimeOffset? Value)[] dates =
        [
            ("début d'exécution", metadata.RunStartedAt), ("fin d'exécution", metadata.RunFinishedAt), ("constitution du lot", metadata.BundledAt), ("signature", signedAt),
        ];
        foreach (var (name, value) in dates)
        {
            if (value is not { } date)
            {
                continue;
            }

            if (date > now + skew)
            {
                rejections.Add(ProofFindings.DateOutOfWindow.With($"{name} le {date:O}, dans le futur"));
            }
            else if (date < start || date >= end)
            {
                rejections.Add(ProofFindings.DateOutOfWindow.With($"{name} le {date:O}, hors de la fenêtre de campagne du {Options.WindowStart:yyyy-MM-dd} au {Options.WindowEnd:yyyy-MM-dd} (UTC)"));
            }
        }
    }

    private static void CheckConsistency(ProofMetadata metadata, RunReport report, List<ProofRejection> rejections)
    {
        var differences = new List<string>();
        Compare("nom du DUI", metadata.DuiName, report.Sut.Name);
        Compare("version du DUI", metadata.DuiVersion, report.Sut.Version);
        Compare("outil", metadata.ToolName, report.Tool.Name);
        Compare("version de l'outil", metadata.ToolVersion, report.Tool.Version);
        Compare("campagne", metadata.Campaign, report.Campaign);
        if (metadata.RunStartedAt != report.StartedAt || metadata.RunFinishedAt != report.FinishedAt)
        {
            differences.Add("dates d'exécution");
        }

        if (differences.Count > 0)
        {
            rejections.Add(ProofFindings.MetadataInvalid.With($"metadata.json contredit report.json : {string.Join(", ", differences)}"));
        }

        void Compare(string name, string? fromMetadata, string fromReport)
        {
            if (!string.Equals(fromMetadata, fromReport, StringComparison.Ordinal))
            {
                differences.Add($"{name} « {fromMetadata} » au lieu de « {fromReport} »");
            }
        }
    }

    private void CheckRequirements(RunReport report, List<ProofRejection> rejections)
    {
        var outcomes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var requirement in report.Requirements)
        {
            // Note: a requirement listed twice counts only if every occurrence passed.
            if (!outcomes.TryAdd(requirement.Id, requirement.Outcome) && requirement.Outcome != "pass")
            {
                outcomes[requirement.Id] = requirement.Outcome;
            }
        }

        var notPassed = Options.RequiredRequirements
            .Where(id => !outcomes.TryGetValue(id, out var outcome) || outcome != "pass")
            .Select(id => $"{id} ({(outcomes.TryGetValue(id, out var outcome) ? outcome : "absente")})")
            .ToList();
        if (notPassed.Count > 0)
        {
            rejections.Add(ProofFindings.RequirementNotPassed.With($"non conformes dans report.json : {string.Join(", ", notPassed)}"));
        }
    }
}
