using Hl7.Fhir.Model;

namespace DuiConformance.Core.Fhir.Profiles;

/// <summary>
/// Resolves the references of a judged instance that point inside it (FHIR R4 §2.36.4.1 and §3.3.1): a bundle entry by
/// its <c>fullUrl</c> (<c>urn:uuid:…</c> or absolute), an entry by <c>Type/id</c>, and a contained resource by
/// <c>#id</c>. A reference to anything else (the DMP's Patient by its server URL, say) is not resolved: not judged.
/// </summary>
internal sealed class LocalReferences
{
    private readonly Dictionary<string, Resource> _entries = new(StringComparer.Ordinal);

    public LocalReferences(Resource root)
    {
        if (root is not Bundle bundle)
        {
            return;
        }

        foreach (var entry in bundle.Entry)
        {
            if (entry.Resource is not { } resource)
            {
                continue;
            }

            if (entry.FullUrl is { Length: > 0 } fullUrl)
            {
                _entries.TryAdd(fullUrl, resource);
            }

            if (resource.Id is { Length: > 0 } id)
            {
                _entries.TryAdd(resource.TypeName + "/" + id, resource);
            }
        }
    }

    /// <summary>The resource <paramref name="reference"/> designates inside the instance, read from <paramref name="holder"/>; <c>null</c> when outside.</summary>
    public Resource? Resolve(string reference, Resource holder)
    {
        if (reference.StartsWith('#'))
        {
            return (holder as DomainResource)?.Contained.FirstOrDefault(contained => contained.Id == reference[1..]);
        }

        if (_entries.TryGetValue(reference, out var resource))
        {
            return resource;
        }

        // Note: an absolute RESTful URL ending in Type/id designates the entry of that type and id (FHIR R4 §2.36.4.1).
        var parts = reference.Split('/');
        return parts.Length >= 2 && _entries.TryGetValue(parts[^2] + "/" + parts[^1], out resource) ? resource : null;
    }
}
