using System.Globalization;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;
using Hl7.Fhir.Model;

namespace DuiConformance.Core.Documents;

/// <summary>
/// An ITI-65 request body as read by <see cref="Iti65BundleReader"/>: the (possibly partial) resource, the parser's
/// issues, and helpers to resolve <c>urn:uuid:</c> references and to build FHIRPath locations.
/// </summary>
/// <param name="Item">The <c>fhir-request</c> evidence.</param>
/// <param name="Resource">The parsed resource (a partial result when the parser reported issues), or <c>null</c>.</param>
/// <param name="Issues">Parser issues, in French-prefixed text, for FHIR-5002 warnings.</param>
/// <param name="Error">Why nothing could be read (French), when <paramref name="Resource"/> is <c>null</c>.</param>
public sealed record Iti65Bundle(EvidenceItem Item, Resource? Resource, IReadOnlyList<string> Issues, string? Error)
{
    /// <summary>The resource as a Bundle, or <c>null</c> when it is something else or unreadable.</summary>
    public Bundle? Bundle => Resource as Bundle;

    /// <summary>Every entry with its 0-based index (FHIRPath indexes are 0-based).</summary>
    public IReadOnlyList<(int Index, Bundle.EntryComponent Entry)> Entries =>
        Bundle is null ? [] : [.. Bundle.Entry.Select((entry, index) => (index, entry))];

    /// <summary>The entries holding a resource of type <typeparamref name="T"/>.</summary>
    public IReadOnlyList<(int Index, T Resource)> EntriesOf<T>()
        where T : Resource =>
        [.. Entries.Where(pair => pair.Entry?.Resource is T).Select(pair => (pair.Index, (T)pair.Entry.Resource!))];

    /// <summary>The index of the entry whose <c>fullUrl</c> is <paramref name="url"/>, or <c>null</c>.</summary>
    public int? IndexOfFullUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        foreach (var (index, entry) in Entries)
        {
            if (string.Equals(entry?.FullUrl, url, StringComparison.Ordinal))
            {
                return index;
            }
        }

        return null;
    }

    /// <summary>The Binary entry at <paramref name="url"/> (a <c>urn:uuid:</c> fullUrl), with its index.</summary>
    public (int Index, Binary Binary)? BinaryAt(string? url) =>
        IndexOfFullUrl(url) is { } index && Bundle!.Entry[index].Resource is Binary binary ? (index, binary) : null;

    /// <summary>A location at a FHIRPath of the whole body, e.g. <c>Bundle.type</c>.</summary>
    public FindingLocation At(string fhirPath) => new(Item.Id, null, fhirPath);

    /// <summary>A location inside entry <paramref name="index"/>: entry <c>Bundle.entry[i]</c>, path <c>Bundle.entry[i].resource.x</c>.</summary>
    public FindingLocation AtEntry(int index, string? relativePath = null)
    {
        var entry = string.Create(CultureInfo.InvariantCulture, $"Bundle.entry[{index}]");
        var path = relativePath is null ? entry : relativePath.StartsWith("request", StringComparison.Ordinal) || relativePath.StartsWith("fullUrl", StringComparison.Ordinal)
            ? $"{entry}.{relativePath}"
            : $"{entry}.resource.{relativePath}";
        return new FindingLocation(Item.Id, entry, path);
    }
}
