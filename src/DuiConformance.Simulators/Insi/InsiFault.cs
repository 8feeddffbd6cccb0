namespace DuiConformance.Simulators.Insi;

/// <summary>
/// A refusal of the simulated INSi, sent as a SOAP 1.2 fault: who is at fault (<see cref="FromSender"/>: the client,
/// HTTP 400; otherwise the simulator, HTTP 500), a permanent subcode and a French reason saying what to fix.
/// </summary>
/// <param name="Subcode">Local name of the subcode in <see cref="InsiSoap.Simulator"/>, e.g. <c>CertificatClientAbsent</c>.</param>
/// <param name="Reason">French text of the fault reason.</param>
/// <param name="FromSender">True when the request is at fault (env:Sender), false for env:Receiver.</param>
public sealed record InsiFault(string Subcode, string Reason, bool FromSender = true)
{
    /// <summary>The request is not XML, or not a SOAP 1.2 envelope.</summary>
    public const string MalformedMessage = "MessageMalforme";

    /// <summary>A mandatory SOAP header (wsa:Action, wsa:MessageID, ContexteLPS and its fields) is missing or wrong.</summary>
    public const string MissingHeader = "EnteteManquant";

    /// <summary>The Action is not an INSi operation, or one the simulator does not offer.</summary>
    public const string UnknownAction = "ActionInconnue";

    /// <summary>The body misses a mandatory trait or has a malformed one.</summary>
    public const string InvalidTraits = "TraitsInvalides";

    /// <summary>No client certificate was presented on the TLS connection.</summary>
    public const string NoClientCertificate = "CertificatClientAbsent";

    /// <summary>The client certificate is not issued by the run's test CA.</summary>
    public const string UntrustedClientCertificate = "CertificatClientRefuse";

    /// <summary>The request body is larger than the simulator accepts.</summary>
    public const string TooLarge = "MessageTropVolumineux";

    /// <summary>The Content-Type is not <c>application/soap+xml</c>.</summary>
    public const string WrongMediaType = "TypeDeContenuIncorrect";

    /// <summary>The simulator failed (a harness bug), never the DUI's fault.</summary>
    public const string SimulatorError = "ErreurSimulateur";

    /// <summary>The HTTP status of the fault (SOAP 1.2 HTTP binding: 400 for env:Sender, 500 for env:Receiver).</summary>
    public int HttpStatus => FromSender ? 400 : 500;
}
