using DuiConformance.Core.Findings;
using Hl7.Fhir.Model;

namespace DuiConformance.Core.Fhir.Profiles;

/// <summary>
/// The conformance resources the profile checker judges with: StructureDefinitions, ValueSets and CodeSystems by
/// canonical URL, gathered from our own <c>profiles/fhir/</c> and from official IG packages, plus what loading them
/// taught us (unreadable files, dependencies a package declares that are not loaded). A canonical is resolved across
/// every source loaded; the first one loaded wins.
/// </summary>
public sealed class FhirDefinitionSet
{
    private readonly Dictionary<string, StructureDefinition> _structures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ValueSet> _valueSets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CodeSystem> _codeSystems = new(StringComparer.Ordinal);
    private readonly List<string> _sources = [];
    private readonly List<FhirPackageInfo> _packages = [];
    private readonly List<Finding> _loadProblems = [];

    /// <summary>Human-readable names of what was loaded (e.g. <c>profiles/fhir (12)</c>, <c>ans.fhir.fr.pdsm#3.1.1 (60)</c>).</summary>
    public IReadOnlyList<string> Sources => _sources;

    /// <summary>The packages loaded, with the dependencies they declare.</summary>
    public IReadOnlyList<FhirPackageInfo> Packages => _packages;

    /// <summary>Files or packages that could not be read (FHIR-5306).</summary>
    public IReadOnlyList<Finding> LoadProblems => _loadProblems;

    /// <summary>Every StructureDefinition loaded.</summary>
    public IEnumerable<StructureDefinition> Structures => _structures.Values;

    /// <summary>Adds one conformance resource; anything else is ignored. Returns true when it was kept.</summary>
    public bool Add(Resource resource)
    {
        switch (resource)
        {
            case StructureDefinition { Url: { Length: > 0 } url } structure:
                return _structures.TryAdd(url, structure);
            case ValueSet { Url: { Length: > 0 } url } valueSet:
                return _valueSets.TryAdd(url, valueSet);
            case CodeSystem { Url: { Length: > 0 } url } codeSystem:
                return _codeSystems.TryAdd(url, codeSystem);
            default:
                return false;
        }
    }

    /// <summary>Records a source name (how many resources it gave).</summary>
    public void AddSource(string name) => _sources.Add(name);

    /// <summary>Records a package's identity and declared dependencies.</summary>
    public void AddPackage(FhirPackageInfo package) => _packages.Add(package);

    /// <summary>Records a file or package that could not be read.</summary>
    public void AddLoadProblem(Finding problem) => _loadProblems.Add(problem);

    /// <summary>The StructureDefinition at <paramref name="canonical"/> (a <c>|version</c> suffix is ignored), or <c>null</c>.</summary>
    public StructureDefinition? FindStructure(string? canonical) => Find(_structures, canonical);

    /// <summary>The ValueSet at <paramref name="canonical"/>, or <c>null</c>.</summary>
    public ValueSet? FindValueSet(string? canonical) => Find(_valueSets, canonical);

    /// <summary>The CodeSystem at <paramref name="canonical"/>, or <c>null</c>.</summary>
    public CodeSystem? FindCodeSystem(string? canonical) => Find(_codeSystems, canonical);

    /// <summary>
    /// The dependencies declared by loaded packages that no loaded package satisfies (same id; any version is
    /// accepted, the version asked is said in the message), as FHIR-5303 notes.
    /// </summary>
    public IReadOnlyList<Finding> MissingDependencies()
    {
        var loaded = _packages.Select(package => package.Name).ToHashSet(StringComparer.Ordinal);
        var missing = new List<Finding>();
        foreach (var package in _packages)
        {
            foreach (var (name, version) in package.Dependencies)
            {
                // Note: hl7.fhir.r4.core is the FHIR R4 model itself, which Firely's POCOs carry (base cardinalities).
                if (loaded.Contains(name) || string.Equals(name, "hl7.fhir.r4.core", StringComparison.Ordinal))
                {
                    continue;
                }

                missing.Add(FhirProfileFindings.MissingDependency.At(
                    new FindingLocation(package.Source),
                    $"Le paquet {package.Name}#{package.Version} dépend de {name}#{version}, qui n'est pas chargé : les définitions qu'il porte ne sont pas vérifiées."));
            }
        }

        return missing;
    }

    private static T? Find<T>(Dictionary<string, T> map, string? canonical)
        where T : class
    {
        if (string.IsNullOrEmpty(canonical))
        {
            return null;
        }

        var bar = canonical.IndexOf('|', StringComparison.Ordinal);
        var url = bar < 0 ? canonical : canonical[..bar];
        if (map.TryGetValue(url, out var found))
        {
            return found;
        }

        // Note: FR Core 2.0.0 used http://hl7.fr/..., 2.1.0 https://hl7.fr/... (MANIFEST of the reference folder).
        var other = url.StartsWith("https://", StringComparison.Ordinal) ? "http://" + url[8..]
            : url.StartsWith("http://", StringComparison.Ordinal) ? "https://" + url[7..] : null;
        return other is not null && map.TryGetValue(other, out found) ? found : null;
    }
}
