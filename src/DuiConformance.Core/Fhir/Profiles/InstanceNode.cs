using System.Collections;
using Hl7.Fhir.Model;

namespace DuiConformance.Core.Fhir.Profiles;

/// <summary>
/// One element of the judged instance: the Firely POCO value and its FHIRPath location (repeating elements carry a
/// 0-based index, e.g. <c>DocumentReference.content[0].attachment</c>), plus the resource it belongs to.
/// </summary>
/// <param name="Value">The POCO (resource, datatype or primitive).</param>
/// <param name="Path">FHIRPath location from the judged root.</param>
/// <param name="Resource">The nearest enclosing resource (itself for a resource).</param>
public sealed record InstanceNode(Base Value, string Path, Resource Resource)
{
    /// <summary>The children named <paramref name="name"/> (a choice element is named without <c>[x]</c>).</summary>
    public IReadOnlyList<InstanceNode> Children(string name)
    {
        if (name.EndsWith("[x]", StringComparison.Ordinal))
        {
            name = name[..^3];
        }

        foreach (var (key, value) in Value.EnumerateElements())
        {
            if (string.Equals(key, name, StringComparison.Ordinal))
            {
                return Wrap(key, value);
            }
        }

        return [];
    }

    /// <summary>Every child element, with its name.</summary>
    public IEnumerable<(string Name, InstanceNode Node)> AllChildren()
    {
        foreach (var (key, value) in Value.EnumerateElements())
        {
            foreach (var child in Wrap(key, value))
            {
                yield return (key, child);
            }
        }
    }

    private List<InstanceNode> Wrap(string key, object value)
    {
        var nodes = new List<InstanceNode>();
        if (value is Base single)
        {
            nodes.Add(Make(single, $"{Path}.{key}"));
        }
        else if (value is IEnumerable list and not string)
        {
            var index = 0;
            foreach (var item in list)
            {
                if (item is Base element)
                {
                    nodes.Add(Make(element, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Path}.{key}[{index}]")));
                }

                index++;
            }
        }

        return nodes;
    }

    private InstanceNode Make(Base value, string path) => new(value, path, value as Resource ?? Resource);
}
