using DuiConformance.Core.Evidence;
using DuiConformance.Simulators.Fhir;
using DuiConformance.Simulators.Insi;
using DuiConformance.Simulators.Psc;
using DuiConformance.Simulators.Imap;
using DuiConformance.Simulators.Mail;
using DuiConformance.Simulators.Smtp;

namespace DuiConformance.Simulators;

/// <summary>
/// Starts every simulator of a run in one process, on loopback, recording into one evidence store (DESIGN.md §2: one
/// host). Today: the Pro Santé Connect token issuer, the DMP / PDSm FHIR endpoint, the MSSanté operator (SMTP
/// submission, IMAP, one mail store) and the INSi teleservice.
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
        var temporaryStore = options.MailStoreDirectory is null ? Path.Combine(Path.GetTempPath(), "dui-mailstore-" + Guid.NewGuid().ToString("N")) : null;
        var store = new MailStore(options.MailStoreDirectory ?? temporaryStore!, time);
        var directory = options.Directory?.With(mailboxes.Select(mailbox => new MailDirectoryEntry(mailbox.Address, MailboxKind.Application, mailbox.User)));
        var insiCertificates = InsiCertificates.Create(time);
        PscSimulator? psc = null;
        SmtpSimulator? smtp = null;
        ImapSimulator? imap = null;
        FhirSimulator? fhir = null;
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
            var smtpOptions = new SmtpSimulatorOptions
            {
                Host = options.BindAddress,
                Port = options.SmtpPort,
                AllowNonLoopback = options.AllowNonLoopback,
                MaxMessageSize = options.MaxMessageSize,
                CommandTimeout = options.SmtpCommandTimeout,
                AcceptedDomains = options.AcceptedDomains,
                Accounts = mailboxes.ToDictionary(mailbox => mailbox.User, mailbox => mailbox.Password, StringComparer.Ordinal),
                Directory = directory,
                ImplicitTlsPort = options.SmtpImplicitTlsPort,
                OwnMailboxes = [.. mailboxes.Select(mailbox => mailbox.Address)],
            };
            var tokens = new Sasl.MailboxTokenAuthenticator(mailboxes, psc.Validator, psc.Revocations, psc.DiscoveryUri) { Evidence = evidence };
            smtp = new SmtpSimulator((SmtpServerContext.Create(smtpOptions, evidence, certificate, time) with { Store = store }).WithTokenAuthentication(tokens));
            smtp.Start();
            imap = new ImapSimulator(ImapServerContext.Create(
                new ImapSimulatorOptions
                {
                    Host = options.BindAddress,
                    Port = options.ImapPort,
                    AllowNonLoopback = options.AllowNonLoopback,
                    Accounts = mailboxes,
                    ImplicitTlsPort = options.ImapImplicitTlsPort,
                },
                store,
                evidence,
                certificate,
                time) with { Tokens = tokens });
            imap.Start();
            fhir = await FhirSimulator.StartAsync(
                new FhirSimulatorOptions
                {
                    Host = options.BindAddress,
                    Port = options.FhirPort,
                    AllowNonLoopback = options.AllowNonLoopback,
                    MaxRequestBodySize = options.FhirMaxRequestBodySize,
                    AccessTokens = options.RequireAccessToken ? psc.Validator : null,
                    DmpRegistry = options.DmpRegistry ?? DmpRegistry.LoadDefault(),
                    ClientOrganisations = psc.Options.Organisations.ToDictionary(organisation => organisation.ClientId, organisation => organisation.Finess, StringComparer.Ordinal),
                },
                evidence,
                time,
                cancellationToken).ConfigureAwait(false);
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
            return new RunningSimulators(fhir, smtp, imap, store, temporaryStore, certificate, mailboxes)
            {
                Psc = psc,
                MailTokens = tokens,
                Insi = insi,
                InsiCertificates = insiCertificates,
            };
        }
        catch
        {
            if (smtp is not null)
            {
                await smtp.DisposeAsync().ConfigureAwait(false);
            }

            if (imap is not null)
            {
                await imap.DisposeAsync().ConfigureAwait(false);
            }

            if (fhir is not null)
            {
                await fhir.DisposeAsync().ConfigureAwait(false);
            }

            if (psc is not null)
            {
                await psc.DisposeAsync().ConfigureAwait(false);
            }

            insiCertificates.Dispose();
            RunningSimulators.DeleteTemporaryStore(temporaryStore);
            certificate.Dispose();
            throw;
        }
    }
}
