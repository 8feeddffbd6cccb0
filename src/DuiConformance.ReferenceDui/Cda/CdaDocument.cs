namespace DuiConformance.ReferenceDui.Cda;

/// <summary>
/// A CDA document as built: its exact bytes (UTF-8 XML, what is stored, published and mailed) and the header values
/// that metadata (XDS, MHD, X-MSS headers) are derived from.
/// </summary>
internal sealed record CdaDocument
{
    /// <summary>The serialized document; hashes and sizes are computed over exactly these bytes.</summary>
    public required byte[] Bytes { get; init; }

    /// <summary><c>ClinicalDocument/id/@root</c>: the document's unique id (XDS uniqueId, MHD masterIdentifier).</summary>
    public required string DocumentOid { get; init; }

    /// <summary><c>ClinicalDocument/setId/@root</c>: shared by every version of the document.</summary>
    public required string SetIdOid { get; init; }

    /// <summary><c>ClinicalDocument/versionNumber/@value</c>.</summary>
    public required int Version { get; init; }

    /// <summary><c>ClinicalDocument/code/@code</c> (LOINC), e.g. 74207-2 for a DLU.</summary>
    public required string Code { get; init; }

    /// <summary><c>ClinicalDocument/code/@displayName</c>.</summary>
    public required string CodeDisplayName { get; init; }

    /// <summary><c>ClinicalDocument/title</c>.</summary>
    public required string Title { get; init; }

    /// <summary><c>ClinicalDocument/effectiveTime</c>: creation time of the document.</summary>
    public required DateTimeOffset EffectiveTime { get; init; }

    /// <summary>Start of the documented act (<c>serviceEvent/effectiveTime/low</c>), the XDS serviceStartTime.</summary>
    public required DateTimeOffset ServiceStartTime { get; init; }
}
