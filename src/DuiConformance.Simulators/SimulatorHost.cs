using DuiConformance.Core.Evidence;
using DuiConformance.Simulators.Fhir;
using DuiConformance.Simulators.Insi;
using DuiConformance.Simulators.Smtp;

namespace DuiConformance.Simulators;

/// <summary>
/// Starts every simulator of a run in one process, on loopback, recording into one evidence store (DESIGN.md §2: one
/// host). Today: the DMP / PDSm FHIR endpoint and the MSSanté SMTP submission server.
/// </summary>
public static class SimulatorHost
{
    /// <summary>Starts the simulators and returns once all of them listen.</summary>
    /// <exception cref="ArgumentException">A non-loopback bind address without <see cref="SimulatorHostOptions.AllowNonLoopback"/>.</exception>
    /// <exception cref="Core.HarnessException">A simulator could not listen (port in use).</exception>
    public static async Task<RunningSimulators> StartAsync(SimulatorHostOptions options, EvidenceStore evidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(evidence);
        LoopbackGuard.Resolve(options.BindAddress, options.AllowNonLoopback, nameof(options));
        var mailboxes = options.ResolveMailboxes();
        var time = options.Time ?? TimeProvider.System;
        var certificate = SimulatorCertificate.Create(time);
        SmtpSimulator? smtp = null;
        FhirSimulator? startedFhir = null;
        var insiCertificates = InsiCertificates.Create(time);
        try
        {
            smtp = new SmtpSimulator(
                new SmtpSimulatorOptions
                {
                    Host = options.BindAddress,
                    Port = options.SmtpPort,
                    AllowNonLoopback = options.AllowNonLoopback,
                    MaxMessageSize = options.MaxMessageSize,
                    CommandTimeout = options.SmtpCommandTimeout,
                    AcceptedDomains = options.AcceptedDomains,
                    Accounts = mailboxes.ToDictionary(mailbox => mailbox.User, mailbox => mailbox.Password, StringComparer.Ordinal),
                },
                evidence,
                certificate,
                time);
            smtp.Start();
            var fhir = await FhirSimulator.StartAsync(
                new FhirSimulatorOptions
                {
                    Host = options.BindAddress,
                    Port = options.FhirPort,
                    AllowNonLoopback = options.AllowNonLoopback,
                    MaxRequestBodySize = options.FhirMaxRequestBodySize,
                },
                evidence,
                time,
                cancellationToken).ConfigureAwait(false);
            startedFhir = fhir;
            var insi = await InsiSimulator.StartAsync(
                new InsiSimulatorOptions
                {
                    Host = options.BindAddress,
                    Port = options.InsiPort,
                    AllowNonLoopback = options.AllowNonLoopback,
                    Identities = options.InsiIdentities,
                },
                insiCertificates,
                evidence,
                cancellationToken).ConfigureAwait(false);
            return new RunningSimulators(fhir, smtp, certificate, mailboxes) { Insi = insi, InsiCertificates = insiCertificates };
        }
        catch
        {
            if (smtp is not null)
            {
                await smtp.DisposeAsync().ConfigureAwait(false);
            }

            if (startedFhir is not null)
            {
                await startedFhir.DisposeAsync().ConfigureAwait(false);
            }

            insiCertificates.Dispose();
            certificate.Dispose();
            throw;
        }
    }
}
