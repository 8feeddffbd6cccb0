using DuiConformance.Core.Evidence;
using DuiConformance.Simulators.Fhir;
using DuiConformance.Simulators.Insi;
using DuiConformance.Simulators.Psc;
using DuiConformance.Simulators.Smtp;

namespace DuiConformance.Simulators;

/// <summary>
/// Starts every simulator of a run in one process, on loopback, recording into one evidence store (DESIGN.md §2: one
/// host). Today: the Pro Santé Connect token issuer, the DMP / PDSm FHIR endpoint, the MSSanté SMTP submission server
/// and the INSi teleservice.
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
        PscSimulator? psc = null;
        try
        {
            psc = await PscSimulator.StartAsync(
                new PscSimulatorOptions
                {
                    Host = options.BindAddress,
                    Port = options.PscPort,
                    AllowNonLoopback = options.AllowNonLoopback,
                    TokenLifetime = options.PscTokenLifetime,
                    Professionals = options.ResolvePscProfessionals(),
                    Organisations = options.ResolvePscOrganisations(),
                },
                time,
                cancellationToken).ConfigureAwait(false);
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
                    AccessTokens = options.RequireAccessToken ? psc.Validator : null,
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
            return new RunningSimulators(fhir, smtp, certificate, mailboxes) { Psc = psc, Insi = insi, InsiCertificates = insiCertificates };
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
            if (psc is not null)
            {
                await psc.DisposeAsync().ConfigureAwait(false);
            }

            certificate.Dispose();
            throw;
        }
    }
}
