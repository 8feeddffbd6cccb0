using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using DuiConformance.Core;
using DuiConformance.Core.Evidence;
using DuiConformance.Simulators;

namespace DuiConformance.Cli.Commands;

/// <summary>
/// <c>dui-conformance serve</c>: start the simulators only, for a DUI under test, until SIGINT/SIGTERM; then flush the
/// evidence (DESIGN.md §3). With <c>--json</c>, one line describing the endpoints once every simulator listens.
/// </summary>
public static class ServeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var jsonOption = new Option<bool>("--json") { Description = "Affiche une ligne JSON décrivant les points d'accès, une fois tout à l'écoute." };
        var outOption = new Option<string?>("--out") { Description = "Dossier des preuves (défaut : out/serve-<horodatage>/)." };
        var fhirPortOption = new Option<int>("--fhir-port") { Description = "Port fixe du simulateur FHIR (défaut : 0, choisi par le système).", DefaultValueFactory = _ => 0 };
        var smtpPortOption = new Option<int>("--smtp-port") { Description = "Port fixe du simulateur SMTP (défaut : 0).", DefaultValueFactory = _ => 0 };
        var command = new Command("serve", "Démarre les simulateurs seuls (boucle locale), pour un DUI en cours de test.") { jsonOption, outOption, fhirPortOption, smtpPortOption };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var runId = "serve-" + TimeProvider.System.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            var directory = Path.GetFullPath(parse.GetValue(outOption) ?? Path.Combine(RepositoryLayout.Root, "out", runId));
            var evidence = new EvidenceStore(Path.Combine(directory, "evidence"), new EvidenceTagContext(runId)) { IdleCheckpointDelay = TimeSpan.FromSeconds(1) };
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stop.Cancel();
            });
            await using (var simulators = await SimulatorHost.StartAsync(
                new SimulatorHostOptions { FhirPort = parse.GetValue(fhirPortOption), SmtpPort = parse.GetValue(smtpPortOption) },
                evidence,
                cancellationToken).ConfigureAwait(false))
            {
                var certificatePath = Path.Combine(directory, "simulator-certificate.pem");
                simulators.Certificate.WritePem(certificatePath);
                var insiServerPath = Path.Combine(directory, "insi-server-certificate.pem");
                var insiClientPath = Path.Combine(directory, "insi-client-certificate.p12");
                var insiClientPassword = Guid.NewGuid().ToString("N");
                simulators.InsiCertificates.WriteServerPem(insiServerPath);
                simulators.InsiCertificates.WriteClientPkcs12(insiClientPath, insiClientPassword);
                if (parse.GetValue(jsonOption))
                {
                    var line = new
                    {
                        fhir = new { @base = simulators.FhirBase.ToString() },
                        psc = new { issuer = simulators.Psc.Issuer.ToString(), tokenEndpoint = simulators.Psc.TokenEndpoint.ToString(), testToken = simulators.IssueTestToken().AccessToken, revocationEndpoint = simulators.Psc.RevocationEndpoint.ToString() },
                        smtp = new { host = simulators.SmtpHost, port = simulators.SmtpPort, implicitTlsPort = simulators.SmtpImplicitTlsPort, certificate = certificatePath },
                        imap = new { host = simulators.ImapHost, port = simulators.ImapPort, certificate = certificatePath, implicitTlsPort = simulators.ImapImplicitTlsPort },
                        insi = new { url = simulators.InsiEndpoint.ToString(), serverCertificate = insiServerPath, clientCertificate = insiClientPath, clientCertificatePassword = insiClientPassword },
                        mailboxes = simulators.Mailboxes.Select(mailbox => new { address = mailbox.Address, user = mailbox.User, password = mailbox.Password }),
                        evidence = evidence.Directory,
                    };
                    await output.WriteLineAsync(JsonSerializer.Serialize(line)).ConfigureAwait(false);
                }
                else
                {
                    await output.WriteLineAsync($"FHIR (DMP) : {simulators.FhirBase}\nSMTP (MSSanté) : {simulators.SmtpHost}:{simulators.SmtpPort} (STARTTLS, certificat {certificatePath})\nINSi : {simulators.InsiEndpoint} (TLS mutuel, certificat client {insiClientPath})\nPreuves : {evidence.Directory}\nCtrl+C pour arrêter.").ConfigureAwait(false);
                }

                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Note: SIGINT/SIGTERM is the normal way to stop serve; the evidence is flushed below.
                }
            }

            await evidence.WriteManifestAsync(CancellationToken.None).ConfigureAwait(false);
            return ExitCodes.Passed;
        });
        return command;
    }
}
