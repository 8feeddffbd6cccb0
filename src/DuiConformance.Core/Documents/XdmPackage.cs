namespace DuiConformance.Core.Documents;

/// <summary>
/// An IHE XDM archive as read from an attachment: the entries that passed the safety rules, and the problems met.
/// It is returned even when incomplete (STYLE.md rule 14), so later rules judge whatever could be read.
/// </summary>
/// <param name="Entries">Files read, in archive order (directories and refused entries excluded).</param>
/// <param name="Problems">Archive-level problems: unreadable, limits exceeded, unsafe or duplicate paths.</param>
/// <param name="IsZip">False when the bytes were not a zip archive at all.</param>
public sealed record XdmPackage(IReadOnlyList<XdmEntry> Entries, IReadOnlyList<XdmProblem> Problems, bool IsZip)
{
    /// <summary>Name of the XDM subset root folder (IHE ITI TF-1 §16, domain.md §4.3).</summary>
    public const string RootFolder = "IHE_XDM";

    /// <summary>
    /// The entry at <paramref name="path"/>: exact match first, then ignoring case (XDM media use ISO 9660 upper-case
    /// names, and implementations differ in case).
    /// </summary>
    public XdmEntry? Find(string path) =>
        Entries.FirstOrDefault(entry => string.Equals(entry.Path, path, StringComparison.Ordinal))
        ?? Entries.FirstOrDefault(entry => string.Equals(entry.Path, path, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The METADATA.XML of each subset: entries <c>IHE_XDM/&lt;any subset name&gt;/METADATA.XML</c> (the subset folder
    /// name is free: SUBSET01, SS000001…).
    /// </summary>
    public IReadOnlyList<XdmEntry> Metadata =>
    [
        .. Entries.Where(entry =>
            entry.Segments is [var root, { Length: > 0 }, var file]
            && string.Equals(root, RootFolder, StringComparison.OrdinalIgnoreCase)
            && string.Equals(file, "METADATA.XML", StringComparison.OrdinalIgnoreCase)),
    ];

    /// <summary>Every entry under IHE_XDM/ whose name ends with .XML, METADATA.XML files excluded: the candidate documents.</summary>
    public IReadOnlyList<XdmEntry> XmlDocuments =>
    [
        .. Entries.Where(entry =>
            entry.Segments.Count >= 2
            && string.Equals(entry.Segments[0], RootFolder, StringComparison.OrdinalIgnoreCase)
            && entry.Path.EndsWith(".XML", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(entry.Segments[^1], "METADATA.XML", StringComparison.OrdinalIgnoreCase)),
    ];
}
