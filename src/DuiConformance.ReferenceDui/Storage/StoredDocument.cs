using DuiConformance.ReferenceDui.Cda;

namespace DuiConformance.ReferenceDui.Storage;

/// <summary>A document the DUI built and keeps: its exact CDA bytes and the header values metadata are derived from.</summary>
internal sealed record StoredDocument
{
    /// <summary>The local id (0 until stored).</summary>
    public required long Id { get; init; }

    /// <summary>The usager the document is about.</summary>
    public required long UsagerId { get; init; }

    public required string DocumentOid { get; init; }
    public required string SetIdOid { get; init; }
    public required int Version { get; init; }
    public required string Code { get; init; }
    public required string CodeDisplayName { get; init; }
    public required string Title { get; init; }
    public required DateTimeOffset EffectiveTime { get; init; }
    public required DateTimeOffset ServiceStartTime { get; init; }

    /// <summary>The CDA exactly as built; what is published and mailed.</summary>
    public required byte[] CdaBytes { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The visibility restriction set on the document (TRE_A07: <c>INVISIBLE_PATIENT</c> or <c>MASQUE_PS</c>), or <c>null</c>.</summary>
    public string? Restriction { get; init; }

    /// <summary>Wraps a freshly built CDA for storage.</summary>
    public static StoredDocument From(CdaDocument cda, long usagerId, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(cda);
        return new StoredDocument
        {
            Id = 0,
            UsagerId = usagerId,
            DocumentOid = cda.DocumentOid,
            SetIdOid = cda.SetIdOid,
            Version = cda.Version,
            Code = cda.Code,
            CodeDisplayName = cda.CodeDisplayName,
            Title = cda.Title,
            EffectiveTime = cda.EffectiveTime,
            ServiceStartTime = cda.ServiceStartTime,
            CdaBytes = cda.Bytes,
            CreatedAt = createdAt,
        };
    }
}
