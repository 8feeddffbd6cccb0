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
    private readonly ConcurrentDictionary<string, string> _masterIdentifiers = new(StringComparer.Ordinal);
    private readonly Lock _commit = new();

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

        IndexMasterIdentifier(resource);
    }

    /// <summary>
    /// Stores every resource or none (FHIR R4 §3.1.0.11.2: a transaction is atomic). Refused when a DocumentReference's
    /// <c>masterIdentifier</c> is already stored or appears twice among <paramref name="resources"/>: the real service
    /// refuses a re-submission of the same document (domain.md §3.4).
    /// </summary>
    /// <exception cref="DuplicateDocumentException">A masterIdentifier is already stored; nothing was stored.</exception>
    /// <exception cref="ArgumentException">A resource has no id, or one already stored; nothing was stored.</exception>
    public void AddAll(IReadOnlyList<Resource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        lock (_commit)
        {
            var incoming = new HashSet<string>(StringComparer.Ordinal);
            foreach (var resource in resources)
            {
                var id = resource.Id;
                ArgumentException.ThrowIfNullOrEmpty(id, nameof(resources));
                if (_resources.ContainsKey(Key(resource.TypeName, id)))
                {
                    throw new ArgumentException($"{resource.TypeName}/{resource.Id} is already stored.", nameof(resources));
                }

                if (MasterIdentifierKey(resource) is { } master && (!incoming.Add(master) || _masterIdentifiers.ContainsKey(master)))
                {
                    throw new DuplicateDocumentException((DocumentReference)resource, _masterIdentifiers.GetValueOrDefault(master));
                }
            }

            foreach (var resource in resources)
            {
                _resources[Key(resource.TypeName, resource.Id!)] = resource;
                IndexMasterIdentifier(resource);
            }
        }
    }

    /// <summary>The stored DocumentReference (<c>Type/id</c>) with that masterIdentifier, or <c>null</c>.</summary>
    public string? FindByMasterIdentifier(string? system, string value) =>
        _masterIdentifiers.TryGetValue(MasterIdentifierKey(system, value), out var key) ? key : null;

    private void IndexMasterIdentifier(Resource resource)
    {
        if (MasterIdentifierKey(resource) is { } master)
        {
            _masterIdentifiers.TryAdd(master, Key(resource.TypeName, resource.Id!));
        }
    }

    private static string? MasterIdentifierKey(Resource resource) =>
        resource is DocumentReference { MasterIdentifier.Value: { Length: > 0 } value } document
            ? MasterIdentifierKey(document.MasterIdentifier.System, value)
            : null;

    private static string MasterIdentifierKey(string? system, string value) => (system ?? string.Empty) + "|" + value;

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
