namespace DuiConformance.ReferenceDui;

/// <summary>
/// Everything the reference DUI needs to run: where it keeps its SQLite file, where it listens, which national
/// services it talks to (the harness's simulators, reached only over the wire), who it is (product, organisation,
/// signing professional) and which deliberate defects are switched on. Bound from the configuration section
/// <c>ReferenceDui</c> when run standalone.
/// </summary>
public sealed record ReferenceDuiSettings
{
    /// <summary>The SQLite file holding usagers, documents, publications and sends; created with its schema when absent.</summary>
    public string DatabasePath { get; init; } = "reference-dui.sqlite";

    /// <summary>Where the web UI listens; loopback only. Port 0 lets the system choose a free port.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:0";

    /// <summary>The DMP FHIR base (PDSm Document Recipient), e.g. <c>http://127.0.0.1:5123/fhir</c>; ITI-65 bundles are POSTed to it.</summary>
    public string? FhirBaseUrl { get; init; }

    /// <summary>The MSSanté operator's SMTP submission host; the DUI always upgrades with STARTTLS before authenticating.</summary>
    public string SmtpHost { get; init; } = "127.0.0.1";

    /// <summary>The SMTP submission port (587 in production).</summary>
    public int SmtpPort { get; init; } = 587;

    /// <summary>The mailbox login used with AUTH PLAIN, only after TLS.</summary>
    public string? SmtpUser { get; init; }

    /// <summary>The mailbox password used with AUTH PLAIN; never shown or logged.</summary>
    public string? SmtpPassword { get; init; }

    /// <summary>
    /// A PEM file holding the simulator's self-signed TLS certificate. A server presenting exactly that certificate is
    /// trusted (pinning); any other certificate must pass normal validation. Absent: normal validation only.
    /// </summary>
    public string? TrustedServerCertificatePath { get; init; }

    /// <summary>The MSSanté address messages are sent from (the organisation's mailbox).</summary>
    public string SenderAddress { get; init; } = "secretariat@ehpad-les-tilleuls.test-ci-sis.mssante.fr";

    /// <summary>The product name shown in the UI, in <c>/about</c> and in the XDM README.</summary>
    public string ProductName { get; init; } = "DUI de référence DuiConformance";

    /// <summary>The product version shown in the UI, in <c>/about</c> and in the XDM README.</summary>
    public string ProductVersion { get; init; } = "0.1.0";

    /// <summary>The Convergence product reference, sent as <c>X-MSS-NIL</c> on every message (Réf#2 ECO.2.4.3).</summary>
    public string ConvergenceProductReference { get; init; } = "DUICONF-REF-0001";

    /// <summary>The establishment's name (custodian and author organisation of the documents).</summary>
    public string OrganisationName { get; init; } = "EHPAD Les Tilleuls (fictif)";

    /// <summary>The establishment's FINESS géographique: 9 characters (digits, or 2A/2B then digits for Corsica); synthetic.</summary>
    public string OrganisationFiness { get; init; } = "690999990";

    /// <summary>The RPPS number (11 digits) of the professional who authors and signs the documents; synthetic.</summary>
    public string AuthorRpps { get; init; } = "10199999995";

    /// <summary>The signing professional's family name.</summary>
    public string AuthorFamily { get; init; } = "BERNARD-FICTIF";

    /// <summary>The signing professional's given name.</summary>
    public string AuthorGiven { get; init; } = "Claire";

    /// <summary>
    /// <c>test</c>: qualified INS are emitted with the test INS-NIR OID 1.2.250.1.213.1.4.10;
    /// <c>production</c>: with the INS-NIR OID 1.2.250.1.213.1.4.8 (domain.md §2.3).
    /// </summary>
    public string InsMode { get; init; } = "test";

    /// <summary>Deliberate mistakes to make (see <see cref="ReferenceDuiDefects"/>); an unknown name is refused at start.</summary>
    public IReadOnlyList<string> Defects { get; init; } = [];

    /// <summary>The INSi teleservice's SOAP endpoint (https); absent: the INSi buttons answer that no INSi is configured.</summary>
    public string? InsiEndpoint { get; init; }

    /// <summary>The organisation certificate with its key (PKCS#12) presented to INSi for mutual TLS (domain.md §2.2).</summary>
    public string? InsiClientCertificatePath { get; init; }

    /// <summary>The password of <see cref="InsiClientCertificatePath"/>; never shown or logged.</summary>
    public string? InsiClientCertificatePassword { get; init; }

    /// <summary>A PEM file holding the INSi server certificate to trust (pinning, as <see cref="TrustedServerCertificatePath"/>).</summary>
    public string? InsiTrustedServerCertificatePath { get; init; }

    /// <summary>The authorisation number (IDAM) sent in the INSi ContexteLPS; synthetic.</summary>
    public string InsiIdam { get; init; } = "DUICONF-IDAM-0001";
    /// <summary>
    /// The Pro Santé Connect token endpoint; when set, the DUI obtains an access token (password grant for
    /// <see cref="PscUsername"/>, as client <see cref="PscClientId"/>) and sends it to the DMP. Absent: no token.
    /// </summary>
    public string? PscTokenEndpoint { get; init; }

    /// <summary>The DUI's OAuth client id at Pro Santé Connect.</summary>
    public string? PscClientId { get; init; }

    /// <summary>The DUI's OAuth client secret; never shown or logged.</summary>
    public string? PscClientSecret { get; init; }

    /// <summary>The professional's login at Pro Santé Connect (the RPPS number).</summary>
    public string? PscUsername { get; init; }

    /// <summary>The professional's secret standing for the card authentication; never shown or logged.</summary>
    public string? PscPassword { get; init; }

    /// <summary>
    /// The shared secret of the HTTP test hooks (<c>/conformance-hooks/v1/</c>, profiles/hooks/openapi.yaml). Absent or
    /// empty (the default): the hooks are not mapped at all and answer 404; only a test set-up turns them on.
    /// </summary>
    public string? HooksSecret { get; init; }
    /// <summary>The MSSanté operator's IMAP host; the DUI always upgrades with STARTTLS before authenticating.</summary>
    public string ImapHost { get; init; } = "127.0.0.1";

    /// <summary>The IMAP port (143 in production); 0 or absent host: no mail retrieval.</summary>
    public int ImapPort { get; init; }

    /// <summary>The mailbox login used for IMAP AUTHENTICATE PLAIN, only after TLS; defaults to <see cref="SmtpUser"/>.</summary>
    public string? ImapUser { get; init; }

    /// <summary>The IMAP password; never shown or logged; defaults to <see cref="SmtpPassword"/>.</summary>
    public string? ImapPassword { get; init; }

    /// <summary>The operator's maximum message size in octets (SMTP SIZE); a message over it is not sent (MSS/va1.13). 0: no local check.</summary>
    public long MssMaxMessageBytes { get; init; }
}
