using System.Security.Cryptography;
using DuiConformance.Simulators.Psc;

namespace DuiConformance.Simulators;

/// <summary>What <see cref="SimulatorHost.StartAsync"/> starts, and where: every simulator on loopback, ports chosen by the system.</summary>
public sealed record SimulatorHostOptions
{
    /// <summary>The default test mailbox address (an EHPAD secretariat on the CI-SIS test domain, domain.md §4.1).</summary>
    public const string DefaultMailboxAddress = "secretariat@ehpad-les-tilleuls.test-ci-sis.mssante.fr";

    /// <summary>The default test mailbox user.</summary>
    public const string DefaultMailboxUser = "dui-reference";

    /// <summary>Address every simulator listens on; loopback unless <see cref="AllowNonLoopback"/>.</summary>
    public string BindAddress { get; init; } = "127.0.0.1";

    /// <summary>Allow a non-loopback <see cref="BindAddress"/>; off by default so nothing is exposed by mistake.</summary>
    public bool AllowNonLoopback { get; init; }

    /// <summary>FHIR port; 0 = chosen by the system.</summary>
    public int FhirPort { get; init; }

    /// <summary>SMTP submission port; 0 = chosen by the system.</summary>
    public int SmtpPort { get; init; }

    /// <summary>
    /// The mailboxes of the simulated operator; <c>null</c> means one default test mailbox
    /// (<see cref="DefaultMailboxAddress"/>, user <see cref="DefaultMailboxUser"/>) with a random password for this run.
    /// </summary>
    public IReadOnlyList<MailboxAccount>? Mailboxes { get; init; }

    /// <summary>Recipient domains the SMTP simulator accepts (see <see cref="Smtp.SmtpSimulatorOptions.AcceptedDomains"/>).</summary>
    public IReadOnlyList<string> AcceptedDomains { get; init; } = ["test-ci-sis.mssante.fr", ".mssante.fr"];

    /// <summary>Largest message the SMTP simulator accepts, in octets (advertised as SIZE).</summary>
    public long MaxMessageSize { get; init; } = 10 * 1024 * 1024;

    /// <summary>How long the SMTP simulator waits for each client line.</summary>
    public TimeSpan SmtpCommandTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest FHIR request body, in octets.</summary>
    public long FhirMaxRequestBodySize { get; init; } = 20 * 1024 * 1024;

    /// <summary>Implicit-TLS SMTP submission port (RFC 8314, "submissions"); 0 = chosen by the system, <c>null</c> = no such listener.</summary>
    public int? SmtpImplicitTlsPort { get; init; } = 0;

    /// <summary>IMAP port (STARTTLS, then LOGIN or AUTHENTICATE PLAIN); 0 = chosen by the system.</summary>
    public int ImapPort { get; init; }

    /// <summary>
    /// The operator's mailbox directory (e.g. <see cref="Mail.MailDirectory.LoadDefault"/>): recipients it does not list
    /// get <c>550 5.1.1</c>; the run's own mailboxes are added to it. <c>null</c> accepts any mailbox of an accepted domain.
    /// </summary>
    public Mail.MailDirectory? Directory { get; init; }

    /// <summary>Where the mail store keeps message files; <c>null</c> = a fresh temporary folder deleted when the simulators stop.</summary>
    public string? MailStoreDirectory { get; init; }

    /// <summary>The clock of every simulator (a fake one in tests); the system clock when <c>null</c>.</summary>
    public TimeProvider? Time { get; init; }

    /// <summary>The default test professional's RPPS number (the reference DUI's author; synthetic).</summary>
    public const string DefaultProfessionalRpps = "10199999995";

    /// <summary>The default test organisation's FINESS (the reference DUI's establishment; synthetic).</summary>
    public const string DefaultOrganisationFiness = "690999990";

    /// <summary>The default test organisation's OAuth client id at the simulated Pro Santé Connect.</summary>
    public const string DefaultPscClientId = "dui-reference";

    /// <summary>Pro Santé Connect simulator port; 0 = chosen by the system.</summary>
    public int PscPort { get; init; }

    /// <summary>
    /// Whether the FHIR simulator requires a Pro Santé Connect bearer token (401 otherwise), as the real DMP does. On by
    /// default; <c>serve --json</c> prints a valid <c>testToken</c> for a DUI under manual test.
    /// </summary>
    public bool RequireAccessToken { get; init; } = true;

    /// <summary>How long Pro Santé Connect access tokens stay valid.</summary>
    public TimeSpan PscTokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The professionals known to the simulated Pro Santé Connect; <c>null</c> means one default test professional
    /// (<see cref="DefaultProfessionalRpps"/>) with a random password for this run.
    /// </summary>
    public IReadOnlyList<PscProfessional>? PscProfessionals { get; init; }

    /// <summary>
    /// The organisations registered as clients; <c>null</c> means one default (<see cref="DefaultOrganisationFiness"/>,
    /// client <see cref="DefaultPscClientId"/>) with a random secret for this run.
    /// </summary>
    public IReadOnlyList<PscOrganisation>? PscOrganisations { get; init; }

    /// <summary>The mailboxes to use: <see cref="Mailboxes"/>, or the default one with a fresh random password.</summary>
    internal IReadOnlyList<MailboxAccount> ResolveMailboxes() =>
        Mailboxes ?? [new MailboxAccount(DefaultMailboxAddress, DefaultMailboxUser, RandomPassword()) { Holders = DefaultHolders() }];

    /// <summary>
    /// The national ids holding the default mailbox: every professional and organisation registered at the simulated
    /// PSC (by default the reference DUI's author, 8 + <see cref="DefaultProfessionalRpps"/>, and its establishment,
    /// 1 + <see cref="DefaultOrganisationFiness"/>).
    /// </summary>
    private string[] DefaultHolders() =>
        [
            .. (PscProfessionals ?? [new PscProfessional(DefaultProfessionalRpps, string.Empty, string.Empty)]).Select(professional => professional.NationalId),
            .. (PscOrganisations ?? [new PscOrganisation(DefaultOrganisationFiness, DefaultPscClientId, string.Empty)]).Select(organisation => organisation.NationalId),
        ];

    /// <summary>The professionals to register: <see cref="PscProfessionals"/>, or the default one with a fresh random password.</summary>
    internal IReadOnlyList<PscProfessional> ResolvePscProfessionals() =>
        PscProfessionals ?? [new PscProfessional(DefaultProfessionalRpps, RandomPassword(), "Dr Test Référence")];

    /// <summary>The organisations to register: <see cref="PscOrganisations"/>, or the default one with a fresh random secret.</summary>
    internal IReadOnlyList<PscOrganisation> ResolvePscOrganisations() =>
        PscOrganisations ?? [new PscOrganisation(DefaultOrganisationFiness, DefaultPscClientId, RandomPassword())];

    private static string RandomPassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');

    /// <summary>INSi HTTPS port; 0 = chosen by the system.</summary>
    public int InsiPort { get; init; }

    /// <summary>The people the INSi simulator knows; <c>null</c> reads <c>fixtures/identities/</c>.</summary>
    public Insi.InsiIdentityBase? InsiIdentities { get; init; }

    /// <summary>Implicit-TLS IMAP port (RFC 8314, "imaps"); 0 = chosen by the system, <c>null</c> = no such listener.</summary>
    public int? ImapImplicitTlsPort { get; init; } = 0;
    /// <summary>The simulated DMP's status of each INS (TD0.2); <c>null</c> = <see cref="Fhir.DmpRegistry.LoadDefault"/> (fixtures/dmp/registry.csv).</summary>
    public Fhir.DmpRegistry? DmpRegistry { get; init; }
}
