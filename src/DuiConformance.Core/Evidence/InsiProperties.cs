namespace DuiConformance.Core.Evidence;

/// <summary>
/// Property names of <see cref="EvidenceKinds.InsiRequest"/> and <see cref="EvidenceKinds.InsiResponse"/> items, set by
/// the simulated INSi teleservice (domain.md §2.2). The SOAP bytes themselves are the content.
/// </summary>
public static class InsiProperties
{
    /// <summary>Correlation id shared by a request and its response.</summary>
    public const string Exchange = "exchange";

    /// <summary>On a request: the evidence id of its response. On a response: the id of its request.</summary>
    public const string Related = "related";

    /// <summary>The WS-Addressing Action the client sent (empty when absent or unreadable).</summary>
    public const string Action = "action";

    /// <summary>
    /// <c>true</c> when the client presented a certificate issued by the run's test CA on the TLS connection,
    /// <c>false</c> otherwise (none, or one from another issuer).
    /// </summary>
    public const string ClientCertificate = "clientCertificate";

    /// <summary>The client certificate's subject, when one was presented.</summary>
    public const string ClientSubject = "clientSubject";

    /// <summary>The TLS protocol of the connection, e.g. <c>Tls13</c>.</summary>
    public const string TlsProtocol = "tlsProtocol";

    /// <summary>On a request: <c>true</c> when the body exceeded the simulator's limit and was not read (content empty).</summary>
    public const string Oversized = "oversized";

    /// <summary>On a response: the HTTP status sent.</summary>
    public const string Status = "status";

    /// <summary>On a response: the INSi <c>CR/CodeCR</c> (<c>00</c>, <c>01</c>, <c>02</c>), empty for a SOAP fault.</summary>
    public const string CodeCr = "codeCr";

    /// <summary>On a response that is a SOAP fault: the simulator's fault subcode (e.g. <c>insi:CertificatClientAbsent</c>).</summary>
    public const string Fault = "fault";
}
