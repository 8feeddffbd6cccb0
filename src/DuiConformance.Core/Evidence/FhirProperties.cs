namespace DuiConformance.Core.Evidence;

/// <summary>Property names of <see cref="EvidenceKinds.FhirRequest"/> and <see cref="EvidenceKinds.FhirResponse"/> items.</summary>
public static class FhirProperties
{
    /// <summary>HTTP method.</summary>
    public const string Method = "method";

    /// <summary>Request path and query, relative to the FHIR base.</summary>
    public const string Path = "path";

    /// <summary>Request Content-Type header.</summary>
    public const string ContentType = "contentType";

    /// <summary>IHE transaction recognised by the simulator, e.g. <c>ITI-65</c>; empty when unrecognised.</summary>
    public const string Interaction = "interaction";

    /// <summary>HTTP status code the simulator answered.</summary>
    public const string Status = "status";

    /// <summary>On a request: the evidence id of its response. On a response: the id of its request.</summary>
    public const string Related = "related";

    /// <summary>Correlation id of the exchange.</summary>
    public const string Exchange = "exchange";
}
