namespace DuiConformance.Core.Documents;

/// <summary>The CDA documents found in a set of evidence, the parts that could not be read, and the evidence looked at.</summary>
/// <param name="Documents">Readable ClinicalDocuments, in evidence order.</param>
/// <param name="Failures">XML parts that could not be read (CDA-1001).</param>
/// <param name="EvidenceIds">Ids of the evidence items that held at least one document or failure.</param>
public sealed record CdaExtraction(IReadOnlyList<CdaDocument> Documents, IReadOnlyList<CdaReadFailure> Failures, IReadOnlyList<string> EvidenceIds)
{
    /// <summary>True when nothing CDA-like was found at all.</summary>
    public bool IsEmpty => Documents.Count == 0 && Failures.Count == 0;
}
