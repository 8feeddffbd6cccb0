using System.Collections.Concurrent;
using Hl7.Fhir.Model;

namespace DuiConformance.Simulators.Fhir;

/// <summary>
/// The resources the FHIR simulator has accepted, in memory, keyed <c>Type/id</c>. Later interactions (ITI-67 search,
/// ITI-68 retrieve, metadata update) read from here.
/// </summary>
public sealed class DocumentRepository
{
    private readonly ConcurrentDictionary<string, Resource> _resources = new(StringComparer.Ordinal);

    /// <summary>Number of stored resources.</summary>
    public int Count => _resources.Count;

    /// <summary>A snapshot of every stored resource.</summary>
    public IReadOnlyList<Resource> All => [.. _resources.Values];

    /// <summary>Stores a resource that already has its server-assigned id.</summary>
    /// <exception cref="ArgumentException">The resource has no id, or one already stored.</exception>
    public void Add(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentException.ThrowIfNullOrEmpty(resource.Id, nameof(resource));
        if (!_resources.TryAdd(Key(resource.TypeName, resource.Id), resource))
        {
            throw new ArgumentException($"{resource.TypeName}/{resource.Id} is already stored.", nameof(resource));
        }
    }

    /// <summary>Replaces the stored resource of the same type and id (a metadata update or a supersede).</summary>
    /// <exception cref="ArgumentException">No resource of that type and id is stored.</exception>
    public void Update(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentException.ThrowIfNullOrEmpty(resource.Id, nameof(resource));
        var key = Key(resource.TypeName, resource.Id);
        if (!_resources.TryGetValue(key, out var current) || !_resources.TryUpdate(key, resource, current))
        {
            throw new ArgumentException($"{resource.TypeName}/{resource.Id} is not stored.", nameof(resource));
        }
    }

    /// <summary>The stored resource of that type and id, or <c>null</c>.</summary>
    public Resource? Find(string type, string id) => _resources.TryGetValue(Key(type, id), out var resource) ? resource : null;

    private static string Key(string type, string id) => type + "/" + id;
}
