using DuiConformance.Core.Findings;
using Hl7.Fhir.Model;

namespace DuiConformance.Core.Fhir.Profiles;

/// <summary>
/// Evaluates the element definitions of one profile on one root node: finds the instance nodes of each element id
/// (slices included), checks cardinality per parent, then each node's type, fixed/pattern value, binding, invariants
/// and type profiles; closed slicings get their unmatched elements reported.
/// </summary>
internal sealed class ElementWalk(ProfileEvaluation run, ProfileElements elements, InstanceNode root, int depth)
{
    private static readonly HashSet<string> AbstractTypes = new(StringComparer.Ordinal) { "Resource", "DomainResource", "Element", "BackboneElement", "DataType" };
    private readonly Dictionary<string, IReadOnlyList<InstanceNode>?> _selected = new(StringComparer.Ordinal);
    private readonly string _profile = elements.Structure.Url ?? string.Empty;

    public void Run()
    {
        foreach (var element in elements.Elements)
        {
            var id = ProfileElements.IdOf(element);
            var segments = ProfileElements.Segments(id);
            if (segments.Count == 1)
            {
                CheckNode(element, root);
                continue;
            }

            var parents = Select(ProfileElements.ParentId(id));
            if (parents is null)
            {
                continue;
            }

            var (name, slice) = segments[^1];
            var slicedId = ProfileElements.ParentId(id) + "." + name;
            foreach (var parent in parents)
            {
                var children = Filter(parent.Children(name), slicedId, slice);
                if (children is null)
                {
                    run.Note(FhirProfileFindings.SlicingNotEvaluated, parent, element.Path,
                        $"Tranche {id} non évaluée : discriminant de découpage non pris en charge ou tranche non définie.", _profile + "|" + id);
                    break;
                }

                CheckCardinality(element, parent, name, slice, children.Count);
                foreach (var child in children)
                {
                    CheckNode(element, child);
                }

                if (slice is null && element.Slicing?.Rules == ElementDefinition.SlicingRules.Closed)
                {
                    CheckClosed(element, slicedId, children);
                }
            }
        }
    }

    private IReadOnlyList<InstanceNode>? Select(string id)
    {
        if (_selected.TryGetValue(id, out var cached))
        {
            return cached;
        }

        IReadOnlyList<InstanceNode>? result;
        var segments = ProfileElements.Segments(id);
        if (segments.Count == 1)
        {
            result = [root];
        }
        else
        {
            var parents = Select(ProfileElements.ParentId(id));
            var (name, slice) = segments[^1];
            var slicedId = ProfileElements.ParentId(id) + "." + name;
            result = parents is null ? null : Filter([.. parents.SelectMany(parent => parent.Children(name))], slicedId, slice);
        }

        _selected[id] = result;
        return result;
    }

    private IReadOnlyList<InstanceNode>? Filter(IReadOnlyList<InstanceNode> children, string slicedId, string? slice)
    {
        if (slice is null)
        {
            return children;
        }

        var kept = new List<InstanceNode>();
        foreach (var child in children)
        {
            var inSlice = SliceMatcher.InSlice(elements, slicedId, slice, child);
            if (inSlice is null)
            {
                return null;
            }

            if (inSlice == true)
            {
                kept.Add(child);
            }
        }

        return kept;
    }

