using System.Globalization;
using DuiConformance.Core.Findings;
using Hl7.Fhir.Model;

namespace DuiConformance.Core.Fhir.Profiles;

/// <summary>
/// One run of the profile checker over one instance: evaluates each element definition of a profile (cardinality,
/// types, fixed and pattern values, bindings, slicing, FHIRPath invariants) against the instance nodes found along its
/// id, follows type profiles (bundle entries, extensions, datatypes) and differential bases, and collects the issues.
/// Notes about what could not be judged are given once per subject.
/// </summary>
internal sealed class ProfileEvaluation(FhirDefinitionSet definitions, InvariantEvaluator invariants, FhirProfileOptions options, Resource root)
{
    private const string CoreStructurePrefix = "http://hl7.org/fhir/StructureDefinition/";
    private readonly ValueSetMembership _membership = new(definitions);
    private readonly List<ProfileIssue> _issues = [];
    private readonly HashSet<string> _noted = new(StringComparer.Ordinal);
    private readonly HashSet<(Base, string)> _visited = new(new VisitComparer());

    public List<ProfileIssue> Issues => _issues;

    /// <summary>The references that point inside the judged instance.</summary>
    public LocalReferences References { get; } = new(root);

    /// <summary>The resource type a profile constrains: from its loaded definition, or the tail of a core URL; else <c>null</c>.</summary>
    public string? TypeOfProfile(string canonical) =>
        definitions.FindStructure(canonical)?.Type
        ?? (canonical.StartsWith(CoreStructurePrefix, StringComparison.Ordinal) ? canonical[CoreStructurePrefix.Length..] : null);

    /// <summary>Evaluates <paramref name="node"/> against the profile at <paramref name="canonical"/> (noting it when unresolved).</summary>
    public void Apply(InstanceNode node, string canonical, int depth)
    {
        if (depth > options.MaxDepth || !_visited.Add((node.Value, canonical)))
        {
            return;
        }

        var structure = definitions.FindStructure(canonical);
        if (structure is null)
        {
            if (!canonical.StartsWith(CoreStructurePrefix, StringComparison.Ordinal))
            {
                Note(FhirProfileFindings.Unresolved, node, node.Value.TypeName, $"Profil {canonical} non chargé : ses règles ne sont pas vérifiées.", canonical);
            }

            return;
        }

        if (structure.Type is { Length: > 0 } type && !string.Equals(type, node.Value.TypeName, StringComparison.Ordinal)
            && !(node.Value is Resource && type is "Resource" or "DomainResource"))
        {
            Add(FhirProfileFindings.Type, node, node.Value.TypeName, $"Le profil {canonical} contraint le type {type}, la ressource est de type {node.Value.TypeName}.", canonical);
            return;
        }

        var elements = new ProfileElements(structure);
        if (!elements.UsesSnapshot && structure.BaseDefinition is { } baseUrl && !baseUrl.StartsWith(CoreStructurePrefix, StringComparison.Ordinal))
        {
            // Note: without a snapshot the differential only restates what changes; the base profile still applies.
            Apply(node, baseUrl, depth + 1);
        }

        new ElementWalk(this, elements, node, depth).Run();
    }

    public void Add(FindingDefinition definition, InstanceNode at, string? elementPath, string message, string? profile) =>
        _issues.Add(new ProfileIssue(definition, at.Path, elementPath ?? string.Empty, message, profile, at.Resource.TypeName));

    public void AddAt(FindingDefinition definition, string path, Resource resource, string? elementPath, string message, string? profile) =>
        _issues.Add(new ProfileIssue(definition, path, elementPath ?? string.Empty, message, profile, resource.TypeName));

    /// <summary>An informational note, once per <paramref name="key"/> in this run.</summary>
    public void Note(FindingDefinition definition, InstanceNode at, string? elementPath, string message, string key)
    {
        if (_noted.Add(definition.Code + "|" + key))
        {
            Add(definition, at, elementPath, message, null);
        }
    }

    public void CheckBinding(ElementDefinition element, InstanceNode node, string profile)
    {
        var binding = element.Binding;
        if (binding?.ValueSet is not { Length: > 0 } valueSet
            || binding.Strength is not (BindingStrength.Required or BindingStrength.Extensible))
        {
            return;
        }

        var codes = Codes(node.Value);
        if (codes.Count == 0)
        {
            return;
        }

        bool? any = false;
        foreach (var (system, code) in codes)
        {
            var member = _membership.Contains(valueSet, system, code);
            if (member == true)
            {
                return;
            }

            if (member is null)
            {
                any = null;
            }
        }

        if (any is null)
        {
            // Note: core FHIR value sets bind POCO enumerations, which the parser already enforces.
            if (!valueSet.StartsWith("http://hl7.org/fhir/ValueSet/", StringComparison.Ordinal))
            {
                Note(FhirProfileFindings.BindingNotEvaluated, node, element.Path,
                    $"Jeu de valeurs {valueSet} non vérifiable hors ligne (non chargé, filtre ou système de codes absent) : liaison de {element.Path} non évaluée.", valueSet);
            }

            return;
        }

        var shown = string.Join(", ", codes.Select(pair => pair.System is null ? pair.Code : $"{pair.System}|{pair.Code}"));
        if (binding.Strength == BindingStrength.Required)
        {
            Add(FhirProfileFindings.RequiredBinding, node, element.Path, $"{shown} n'appartient pas au jeu de valeurs requis {valueSet} ({element.Path}).", profile);
        }
        else
        {
            Add(FhirProfileFindings.ExtensibleBinding, node, element.Path, $"{shown} n'appartient pas au jeu de valeurs extensible {valueSet} ({element.Path}) : à justifier.", profile);
        }
    }

    public void CheckInvariants(ElementDefinition element, InstanceNode node, string profile)
    {
        foreach (var constraint in element.Constraint)
        {
            if (constraint.Expression is not { Length: > 0 } expression)
            {
                continue;
            }

            var result = invariants.Evaluate(expression, node.Value, node.Resource);
            if (result.Holds is null)
            {
                Note(FhirProfileFindings.InvariantNotEvaluated, node, element.Path,
                    $"Invariant {constraint.Key} non évalué par le moteur FHIRPath ({result.Error}) : {expression}", constraint.Key + "|" + expression);
            }
            else if (result.Holds == false)
            {
                var definition = constraint.Severity == ConstraintSeverity.Warning ? FhirProfileFindings.InvariantWarning : FhirProfileFindings.Invariant;
                Add(definition, node, element.Path, $"Invariant {constraint.Key} non respecté : {constraint.Human} ({expression})", profile);
            }
        }
    }

    public static string Cardinality(int count) => count.ToString(CultureInfo.InvariantCulture);

    private static List<(string? System, string Code)> Codes(Base value) => value switch
    {
        Coding { Code: { Length: > 0 } code } coding => [(coding.System, code)],
        CodeableConcept concept => [.. concept.Coding.Where(coding => coding.Code is { Length: > 0 }).Select(coding => (coding.System, coding.Code!))],
        PrimitiveType { TypeName: "code" } primitive when PocoValueMatcher.Literal(primitive) is { Length: > 0 } code => [(null, code)],
        _ => [],
    };

    private sealed class VisitComparer : IEqualityComparer<(Base, string)>
    {
        public bool Equals((Base, string) x, (Base, string) y) => ReferenceEquals(x.Item1, y.Item1) && string.Equals(x.Item2, y.Item2, StringComparison.Ordinal);

        public int GetHashCode((Base, string) obj) => HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item1), StringComparer.Ordinal.GetHashCode(obj.Item2));
    }
}
