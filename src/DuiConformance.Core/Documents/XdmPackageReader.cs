using System.Globalization;
using System.IO.Compression;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Documents;

/// <summary>
/// Reads an IHE_XDM.ZIP safely by construction: bounded entry count, bounded total size, compression-ratio limit,
/// declared sizes never trusted, unsafe paths refused. Nothing is written to disk and no exception escapes: every
/// problem becomes an <see cref="XdmProblem"/>.
/// </summary>
public static class XdmPackageReader
{
    /// <summary>Reads <paramref name="zip"/> with <paramref name="limits"/> (default <see cref="XdmReadLimits.Default"/>).</summary>
    public static XdmPackage Read(ReadOnlyMemory<byte> zip, XdmReadLimits? limits = null)
    {
        limits ??= XdmReadLimits.Default;
        var entries = new List<XdmEntry>();
        var problems = new List<XdmProblem>();
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(new ReadOnlyMemoryStream(zip), ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or ArgumentException or NotSupportedException)
        {
            problems.Add(new XdmProblem(XdmFindings.NotAZip, null, $"L'archive n'est pas un zip lisible : {exception.Message}"));
            return new XdmPackage(entries, problems, IsZip: false);
        }

        using (archive)
        {
            IReadOnlyList<ZipArchiveEntry> all;
            try
            {
                all = archive.Entries;
            }
            catch (Exception exception) when (exception is InvalidDataException or IOException)
            {
                problems.Add(new XdmProblem(XdmFindings.NotAZip, null, $"Répertoire central du zip illisible : {exception.Message}"));
                return new XdmPackage(entries, problems, IsZip: false);
            }

            if (all.Count > limits.MaxEntries)
            {
                problems.Add(new XdmProblem(
                    XdmFindings.Limits,
                    null,
                    string.Create(CultureInfo.InvariantCulture, $"L'archive compte {all.Count} entrées (limite {limits.MaxEntries}) : seules les {limits.MaxEntries} premières sont lues.")));
            }

            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            long total = 0;
            foreach (var entry in all.Take(limits.MaxEntries))
            {
                var path = entry.FullName;
                if (UnsafePathReason(path) is { } reason)
                {
                    problems.Add(new XdmProblem(XdmFindings.UnsafePath, path, $"Chemin d'entrée refusé ({reason}) : « {Printable(path)} »."));
                    continue;
                }

                if (path.EndsWith('/'))
                {
                    continue;
                }

                if (!seen.Add(path))
                {
                    problems.Add(new XdmProblem(XdmFindings.DuplicateEntry, path, $"Entrée en double dans l'archive : « {path} »."));
                    continue;
                }

                if (ReadEntry(entry, limits, ref total, problems) is { } content)
                {
                    entries.Add(new XdmEntry(path, content));
                }
            }
        }

        return new XdmPackage(entries, problems, IsZip: true);
    }

    /// <summary>Why a zip entry path is unsafe to use, or <c>null</c> when it is a plain relative path.</summary>
    public static string? UnsafePathReason(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
        {
            return "chemin vide";
        }

        if (path.Any(char.IsControl))
        {
            return "caractère de contrôle";
        }

        if (path.Contains('\\', StringComparison.Ordinal))
        {
            return "séparateur « \\ »";
        }

        if (path.StartsWith('/') || (path.Length >= 2 && path[1] == ':'))
        {
            return "chemin absolu";
        }

        // Note: "zip slip": a ".." segment lets an extractor write outside its folder.
        if (path.Split('/').Any(segment => segment == ".."))
        {
            return "segment « .. »";
        }

        return null;
    }

    private static ReadOnlyMemory<byte>? ReadEntry(ZipArchiveEntry entry, XdmReadLimits limits, ref long total, List<XdmProblem> problems)
    {
        var path = entry.FullName;
        var declared = entry.Length;
        var compressed = entry.CompressedLength;
        if (declared < 0 || declared > limits.MaxTotalBytes - total)
        {
            problems.Add(new XdmProblem(
                XdmFindings.Limits,
                path,
                string.Create(CultureInfo.InvariantCulture, $"Taille décompressée déclarée {declared} octets : dépasse la limite de {limits.MaxTotalBytes} octets pour l'archive (bombe zip possible) ; entrée non lue.")));
            return null;
        }

        if (declared >= limits.RatioThresholdBytes && (compressed <= 0 || (double)declared / compressed > limits.MaxCompressionRatio))
        {
            problems.Add(new XdmProblem(
                XdmFindings.Limits,
                path,
                string.Create(CultureInfo.InvariantCulture, $"Taux de compression {declared}/{compressed} supérieur à {limits.MaxCompressionRatio} (bombe zip possible) ; entrée non lue.")));
            return null;
        }

        try
        {
            using var stream = entry.Open();

            // Note: the declared size is never trusted: read at most declared + 1 bytes, so a size lie is seen and bounded.
            var buffer = new byte[declared + 1];
            var read = 0;
            while (read < buffer.Length)
            {
                var count = stream.Read(buffer, read, buffer.Length - read);
                if (count == 0)
                {
                    break;
                }

                read += count;
            }

            if (read != declared)
            {
                problems.Add(new XdmProblem(
                    XdmFindings.Limits,
                    path,
                    string.Create(CultureInfo.InvariantCulture, $"Taille réelle différente de la taille déclarée ({declared} octets) : entrée non lue.")));
                return null;
            }

            // Note: .NET stops at the declared size, so a size that lies low truncates silently; the CRC-32 catches it.
            if (Crc32.Compute(buffer.AsSpan(0, read)) != entry.Crc32)
            {
                problems.Add(new XdmProblem(
                    XdmFindings.Limits,
                    path,
                    "CRC-32 de l'entrée incorrect (taille déclarée mensongère ou contenu altéré) : entrée non lue."));
                return null;
            }

            total += read;
            return buffer.AsMemory(0, read);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or NotSupportedException)
        {
            problems.Add(new XdmProblem(XdmFindings.NotAZip, path, $"Entrée illisible : {exception.Message}"));
            return null;
        }
    }

    private static string Printable(string path) => new([.. path.Select(character => char.IsControl(character) ? '?' : character)]);
}
