using System.IO.Compression;
using System.Security.Cryptography;

namespace DuiConformance.Core.Proof;

/// <summary>
/// Reads a bundle in one pass with bounded memory: every entry is streamed through SHA-256, only the small control
/// files are kept in memory, and the safety limits (bundle size, entry count, entry size, paths) are enforced.
/// </summary>
public static class ProofBundleReader
{
    private static readonly HashSet<string> ControlFiles = new(StringComparer.Ordinal)
    {
        ProofBundleLayout.Report, ProofBundleLayout.Metadata, ProofBundleLayout.Manifest, ProofBundleLayout.Signature,
    };

    /// <summary>
    /// The files of the bundle, keyed by path; or, when the bundle cannot be read safely, the rejection saying why
    /// (<see cref="ProofFindings.Unreadable"/>).
    /// </summary>
    public static (IReadOnlyDictionary<string, ProofBundleFile>? Files, ProofRejection? Rejection) Read(Stream bundle, ProofVerificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(options);
        if (bundle.CanSeek && bundle.Length > options.MaxBundleBytes)
        {
            return (null, ProofFindings.Unreadable.With($"le lot pèse {bundle.Length} octets, au-delà de la limite de {options.MaxBundleBytes}"));
        }

        var files = new Dictionary<string, ProofBundleFile>(StringComparer.Ordinal);
        var buffer = new byte[81920];
        try
        {
            using var zip = new ZipArchive(bundle, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > options.MaxEntries)
            {
                return (null, ProofFindings.Unreadable.With($"{zip.Entries.Count} fichiers, au-delà de la limite de {options.MaxEntries}"));
            }

            foreach (var entry in zip.Entries)
            {
                if (UnsafePath(entry.FullName) is { } pathProblem)
                {
                    return (null, ProofFindings.Unreadable.With($"chemin « {entry.FullName} » refusé : {pathProblem}"));
                }

                if (files.ContainsKey(entry.FullName))
                {
                    return (null, ProofFindings.Unreadable.With($"le fichier « {entry.FullName} » figure deux fois dans l'archive"));
                }

                if (entry.Length > options.MaxEntryBytes)
                {
                    return (null, ProofFindings.Unreadable.With($"« {entry.FullName} » annonce {entry.Length} octets, au-delà de la limite de {options.MaxEntryBytes}"));
                }

                var keep = ControlFiles.Contains(entry.FullName);
                if (keep && entry.Length > options.MaxSmallFileBytes)
                {
                    return (null, ProofFindings.Unreadable.With($"« {entry.FullName} » annonce {entry.Length} octets, au-delà de la limite de {options.MaxSmallFileBytes}"));
                }

                var (file, problem) = ReadEntry(entry, keep, buffer, keep ? options.MaxSmallFileBytes : options.MaxEntryBytes);
                if (problem is not null)
                {
                    return (null, ProofFindings.Unreadable.With(problem));
                }

                files.Add(entry.FullName, file!);
            }
        }
        catch (InvalidDataException exception)
        {
            return (null, ProofFindings.Unreadable.With($"archive zip illisible : {exception.Message}"));
        }

        return (files, null);
    }

    private static (ProofBundleFile? File, string? Problem) ReadEntry(ZipArchiveEntry entry, bool keep, byte[] buffer, long limit)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var kept = keep ? new MemoryStream((int)Math.Min(entry.Length, limit)) : null;
        long total = 0;
        try
        {
            using var stream = entry.Open();
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += read;
                if (total > limit)
                {
                    return (null, $"« {entry.FullName} » dépasse {limit} octets une fois décompressé (taille annoncée {entry.Length})");
                }

                hash.AppendData(buffer, 0, read);
                kept?.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException exception)
        {
            return (null, $"« {entry.FullName} » ne se décompresse pas : {exception.Message}");
        }

        if (total != entry.Length)
        {
            return (null, $"« {entry.FullName} » fait {total} octets décompressé mais l'archive en annonce {entry.Length}");
        }

        return (new ProofBundleFile(entry.FullName, Convert.ToHexStringLower(hash.GetHashAndReset()), total, kept?.ToArray()), null);
    }

    private static string? UnsafePath(string path)
    {
        if (path.Length == 0 || path.EndsWith('/'))
        {
            return "dossier ou nom vide";
        }

        if (path.StartsWith('/') || path.Contains('\\', StringComparison.Ordinal) || path.Contains(':', StringComparison.Ordinal))
        {
            return "chemin absolu ou séparateur non admis";
        }

        if (path.Split('/').Any(part => part is "" or "." or ".."))
        {
            return "segment vide, « . » ou « .. »";
        }

        return path.Any(char.IsControl) ? "caractère de contrôle" : null;
    }
}
