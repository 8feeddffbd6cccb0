using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using DuiConformance.Core.Validation.Schematron;

namespace DuiConformance.Core.Validation;

/// <summary>
/// A folder of CI-SIS schematrons as the ANS publishes them (TestContenuCDA <c>schematrons/</c>): one
/// <c>CI-SIS_&lt;volet&gt;_&lt;version&gt;.sch</c> per document model. Finds the one that applies to a document from its
/// templateIds, compiles it on first use and keeps it for every later document.
/// </summary>
/// <remarks>
/// Note: each CI-SIS schematron includes an <c>Entete_*.sch</c> that asserts the volet's templateId
/// (<c>1.2.250.1.213.1.1.1.x</c>); that templateId names the model, and the document's templateId/@extension
/// (e.g. <c>2022.01</c>) picks the version. Without a matching version the latest one is used.
/// </remarks>
public sealed partial class SchematronCatalogue
{
    private const string GenericCiSisTemplate = "1.2.250.1.213.1.1.1.1";
    private readonly List<Entry> _entries;
    private readonly ConcurrentDictionary<string, Lazy<SchematronSchema>> _compiled = new(StringComparer.Ordinal);

    private SchematronCatalogue(string folder, List<Entry> entries)
    {
        Folder = folder;
        _entries = entries;
    }

    /// <summary>The schematron folder (or the folder of the single file given).</summary>
    public string Folder { get; }

    /// <summary>Every schematron file indexed, with the volet templateId it applies to (if found).</summary>
    public IReadOnlyList<(string File, string? TemplateId, string? Version)> Entries =>
        _entries.Select(e => (e.File, e.TemplateId, e.Version)).ToList();

    /// <summary>
    /// Indexes <paramref name="path"/>: a folder of <c>*.sch</c> files, or one <c>.sch</c> file that then applies to every
    /// document.
    /// </summary>
    /// <exception cref="HarnessException">HARNESS-9301 when the path does not exist.</exception>
    public static SchematronCatalogue Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            return new SchematronCatalogue(Path.GetDirectoryName(full)!, [new Entry(full, null, null, AppliesToAll: true)]);
        }

        if (!Directory.Exists(full))
        {
            throw new HarnessException(HarnessCodes.SchematronInvalid, $"Dossier de schematrons introuvable : {full}.");
        }

        var entries = Directory.GetFiles(full, "*.sch", SearchOption.TopDirectoryOnly)
            .Order(StringComparer.Ordinal)
            .Select(file => Index(full, file))
            .ToList();
        return new SchematronCatalogue(full, entries);
    }

    /// <summary>The schematron files that apply to a document with these templateIds (root, extension).</summary>
    public IReadOnlyList<string> Select(IEnumerable<(string Root, string? Extension)> templateIds)
    {
        var all = _entries.Where(e => e.AppliesToAll).Select(e => e.File).ToList();
        if (all.Count > 0)
        {
            return all;
        }

        var selected = new List<string>();
        foreach (var (root, extension) in templateIds.Distinct())
        {
            var candidates = _entries.Where(e => e.TemplateId == root).ToList();
            if (candidates.Count == 0)
            {
                continue;
            }

            var exact = candidates.FirstOrDefault(e => extension is not null && e.Version == extension);
            selected.Add((exact ?? candidates.OrderBy(e => e.Version, StringComparer.Ordinal).Last()).File);
        }

        return selected.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The compiled schematron for <paramref name="file"/> in its default phase, compiled once.</summary>
    public SchematronSchema Compiled(string file) =>
        _compiled.GetOrAdd(file, f => new Lazy<SchematronSchema>(() => SchematronSchema.Load(f))).Value;

    private static Entry Index(string folder, string file)
    {
        var text = File.ReadAllText(file);
        var version = VersionInName().Match(Path.GetFileName(file)) is { Success: true } v ? v.Groups[1].Value : null;
        foreach (Match include in EnteteInclude().Matches(text))
        {
            var included = SchematronPaths.Resolve(folder, include.Groups[1].Value);
            if (!File.Exists(included))
            {
                continue;
            }

            foreach (Match template in VoletTemplate().Matches(File.ReadAllText(included)))
            {
                if (template.Groups[1].Value != GenericCiSisTemplate)
                {
                    return new Entry(file, template.Groups[1].Value, version, AppliesToAll: false);
                }
            }
        }

        return new Entry(file, null, version, AppliesToAll: false);
    }

    [GeneratedRegex("""<include\s+href\s*=\s*"([^"]*Entete[^"]*)"\s*/>""", RegexOptions.CultureInvariant)]
    private static partial Regex EnteteInclude();

    [GeneratedRegex(@"templateId\[@root\s*=\s*'(1\.2\.250\.1\.213\.1\.1\.1\.[0-9.]+)'\]", RegexOptions.CultureInvariant)]
    private static partial Regex VoletTemplate();

    [GeneratedRegex(@"_(\d{4}\.\d{2})\.sch$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionInName();

    private sealed record Entry(string File, string? TemplateId, string? Version, bool AppliesToAll);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Folder} ({_entries.Count} schematrons)");
}
