using Hl7.Fhir.Model;

namespace DuiConformance.Core.Fhir.Profiles;

/// <summary>
/// Decides whether an instance element belongs to a slice, from the slicing discriminators of the sliced element
/// (FHIR R4 §profiling slicing): <c>value</c>/<c>pattern</c> against the fixed or pattern value the slice sets at the
/// discriminator path (an extension's <c>url</c> from its type profile), <c>exists</c> from the slice's cardinality
/// there, <c>type</c>/<c>profile</c> from its type codes. Paths are simple dotted element names; anything else
/// (<c>resolve()</c>, <c>ofType()</c>, <c>extension('…')</c>) makes the answer <c>null</c>: not decidable.
/// </summary>
public static class SliceMatcher
{
    /// <summary>Whether <paramref name="node"/> is in slice <paramref name="sliceName"/> of <paramref name="slicedId"/>; <c>null</c> when undecidable.</summary>
    public static bool? InSlice(ProfileElements elements, string slicedId, string sliceName, InstanceNode node)
    {
        ArgumentNullException.ThrowIfNull(elements);
        ArgumentNullException.ThrowIfNull(node);
        var sliceId = $"{slicedId}:{sliceName}";
        var slice = elements.Find(sliceId);
        var discriminators = elements.Find(slicedId)?.Slicing?.Discriminator;
        if (slice is null)
        {
            return null;
        }

        if (discriminators is null or { Count: 0 })
        {
            // Note: extension slicing is by url by default (FHIR R4 §2.5 extensibility), even when the base slicing is not restated.
            if (!slicedId.EndsWith("xtension", StringComparison.Ordinal))
            {
                return null;
            }

            discriminators = [new ElementDefinition.DiscriminatorComponent { Type = ElementDefinition.DiscriminatorType.Value, Path = "url" }];
        }

        foreach (var discriminator in discriminators)
        {
            var matched = Matches(elements, sliceId, slice, discriminator, node);
            if (matched != true)
            {
                return matched;
            }
        }

        return true;
    }

    private static bool? Matches(ProfileElements elements, string sliceId, ElementDefinition slice, ElementDefinition.DiscriminatorComponent discriminator, InstanceNode node)
    {
        var path = discriminator.Path ?? "$this";
        if (path.Contains('(', StringComparison.Ordinal))
        {
            return null;
        }

        var isSelf = path is "$this";
        var target = isSelf ? slice : elements.Find($"{sliceId}.{path}");
        var actual = isSelf ? [node] : Navigate(node, path);
        switch (discriminator.Type)
        {
            case ElementDefinition.DiscriminatorType.Value:
            case ElementDefinition.DiscriminatorType.Pattern:
                var expected = target?.Fixed ?? target?.Pattern;
                if (expected is null && string.Equals(path, "url", StringComparison.Ordinal) && slice.Type.FirstOrDefault()?.Profile.FirstOrDefault() is { } profile)
                {
                    expected = new FhirUri(profile);
                }

                if (expected is null)
                {
                    return null;
                }

                return actual.Any(found => PocoValueMatcher.Matches(found.Value, expected));
            case ElementDefinition.DiscriminatorType.Exists:
                if (target is null)
                {
                    return null;
                }

                return target.Max == "0" ? actual.Count == 0 : (target.Min ?? 0) > 0 ? actual.Count > 0 : null;
            case ElementDefinition.DiscriminatorType.Type:
            case ElementDefinition.DiscriminatorType.Profile:
                // Note: a profile discriminator is approximated by the profile's type (the checker then validates the
                // element against the slice's profile, so a wrong profile still shows up as findings).
                var types = (target ?? slice).Type.Select(type => type.Code).Where(code => code is not null).ToList();
                if (types.Count == 0)
                {
                    return null;
                }

                return actual.Any(found => types.Contains(found.Value.TypeName, StringComparer.Ordinal));
            default:
                return null;
        }
    }

    /// <summary>The nodes at a simple dotted path below <paramref name="node"/>.</summary>
    public static IReadOnlyList<InstanceNode> Navigate(InstanceNode node, string path)
    {
        ArgumentNullException.ThrowIfNull(node);
        IReadOnlyList<InstanceNode> current = [node];
        foreach (var name in (path ?? string.Empty).Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            current = [.. current.SelectMany(item => item.Children(name))];
        }

        return current;
    }
}
