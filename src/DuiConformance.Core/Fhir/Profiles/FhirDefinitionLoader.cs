using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Fhir.Profiles;

/// <summary>
/// Loads conformance resources into a <see cref="FhirDefinitionSet"/>: our own <c>profiles/fhir/</c> (JSON or XML
/// files), and official FHIR packages as published — a <c>package.tgz</c> (read with System.Formats.Tar over a
/// GZipStream) or a package cache folder (<c>~/.fhir/packages/&lt;id&gt;#&lt;ver&gt;/package/</c>). Unreadable files
/// become FHIR-5306 load problems, never an exception; packages are read in place, never copied.
/// </summary>
public static class FhirDefinitionLoader
{
    /// <summary>Largest package entry read, in bytes.</summary>
    public const int MaxEntryBytes = 32 * 1024 * 1024;

    /// <summary>Name of our own definitions in <see cref="FhirDefinitionSet.Sources"/>.</summary>
    public const string EmbeddedName = "profiles/fhir";

    private static readonly Lazy<FhirDefinitionSet> LazyEmbedded = new(() => Load(includeEmbedded: true, []));

    /// <summary>Our own definitions from <c>profiles/fhir/</c>, loaded once and shared (read-only afterwards).</summary>
    public static FhirDefinitionSet Embedded => LazyEmbedded.Value;

    /// <summary>A new set: our definitions when <paramref name="includeEmbedded"/>, then each package in order.</summary>
    public static FhirDefinitionSet Load(bool includeEmbedded, IEnumerable<string> packages)
    {
        ArgumentNullException.ThrowIfNull(packages);
        var set = new FhirDefinitionSet();
        if (includeEmbedded)
        {
            AddFolder(set, RepositoryLayout.Profile("fhir"), EmbeddedName);
        }

        foreach (var package in packages)
        {
            AddPackage(set, package);
        }

        return set;
    }

    /// <summary>Adds every JSON/XML conformance resource under <paramref name="folder"/> (recursively).</summary>
    public static void AddFolder(FhirDefinitionSet set, string folder, string name)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (!Directory.Exists(folder))
        {
            set.AddLoadProblem(FhirProfileFindings.DefinitionUnreadable.At(new FindingLocation(folder), $"Dossier de définitions FHIR introuvable : {folder}"));
            return;
        }

        var count = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            {
                count += AddFile(set, file, File.ReadAllBytes(file)) ? 1 : 0;
            }
        }

        set.AddSource(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{name} ({count})"));
    }

    /// <summary>Adds an official package: a <c>.tgz</c> file, a package folder, or a cache folder holding <c>package/</c>.</summary>
    public static void AddPackage(FhirDefinitionSet set, string path)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            if (File.Exists(path))
            {
                AddTarball(set, path);
            }
            else if (Directory.Exists(path))
            {
                var folder = Directory.Exists(Path.Combine(path, "package")) ? Path.Combine(path, "package") : path;
                var files = Directory.EnumerateFiles(folder, "*.json", SearchOption.TopDirectoryOnly)
                    .Order(StringComparer.Ordinal)
                    .Select(file => (Path.GetFileName(file), (Func<byte[]>)(() => File.ReadAllBytes(file))));
                AddPackageFiles(set, path, files);
            }
            else
            {
                set.AddLoadProblem(FhirProfileFindings.DefinitionUnreadable.At(new FindingLocation(path), $"Paquet FHIR introuvable : {path}"));
            }
        }
        catch (Exception exception) when (exception is IOException or JsonException or InvalidDataException or UnauthorizedAccessException or FormatException)
        {
            set.AddLoadProblem(FhirProfileFindings.DefinitionUnreadable.At(new FindingLocation(path), $"Paquet FHIR illisible : {exception.Message}"));
        }
    }

    private static void AddTarball(FhirDefinitionSet set, string path)
    {
        var files = new List<(string Name, Func<byte[]> Read)>();
        using (var stream = File.OpenRead(path))
        using (var gzip = new GZipStream(stream, CompressionMode.Decompress))
        using (var tar = new TarReader(gzip))
        {
            while (tar.GetNextEntry() is { } entry)
            {
                // Note: the FHIR package layout keeps resources at package/*.json; examples/ and other/ are not definitions.
                var name = entry.Name.Replace('\\', '/');
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null
                    || !name.StartsWith("package/", StringComparison.Ordinal) || name.IndexOf('/', 8) >= 0
                    || !name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || entry.Length > MaxEntryBytes)
                {
                    continue;
                }

                using var buffer = new MemoryStream();
                entry.DataStream.CopyTo(buffer);
                var bytes = buffer.ToArray();
                files.Add((name[8..], () => bytes));
            }
        }

        AddPackageFiles(set, path, files);
    }

    private static void AddPackageFiles(FhirDefinitionSet set, string source, IEnumerable<(string Name, Func<byte[]> Read)> files)
    {
        var count = 0;
        FhirPackageInfo? info = null;
        foreach (var (name, read) in files)
        {
            if (string.Equals(name, "package.json", StringComparison.Ordinal))
            {
                info = ReadManifest(read(), source);
                continue;
            }

            if (name.StartsWith('.') || !(name.StartsWith("StructureDefinition", StringComparison.Ordinal)
                || name.StartsWith("ValueSet", StringComparison.Ordinal) || name.StartsWith("CodeSystem", StringComparison.Ordinal)))
            {
                continue;
            }

            count += AddFile(set, $"{source}!{name}", read()) ? 1 : 0;
        }

        // Note: a folder without package.json (loose definitions) is named by its path and declares no dependency.
        info ??= new FhirPackageInfo(source, "?", [], source);
        set.AddPackage(info);
        var label = info.Version == "?" ? info.Name : $"{info.Name}#{info.Version}";
        set.AddSource(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{label} ({count})"));
    }

    private static FhirPackageInfo ReadManifest(byte[] json, string source)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var name = root.TryGetProperty("name", out var n) ? n.GetString() ?? "?" : "?";
        var version = root.TryGetProperty("version", out var v) ? v.GetString() ?? "?" : "?";
        var dependencies = new List<(string, string)>();
        if (root.TryGetProperty("dependencies", out var deps) && deps.ValueKind == JsonValueKind.Object)
        {
            foreach (var dependency in deps.EnumerateObject())
            {
                dependencies.Add((dependency.Name, dependency.Value.ValueKind == JsonValueKind.String ? dependency.Value.GetString() ?? "?" : "?"));
            }
        }

        return new FhirPackageInfo(name, version, dependencies, source);
    }

    private static bool AddFile(FhirDefinitionSet set, string name, byte[] content)
    {
        var resource = FhirResourceParser.Parse(content, out _, out var error);
        if (resource is null)
        {
            set.AddLoadProblem(FhirProfileFindings.DefinitionUnreadable.At(new FindingLocation(name), error ?? "Définition illisible."));
            return false;
        }

        return set.Add(resource);
    }
}
