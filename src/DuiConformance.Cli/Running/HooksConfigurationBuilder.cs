using System.Text.Json.Nodes;
using DuiConformance.Simulators;

namespace DuiConformance.Cli.Running;

/// <summary>
/// The body of the test hooks' <c>POST configure</c> (profiles/hooks/openapi.yaml, schema Configuration): the same
/// facts as <c>serve --json</c>, with the credentials and certificates inline since an external DUI may not share the
/// harness's disk.
/// </summary>
public static class HooksConfigurationBuilder
{
    /// <summary>Describes running simulators; writes the INSi client PKCS#12 once into <paramref name="workDirectory"/> to read its bytes.</summary>
    public static JsonObject Build(RunningSimulators simulators, string runId, string workDirectory)
    {
        ArgumentNullException.ThrowIfNull(simulators);
        var mailbox = simulators.Mailboxes[0];
        var organisation = simulators.Psc.Options.Organisations[0];
        var professional = simulators.Psc.Options.Professionals[0];
        var pkcs12Path = Path.Combine(workDirectory, "hooks-insi-client.p12");
        var pkcs12Password = Guid.NewGuid().ToString("N");
        simulators.InsiCertificates.WriteClientPkcs12(pkcs12Path, pkcs12Password);
        return new JsonObject
        {
            ["runId"] = runId,
            ["fhir"] = new JsonObject { ["base"] = simulators.FhirBase.ToString() },
            ["psc"] = new JsonObject
            {
                ["issuer"] = simulators.Psc.Issuer.ToString(),
                ["tokenEndpoint"] = simulators.Psc.TokenEndpoint.ToString(),
                ["clientId"] = organisation.ClientId,
                ["clientSecret"] = organisation.ClientSecret,
                ["username"] = professional.Rpps,
                ["password"] = professional.Password,
            },
            ["smtp"] = new JsonObject
            {
                ["host"] = simulators.SmtpHost,
                ["port"] = simulators.SmtpPort,
                ["implicitTlsPort"] = simulators.SmtpImplicitTlsPort,
                ["user"] = mailbox.User,
                ["password"] = mailbox.Password,
                ["address"] = mailbox.Address,
            },
            ["imap"] = new JsonObject
            {
                ["host"] = simulators.ImapHost,
                ["port"] = simulators.ImapPort,
                ["user"] = mailbox.User,
                ["password"] = mailbox.Password,
            },
            ["insi"] = new JsonObject
            {
                ["endpoint"] = simulators.InsiEndpoint.ToString(),
                ["clientCertificatePkcs12"] = Convert.ToBase64String(File.ReadAllBytes(pkcs12Path)),
                ["clientCertificatePassword"] = pkcs12Password,
                ["serverCertificatePem"] = simulators.InsiCertificates.ServerPem,
            },
            ["trustedCertificatesPem"] = new JsonArray(simulators.Certificate.PublicPem),
        };
    }
}
