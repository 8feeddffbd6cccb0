using System.Collections;
using DuiConformance.Core.Findings;
using Hl7.Fhir.Model;

namespace DuiConformance.Core.Fhir.Profiles;

/// <summary>
/// The base resource definition as Firely's POCO model carries it (ClassMapping): every element with a minimum of 1
/// in FHIR R4 must be present. This stands in for the core snapshot when a profile is only a differential.
/// </summary>
public static class BaseModelRules
{
    /// <summary>The required elements missing anywhere below <paramref name="root"/>.</summary>
    public static IEnumerable<ProfileIssue> Check(InstanceNode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var pending = new Stack<InstanceNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node.Value is not PrimitiveType && ModelInfo.ModelInspector.FindOrImportClassMapping(node.Value.GetType()) is { } mapping)
            {
                foreach (var property in mapping.PropertyMappings)
                {
                    if (property.IsMandatoryElement && !Present(node.Value, property.Name))
                    {
                        yield return new ProfileIssue(
                            FhirProfileFindings.BaseCardinality,
                            $"{node.Path}.{property.Name}",
                            $"{node.Value.TypeName}.{property.Name}",
                            $"{node.Value.TypeName}.{property.Name} est obligatoire dans la ressource de base FHIR R4 (cardinalité 1..).",
                            null,
                            node.Resource.TypeName);
                    }
                }
            }

            foreach (var (_, child) in node.AllChildren())
            {
                pending.Push(child);
            }
        }
    }

    private static bool Present(Base value, string name) =>
        value.TryGetValue(name, out var found) && found switch
        {
            null => false,
            string text => text.Length > 0,
            ICollection collection => collection.Count > 0,
            _ => true,
        };
}
