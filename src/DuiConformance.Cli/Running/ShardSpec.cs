using System.Globalization;

namespace DuiConformance.Cli.Running;

/// <summary>
/// One part of a suite split for CI machines (<c>run --shard k/n</c>): shard <see cref="Index"/> of <see cref="Count"/>,
/// counted from 1.
/// </summary>
/// <remarks>
/// The partition is a round-robin over the scenario ids sorted by ordinal comparison: the id at position <c>i</c>
/// (from 0) goes to shard <c>i mod n + 1</c>. It depends only on the ids, never on the machine, the time or the order
/// of the files, so every shard of the same suite agrees, the shards are disjoint and together cover the suite, and
/// their sizes differ by at most one.
/// </remarks>
public sealed record ShardSpec(int Index, int Count)
{
    /// <summary>Reads <c>k/n</c> with 1 ≤ k ≤ n.</summary>
    /// <exception cref="UsageException">Not of that form.</exception>
    public static ShardSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index >= 1 && index <= count)
        {
            return new ShardSpec(index, count);
        }

        throw new UsageException($"--shard attend k/n avec 1 ≤ k ≤ n (reçu '{text}').");
    }

    /// <summary>The ids, among <paramref name="ids"/>, that belong to this shard (in ordinal order).</summary>
    public IReadOnlySet<string> Select(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return ids
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Where((_, position) => position % Count == Index - 1)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
