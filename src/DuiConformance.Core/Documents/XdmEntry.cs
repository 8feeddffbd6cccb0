using System.Security.Cryptography;

namespace DuiConformance.Core.Documents;

/// <summary>One file of an XDM archive, fully decompressed within the read limits.</summary>
/// <param name="Path">The entry path as stored in the archive, with '/' separators (e.g. <c>IHE_XDM/SUBSET01/DOC0001.XML</c>).</param>
/// <param name="Content">The uncompressed bytes.</param>
public sealed record XdmEntry(string Path, ReadOnlyMemory<byte> Content)
{
    /// <summary>Uncompressed length in bytes (what an XDS <c>size</c> slot states).</summary>
    public long Length => Content.Length;

    /// <summary>Lower-case hex SHA-1 of the bytes (what an XDS <c>hash</c> slot states, ITI TF-3 §4.2.3.2.12).</summary>
    public string Sha1Hex => Convert.ToHexStringLower(SHA1.HashData(Content.Span));

    /// <summary>The path segments.</summary>
    public IReadOnlyList<string> Segments => Path.Split('/');
}
