using DuiConformance.Core.Organisations;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Reporting;

namespace DuiConformance.Core.Proof;

/// <summary>
/// Writes <c>proof.zip</c>, the SONS installation proof of one ESSMS (domain.md §6, §8.7 FIN-01): report.json,
/// evidence/, metadata.json, manifest.json (SHA-256 of every file) and, with the editor's key, a detached CMS signature
/// over the manifest (manifest.json.p7s).
/// </summary>
public static class ProofBundleWriter
{
    private const string UnsignedNotice =
        "LOT NON SIGNÉ : aucune clé de l'éditeur n'a été fournie ; ce lot ne prouve rien à lui seul et sera refusé par « dui-conformance verify ».";

    /// <summary>Bundles a finished run's folder.</summary>
    /// <exception cref="ArgumentException">The FINESS is invalid (the message says why).</exception>
    /// <exception cref="InvalidDataException">report.json or the evidence index is missing or malformed.</exception>
    public static async Task<WrittenProofBundle> WriteAsync(ProofBundleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (FinessValidator.Validate(request.Finess) is { } finessError)
        {
            throw new ArgumentException(finessError, nameof(request));
        }

        var reportPath = Path.Combine(request.RunDirectory, ReportFiles.JsonFileName);
        if (!File.Exists(reportPath))
        {
            throw new InvalidDataException($"{reportPath} absent : le lot de preuve se fait après le rapport.");
        }

        var reportBytes = await File.ReadAllBytesAsync(reportPath, cancellationToken).ConfigureAwait(false);
        var report = RunReportJson.Deserialize(Encoding.UTF8.GetString(reportBytes), reportPath);
        var content = new ProofBundleContent(reportBytes, await ReadEvidenceAsync(request, cancellationToken).ConfigureAwait(false));
        var bundledAt = request.Time.GetUtcNow();
        var metadata = new ProofMetadata
        {
            Finess = request.Finess,
            DuiName = report.Sut.Name,
            DuiVersion = report.Sut.Version,
            SegurReferencingId = string.IsNullOrWhiteSpace(request.SegurReferencingId) ? null : request.SegurReferencingId,
            ToolName = report.Tool.Name,
            ToolVersion = report.Tool.Version,
            CatalogueVersion = request.CatalogueVersion,
            Campaign = report.Campaign,
            RunStartedAt = report.StartedAt,
            RunFinishedAt = report.FinishedAt,
            BundledAt = bundledAt,
            Signed = request.SigningCertificate is not null,
            UnsignedNotice = request.SigningCertificate is null ? UnsignedNotice : null,
            ExcludedEvidenceKinds = request.ExcludedEvidenceKinds,
        };

        var outputPath = Path.GetFullPath(request.OutputPath ?? Path.Combine(request.RunDirectory, ProofBundleLayout.FileName));
        Directory.CreateDirectory(Path.GetDirectoryName(outputPath)!);
        // Note: write to a temporary name then rename, so nobody ever picks up half a bundle.
        var temporary = outputPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
        int count;
        await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            count = Write(stream, content, metadata, request.SigningCertificate, bundledAt);
        }

        File.Move(temporary, outputPath, overwrite: true);
        return new WrittenProofBundle(outputPath, metadata, count);
    }

    /// <summary>
    /// Writes a bundle to <paramref name="destination"/> from its parts; returns the number of files written. The
    /// manifest lists every file but itself and the signature; the signature (when a certificate is given) is made at
    /// <paramref name="signingTime"/>.
    /// </summary>
    public static int Write(Stream destination, ProofBundleContent content, ProofMetadata metadata, X509Certificate2? signingCertificate, DateTimeOffset signingTime)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(metadata);
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [ProofBundleLayout.Report] = content.Report,
            [ProofBundleLayout.Metadata] = JsonSerializer.SerializeToUtf8Bytes(metadata with { Signed = signingCertificate is not null }, ProofJson.Options),
        };
        foreach (var (path, bytes) in content.Evidence)
        {
            if (!files.TryAdd(ProofBundleLayout.EvidencePrefix + path, bytes))
            {
                throw new ArgumentException($"evidence file {path} given twice", nameof(content));
            }
        }

        var manifest = new ProofManifest(
            "sha256",
            [.. files.Select(file => new ProofManifestEntry(file.Key, Convert.ToHexStringLower(SHA256.HashData(file.Value)), file.Value.LongLength))]);
        var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest, ProofJson.Options);
        files[ProofBundleLayout.Manifest] = manifestBytes;
        if (signingCertificate is not null)
        {
            files[ProofBundleLayout.Signature] = ProofSigner.Sign(manifestBytes, signingCertificate, signingTime);
        }

        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (path, bytes) in files)
        {
            var entry = zip.CreateEntry(path, path.StartsWith(ProofBundleLayout.EvidenceObjectsPrefix, StringComparison.Ordinal) && IsCompressed(path) ? CompressionLevel.NoCompression : CompressionLevel.Fastest);
            entry.LastWriteTime = metadata.BundledAt;
            using var entryStream = entry.Open();
            entryStream.Write(bytes);
        }

        return files.Count;
    }

    private static bool IsCompressed(string path) => path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".png", StringComparison.OrdinalIgnoreCase);

    private static async Task<IReadOnlyList<KeyValuePair<string, byte[]>>> ReadEvidenceAsync(ProofBundleRequest request, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(request.RunDirectory, ReportFiles.EvidenceDirectoryName);
        var indexPath = Path.Combine(directory, EvidenceStore.IndexFileName);
        if (!File.Exists(indexPath))
        {
            return [];
        }

        var kept = new StringBuilder();
        var files = new List<KeyValuePair<string, byte[]>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in await File.ReadAllLinesAsync(indexPath, cancellationToken).ConfigureAwait(false))
        {
            if (line.Length == 0)
            {
                continue;
            }

            string kind;
            string file;
            try
            {
                using var document = JsonDocument.Parse(line);
                kind = document.RootElement.GetProperty("kind").GetString() ?? string.Empty;
                file = document.RootElement.GetProperty("file").GetString() ?? string.Empty;
            }
            catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new InvalidDataException($"{indexPath} : ligne d'index illisible : {exception.Message}", exception);
            }

            if (request.ExcludedEvidenceKinds.Contains(kind, StringComparer.Ordinal))
            {
                continue;
            }

            if (file.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(file) || file.Contains('\\', StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{indexPath} : chemin de preuve dangereux « {file} ».");
            }

            kept.Append(line).Append('\n');
            if (seen.Add(file))
            {
                files.Add(new(file, await File.ReadAllBytesAsync(Path.Combine(directory, file), cancellationToken).ConfigureAwait(false)));
            }
        }

        files.Add(new(EvidenceStore.IndexFileName, new UTF8Encoding(false).GetBytes(kept.ToString())));
        return files;
    }
}
