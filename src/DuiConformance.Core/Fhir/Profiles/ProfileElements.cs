using Hl7.Fhir.Model;

namespace DuiConformance.Core.Fhir.Profiles;

/// <summary>
/// The element definitions of one StructureDefinition, indexed by element id: the snapshot when the definition has
/// one, else the differential. Ids are split into segments (<c>name</c> or <c>name:slice</c>) so instances can be
/// navigated along them; slices are found from the unsliced element that carries the slicing.
/// </summary>
public sealed class ProfileElements
{
    private readonly Dictionary<string, ElementDefinition> _byId = new(StringComparer.Ordinal);

    /// <summary>Indexes <paramref name="structure"/>.</summary>
    public ProfileElements(StructureDefinition structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        Structure = structure;
        UsesSnapshot = structure.Snapshot?.Element is { Count: > 0 };
        Elements = UsesSnapshot ? structure.Snapshot!.Element : structure.Differential?.Element ?? [];
        foreach (var element in Elements)
        {
            _byId.TryAdd(IdOf(element), element);
        }
    }

    /// <summary>The StructureDefinition.</summary>
    public StructureDefinition Structure { get; }

    /// <summary>True when the snapshot is evaluated; false when only the differential is.</summary>
    public bool UsesSnapshot { get; }

    /// <summary>The elements evaluated, in definition order.</summary>
    public IReadOnlyList<ElementDefinition> Elements { get; }

    /// <summary>The element id (the path when the definition has no ids).</summary>
    public static string IdOf(ElementDefinition element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return element.ElementId ?? element.Path ?? string.Empty;
    }

    /// <summary>The element with id <paramref name="id"/>, or <c>null</c>.</summary>
    public ElementDefinition? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The slice names defined on the sliced element <paramref name="slicedId"/> (direct slices only).</summary>
    public IReadOnlyList<string> SlicesOf(string slicedId)
    {
        var prefix = slicedId + ":";
        return [.. _byId.Keys.Where(id => id.StartsWith(prefix, StringComparison.Ordinal) && id.IndexOf('.', prefix.Length) < 0 && id.IndexOf(':', prefix.Length) < 0)
            .Select(id => id[prefix.Length..])];
    }

    /// <summary>Splits an element id into (name, slice) segments; a slice name may not hold a dot.</summary>
    public static IReadOnlyList<(string Name, string? Slice)> Segments(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var segments = new List<(string, string?)>();
        foreach (var part in id.Split('.'))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            segments.Add(colon < 0 ? (part, null) : (part[..colon], part[(colon + 1)..]));
        }

        return segments;
    }

    /// <summary>The id without its last segment.</summary>
    public static string ParentId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var dot = id.LastIndexOf('.');
        return dot < 0 ? string.Empty : id[..dot];
    }
}
