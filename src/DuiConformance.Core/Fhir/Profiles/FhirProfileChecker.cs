using DuiConformance.Core.Findings;
using Hl7.Fhir.Model;

namespace DuiConformance.Core.Fhir.Profiles;

/// <summary>
/// Checks FHIR R4 resources (Firely POCOs) against StructureDefinitions of a <see cref="FhirDefinitionSet"/>: the
/// profiles a resource names in <c>meta.profile</c> that are loaded, else our default profile for its type
/// (<see cref="EmbeddedProfiles"/>); bundle entries, contained resources, extensions and datatypes follow the type
/// profiles of their elements. Adds the base-model cardinalities and the INS identifier rules. Thread-safe.
/// </summary>
public sealed class FhirProfileChecker
{
    private readonly InvariantEvaluator _invariants = new();

    /// <summary>A checker over <paramref name="definitions"/>.</summary>
    public FhirProfileChecker(FhirDefinitionSet definitions, FhirProfileOptions? options = null)
    {
        Definitions = definitions ?? throw new ArgumentNullException(nameof(definitions));
        Options = options ?? FhirProfileOptions.Default;
    }

    /// <summary>The definitions judged with.</summary>
    public FhirDefinitionSet Definitions { get; }

    /// <summary>The options in force.</summary>
    public FhirProfileOptions Options { get; }

    /// <summary>The profiles applied to <paramref name="resource"/>: the loaded ones of meta.profile, else our default.</summary>
    public IReadOnlyList<string> ProfilesFor(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        List<string> declared = [.. resource.Meta?.Profile.OfType<string>().Where(profile => Definitions.FindStructure(profile) is not null) ?? []];
        if (declared.Count > 0)
        {
            return declared;
        }

        // Note: our profiles stand in only for what they were written from (domain.md §3.4: PDSm, MHD, FR Core).
        var profiles = resource.Meta?.Profile.ToList() ?? [];
        var standIn = profiles.Count == 0 || profiles.Any(EmbeddedProfiles.StandsInFor);
        return standIn && EmbeddedProfiles.DefaultFor(resource) is { } fallback && Definitions.FindStructure(fallback) is not null ? [fallback] : [];
    }

    /// <summary>
    /// Every issue of <paramref name="resource"/>, its paths starting at <paramref name="rootPath"/> (default: its type).
    /// <paramref name="profile"/> forces one profile instead of <see cref="ProfilesFor"/>.
    /// </summary>
    public IReadOnlyList<ProfileIssue> Check(Resource resource, string? rootPath = null, string? profile = null)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var root = new InstanceNode(resource, rootPath ?? resource.TypeName, resource);
        var run = new ProfileEvaluation(Definitions, _invariants, Options, resource);
        var profiles = profile is null ? ProfilesFor(resource) : [profile];
        foreach (var declared in resource.Meta?.Profile.OfType<string>() ?? [])
        {
            if (Definitions.FindStructure(declared) is null && profile is null)
            {
                run.Note(FhirProfileFindings.Unresolved, root, resource.TypeName, $"Profil déclaré {declared} non chargé : {(profiles.Count > 0 ? "remplacé par " + string.Join(", ", profiles) : "aucun profil appliqué")}.", declared);
            }
        }

        if (profiles.Count == 0)
        {
            run.Add(FhirProfileFindings.NoProfile, root, resource.TypeName, $"Aucun profil chargé ne s'applique à cette ressource {resource.TypeName} : seules les règles du modèle FHIR R4 sont vérifiées.", null);
        }

        foreach (var applied in profiles)
        {
            run.Apply(root, applied, 0);
        }

        var issues = run.Issues;
        var seen = new HashSet<(string, string)>(issues.Select(issue => (issue.Path, issue.Definition.Code)));
        foreach (var issue in BaseModelRules.Check(root))
        {
            if (!seen.Contains((issue.Path, FhirProfileFindings.Cardinality.Code)) && seen.Add((issue.Path, issue.Definition.Code)))
            {
                issues.Add(issue);
            }
        }

        issues.AddRange(AttachmentRules.Check(root));
        foreach (var patient in Patients(root))
        {
            issues.AddRange(InsIdentifierRules.Check(patient, Options.InsMode));
        }

        return [.. issues.DistinctBy(issue => (issue.Definition.Code, issue.Path, issue.Message))];
    }

    /// <summary>Converts issues into findings located in evidence <paramref name="evidenceId"/>, bearing on <paramref name="requirements"/>.</summary>
    public static IReadOnlyList<Finding> ToFindings(IEnumerable<ProfileIssue> issues, string? evidenceId, string? entry, IReadOnlyList<string>? requirements = null)
    {
        ArgumentNullException.ThrowIfNull(issues);
        return [.. issues.Select(issue => new Finding(
            issue.Definition.Code,
            issue.Severity,
            issue.Profile is null ? issue.Message : $"{issue.Message} [{issue.Profile}]",
            new FindingLocation(evidenceId, entry, issue.Path),
            requirements ?? issue.Definition.Requirements))];
    }

    private static IEnumerable<InstanceNode> Patients(InstanceNode root)
    {
        var pending = new Stack<InstanceNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node.Value is Patient)
            {
                yield return node;
            }

            if (node.Value is Resource)
            {
                foreach (var (name, child) in node.AllChildren())
                {
                    if (name is "entry" or "contained" or "resource" || child.Value is Resource)
                    {
                        pending.Push(child);
                    }
                }
            }
            else
            {
                foreach (var child in node.Children("resource"))
                {
                    pending.Push(child);
                }
            }
        }
    }
}