    private void CheckCardinality(ElementDefinition element, InstanceNode parent, string name, string? slice, int count)
    {
        var min = element.Min ?? 0;
        var max = element.Max is null or "*" ? int.MaxValue : int.TryParse(element.Max, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : int.MaxValue;
        if (count >= min && count <= max)
        {
            return;
        }

        var definition = slice is null ? FhirProfileFindings.Cardinality : FhirProfileFindings.SliceCardinality;
        var what = slice is null ? element.Path : $"{element.Path} (tranche {slice})";
        var at = $"{parent.Path}.{(name.EndsWith("[x]", StringComparison.Ordinal) ? name[..^3] : name)}";
        run.AddAt(definition, at, parent.Resource, element.Path,
            $"{what} : {ProfileEvaluation.Cardinality(count)} occurrence(s), cardinalité attendue {min}..{element.Max ?? "*"}.", _profile);
    }

    private void CheckNode(ElementDefinition element, InstanceNode node)
    {
        CheckType(element, node);
        CheckReferenceTarget(element, node);
        if (element.Fixed is { } fixedValue && !PocoValueMatcher.IsExactly(node.Value, fixedValue))
        {
            run.Add(FhirProfileFindings.Fixed, node, element.Path,
                $"{element.Path} vaut {PocoValueMatcher.Display(node.Value)}, valeur fixée attendue {PocoValueMatcher.Display(fixedValue)}.", _profile);
        }

        if (element.Pattern is { } pattern && !PocoValueMatcher.Matches(node.Value, pattern))
        {
            run.Add(FhirProfileFindings.Pattern, node, element.Path,
                $"{element.Path} vaut {PocoValueMatcher.Display(node.Value)}, motif attendu {PocoValueMatcher.Display(pattern)}.", _profile);
        }

        run.CheckBinding(element, node, _profile);
        run.CheckInvariants(element, node, _profile);
        FollowTypeProfiles(element, node);
    }

    private void CheckType(ElementDefinition element, InstanceNode node)
    {
        var codes = element.Type.Select(type => type.Code).Where(code => code is { Length: > 0 } && !code.StartsWith("http", StringComparison.Ordinal)).ToList();
        if (codes.Count == 0 || codes.Any(code => AbstractTypes.Contains(code!)) || !((element.Path ?? string.Empty).EndsWith("[x]", StringComparison.Ordinal) || node.Value is Resource))
        {
            return;
        }

        if (!codes.Contains(node.Value.TypeName, StringComparer.Ordinal))
        {
            run.Add(FhirProfileFindings.Type, node, element.Path,
                $"{element.Path} est de type {node.Value.TypeName}, types admis : {string.Join(", ", codes)}.", _profile);
        }
    }

    /// <summary>
    /// A reference that resolves inside the instance must designate a resource of a type its element's targetProfile
    /// allows (FHIR R4 ElementDefinition.type.targetProfile); a type the checker cannot tell, or a reference outside, is
    /// not judged.
    /// </summary>
    private void CheckReferenceTarget(ElementDefinition element, InstanceNode node)
    {
        if (node.Value is not ResourceReference { Reference: { Length: > 0 } reference })
        {
            return;
        }

        var targets = element.Type.Where(type => type.Code == "Reference").SelectMany(type => type.TargetProfile).OfType<string>().ToList();
        if (targets.Count == 0 || run.References.Resolve(reference, node.Resource) is not { } target)
        {
            return;
        }

        var types = targets.Select(run.TypeOfProfile).ToList();
        if (types.Any(type => type is null or "Resource" or "DomainResource" || type == target.TypeName))
        {
            return;
        }

        run.Add(FhirProfileFindings.ReferenceTarget, node, element.Path,
            $"{element.Path} désigne une ressource {target.TypeName} ({reference}), cibles admises : {string.Join(", ", types)}.", _profile);
    }

    private void FollowTypeProfiles(ElementDefinition element, InstanceNode node)
    {
        if (ProfileElements.Segments(ProfileElements.IdOf(element)).Count == 1)
        {
            return;
        }

        foreach (var type in element.Type)
        {
            if (!string.Equals(type.Code, node.Value.TypeName, StringComparison.Ordinal) && !(node.Value is Resource && type.Code is "Resource"))
            {
                continue;
            }

            foreach (var profile in type.Profile.OfType<string>())
            {
                run.Apply(node, profile, depth + 1);
            }
        }
    }

    private void CheckClosed(ElementDefinition element, string slicedId, IReadOnlyList<InstanceNode> children)
    {
        var slices = elements.SlicesOf(slicedId);
        foreach (var child in children)
        {
            var decided = true;
            var matched = false;
            foreach (var slice in slices)
            {
                var inSlice = SliceMatcher.InSlice(elements, slicedId, slice, child);
                decided &= inSlice is not null;
                matched |= inSlice == true;
            }

            if (decided && !matched)
            {
                run.Add(FhirProfileFindings.ClosedSlicing, child, element.Path,
                    $"{element.Path} : l'élément ne correspond à aucune tranche du découpage fermé ({string.Join(", ", slices)}).", _profile);
            }
        }
    }
}
