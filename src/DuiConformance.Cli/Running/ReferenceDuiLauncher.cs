using DuiConformance.ReferenceDui;
using DuiConformance.Simulators;

namespace DuiConformance.Cli.Running;

/// <summary>Starts the built-in reference DUI in-process, wired to a lane's simulators (certificates written into the lane's folder).</summary>
public static class ReferenceDuiLauncher
{
    /// <summary>Starts the DUI; <paramref name="hooksSecret"/> turns its HTTP test hooks on (null: off).</summary>
    public static async Task<RunningReferenceDui> StartAsync(RunOptions options, RunningSimulators simulators, string workDirectory, string? hooksSecret, CancellationToken cancellationToken)
    {
        var certificatePath = Path.Combine(workDirectory, "simulator-certificate.pem");
        simulators.Certificate.WritePem(certificatePath);
        var mailbox = simulators.Mailboxes[0];
        var insiServerPath = Path.Combine(workDirectory, "insi-server-certificate.pem");
        var insiClientPath = Path.Combine(workDirectory, "insi-client-certificate.p12");
        var insiClientPassword = Guid.NewGuid().ToString("N");
        simulators.InsiCertificates.WriteServerPem(insiServerPath);
        simulators.InsiCertificates.WriteClientPkcs12(insiClientPath, insiClientPassword);
        return await ReferenceDuiServer.StartAsync(
            new ReferenceDuiSettings
            {
                DatabasePath = Path.Combine(workDirectory, "reference-dui.db"),
                FhirBaseUrl = simulators.FhirBase.ToString(),
                PscTokenEndpoint = simulators.Psc.TokenEndpoint.ToString(),
                PscClientId = simulators.Psc.Options.Organisations[0].ClientId,
                PscClientSecret = simulators.Psc.Options.Organisations[0].ClientSecret,
                PscUsername = simulators.Psc.Options.Professionals[0].Rpps,
                PscPassword = simulators.Psc.Options.Professionals[0].Password,
                SmtpHost = simulators.SmtpHost,
                SmtpPort = simulators.SmtpPort,
                SmtpUser = mailbox.User,
                SmtpPassword = mailbox.Password,
                SenderAddress = mailbox.Address,
                TrustedServerCertificatePath = certificatePath,
                Defects = options.Defects,

                // Note: the OID the reference DUI falls back on for an INS it holds without an INSi OID follows --ins-mode.
                InsMode = options.InsMode == Core.Fhir.Profiles.InsMode.Test ? "test" : "production",
                InsiEndpoint = simulators.InsiEndpoint.ToString(),
                InsiClientCertificatePath = insiClientPath,
                InsiClientCertificatePassword = insiClientPassword,
                InsiTrustedServerCertificatePath = insiServerPath,
                HooksSecret = hooksSecret,
                ImapHost = simulators.ImapHost,
                ImapPort = simulators.ImapPort,
                MssMaxMessageBytes = simulators.SmtpMaxMessageSize,
            },
            cancellationToken).ConfigureAwait(false);
    }
}
