namespace DuiConformance.Core.Evidence;

/// <summary>
/// The evidence a check reads: items with their contents, in recording order. Checks are pure functions over this
/// (DESIGN.md §2), so tests build one from fixtures with <see cref="Of"/> and no live DUI.
/// </summary>
public sealed class EvidenceSet
{
    private readonly Func<EvidenceItem, ReadOnlyMemory<byte>> _read;

    private EvidenceSet(IReadOnlyList<EvidenceItem> items, Func<EvidenceItem, ReadOnlyMemory<byte>> read)
    {
        Items = items;
        _read = read;
    }

    /// <summary>Every item in the set, in recording order.</summary>
    public IReadOnlyList<EvidenceItem> Items { get; }

    /// <summary>The items of one kind.</summary>
    public IEnumerable<EvidenceItem> OfKind(string kind) => Items.Where(item => item.Kind == kind);

    /// <summary>The content of an item.</summary>
    public ReadOnlyMemory<byte> Content(EvidenceItem item) => _read(item);

    /// <summary>The items of a store that belong to one scenario.</summary>
    public static EvidenceSet ForScenario(EvidenceStore store, string scenario)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new EvidenceSet([.. store.Items.Where(item => item.Tags.Scenario == scenario)], item => store.ReadContent(item));
    }

    /// <summary>A set built from in-memory contents (tests, <c>validate</c>).</summary>
    public static EvidenceSet Of(params (EvidenceItem Item, byte[] Content)[] entries)
    {
        var contents = entries.ToDictionary(entry => entry.Item.Id, entry => entry.Content);
        return new EvidenceSet([.. entries.Select(entry => entry.Item)], item => contents[item.Id]);
    }
}
