using DuiConformance.Core.Evidence;
using DuiConformance.Scenarios.Drivers.Manual;
using DuiConformance.Simulators;

namespace DuiConformance.Cli.Running;

/// <summary>
/// Builds the manual driver of a lane (<c>run --driver manual</c>): the instruction catalogue, the operator's terminal
/// (the console unless a script is given) and the connection facts a person must enter in their DUI, the same values
/// <c>serve</c> prints.
/// </summary>
public static class ManualLaneDriver
{
    /// <summary>Creates the driver.</summary>
    /// <param name="options">The run's options (language, operator input and output).</param>
    /// <param name="simulators">The lane's simulators.</param>
    /// <param name="sutWebAddress">The system under test's web pages when the harness started it (the reference DUI), else <c>null</c>.</param>
    /// <param name="workDirectory">Where the certificates the DUI must trust or present are written.</param>
    /// <param name="evidence">The lane's evidence store.</param>
    public static ManualDriver Create(RunOptions options, RunningSimulators simulators, Uri? sutWebAddress, string workDirectory, EvidenceStore evidence)
    {
        ArgumentNullException.ThrowIfNull(options);
        var facts = ConnectionFacts(options.Language, simulators, sutWebAddress, workDirectory);
        return new ManualDriver(
            ManualInstructionCatalogue.Load(ManualInstructionCatalogue.DefaultPath),
            evidence,
            options.OperatorInput ?? Console.In,
            options.OperatorOutput ?? Console.Out,
            new ManualDriverOptions { Language = options.Language, ConnectionFacts = facts });
    }

    /// <summary>The values to enter in a DUI so it talks to this lane's simulators, grouped by service.</summary>
    public static IReadOnlyList<ConnectionFactGroup> ConnectionFacts(string language, RunningSimulators simulators, Uri? sutWebAddress, string workDirectory)
    {
        ArgumentNullException.ThrowIfNull(simulators);
        string T(string french, string english) => language == "en" ? english : french;
        Directory.CreateDirectory(workDirectory);
        var certificatePath = Path.Combine(workDirectory, "manual-simulator-certificate.pem");
        simulators.Certificate.WritePem(certificatePath);
        var insiServerPath = Path.Combine(workDirectory, "manual-insi-server-certificate.pem");
        var insiClientPath = Path.Combine(workDirectory, "manual-insi-client-certificate.p12");
        var insiClientPassword = Guid.NewGuid().ToString("N");
        simulators.InsiCertificates.WriteServerPem(insiServerPath);
        simulators.InsiCertificates.WriteClientPkcs12(insiClientPath, insiClientPassword);
        var organisation = simulators.Psc.Options.Organisations[0];
        var professional = simulators.Psc.Options.Professionals[0];
        var mailbox = simulators.Mailboxes[0];
        var groups = new List<ConnectionFactGroup>();
        if (sutWebAddress is not null)
        {
            groups.Add(new(T("DUI testé (pages web)", "DUI under test (web pages)"), [new(T("Adresse", "Address"), sutWebAddress.ToString())]));
        }

        groups.Add(new(T("DMP / Mon espace santé (FHIR, PDSm)", "DMP / Mon espace santé (FHIR, PDSm)"), [new(T("Base FHIR", "FHIR base"), simulators.FhirBase.ToString())]));
        groups.Add(new("Pro Santé Connect", [
            new(T("Émetteur", "Issuer"), simulators.Psc.Issuer.ToString()),
            new(T("Point de jeton", "Token endpoint"), simulators.Psc.TokenEndpoint.ToString()),
            new(T("Identifiant client", "Client id"), organisation.ClientId),
            new(T("Secret client", "Client secret"), organisation.ClientSecret),
            new(T("Professionnel de test (RPPS)", "Test professional (RPPS)"), professional.Rpps),
            new(T("Mot de passe du professionnel", "Professional's password"), professional.Password),
        ]));
        var smtp = new List<ConnectionFact>
        {
            new(T("Serveur SMTP (soumission, STARTTLS)", "SMTP server (submission, STARTTLS)"), $"{simulators.SmtpHost}:{simulators.SmtpPort}"),
            new(T("Serveur IMAP", "IMAP server"), $"{simulators.ImapHost}:{simulators.ImapPort}"),
            new(T("Adresse de la boîte", "Mailbox address"), mailbox.Address),
            new(T("Utilisateur", "User"), mailbox.User),
            new(T("Mot de passe", "Password"), mailbox.Password),
            new(T("Certificat du serveur à approuver", "Server certificate to trust"), certificatePath),
        };
        if (simulators.SmtpImplicitTlsPort is { } implicitTls)
        {
            smtp.Insert(1, new(T("Serveur SMTP (TLS implicite)", "SMTP server (implicit TLS)"), $"{simulators.SmtpHost}:{implicitTls}"));
        }

        groups.Add(new(T("Opérateur MSSanté", "MSSanté operator"), smtp));
        groups.Add(new(T("Téléservice INSi (TLS mutuel)", "INSi teleservice (mutual TLS)"), [
            new(T("Point d'accès", "Endpoint"), simulators.InsiEndpoint.ToString()),
            new(T("Certificat du serveur à approuver", "Server certificate to trust"), insiServerPath),
            new(T("Certificat client (PKCS#12)", "Client certificate (PKCS#12)"), insiClientPath),
            new(T("Mot de passe du certificat client", "Client certificate password"), insiClientPassword),
        ]));
        return groups;
    }
}
