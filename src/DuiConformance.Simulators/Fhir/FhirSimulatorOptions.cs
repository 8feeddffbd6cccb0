using Hl7.Fhir.Serialization;

namespace DuiConformance.Simulators.Fhir;

/// <summary>Settings of the simulated DMP / Mon espace santé FHIR endpoint (PDSm, IHE MHD Document Recipient).</summary>
public sealed record FhirSimulatorOptions
{
    /// <summary>Address to listen on; only loopback unless <see cref="AllowNonLoopback"/>.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port; 0 lets the system choose (read back from <see cref="FhirSimulator.BaseAddress"/>).</summary>
    public int Port { get; init; }

    /// <summary>Accept a non-loopback <see cref="Host"/>; off by default.</summary>
    public bool AllowNonLoopback { get; init; }

    /// <summary>Largest request body accepted, in octets; a larger one gets <c>413</c> with an OperationOutcome.</summary>
    public long MaxRequestBodySize { get; init; } = 20 * 1024 * 1024;

    /// <summary>
    /// How strictly request bodies are parsed (STYLE.md rule 14: strictness is a named mode). The default
    /// <see cref="DeserializationMode.NoOverflow"/> refuses what would lose data (unknown elements, wrong types), as a
    /// real FHIR server does, and tolerates the rest, which the checks judge later from the recorded bytes.
    /// </summary>
    public DeserializationMode ParsingMode { get; init; } = DeserializationMode.NoOverflow;

    /// <summary>
    /// Firely parser issue codes tolerated on top of <see cref="ParsingMode"/>. The default tolerates <c>PVAL123</c>
    /// (a primitive given as a JSON string where FHIR JSON wants a number, or the reverse): the value is kept, and the
    /// recorded bytes still show the deviation for the checks to judge.
    /// </summary>
    /// <remarks>
    /// Note: Firely SDK 5+ (6.8 included) serializes R4 <c>Attachment.size</c> as a JSON string, since it models the
    /// element as R5's integer64; refusing that here would refuse every ITI-65 a Firely-based DUI sends, while a
    /// HAPI-based server, whose JSON parser is lenient about literal types, accepts it.
    /// </remarks>
    public IReadOnlyList<string> ToleratedParserIssues { get; init; } = ["PVAL123"];

    /// <summary>
    /// When set, every interaction but <c>GET [base]/metadata</c> requires <c>Authorization: Bearer</c> with a token this
    /// Pro Santé Connect validator accepts; otherwise 401 with an OperationOutcome (FHIR-5910) and a
    /// <c>WWW-Authenticate: Bearer</c> challenge (RFC 6750 §3). <c>null</c> (the default): no token required.
    /// </summary>
    public Psc.PscTokenValidator? AccessTokens { get; init; }

    /// <summary>
    /// The DMP status of each INS (PDSm4DMP TD0.2): answered by <c>GET [base]/Patient?identifier=…</c>, and ITI-65 for an
    /// absent, closed or opposed DMP is refused. Default: every INS has an active DMP.
    /// </summary>
    public DmpRegistry DmpRegistry { get; init; } = DmpRegistry.AllActive;

    /// <summary>
    /// The FINESS of each Pro Santé Connect client id (organisation), to tell whether a masking or deletion comes from the
    /// document's author organisation (403 otherwise). Empty: no organisation check.
    /// </summary>
    public IReadOnlyDictionary<string, string> ClientOrganisations { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
