using DuiConformance.Simulators.Fhir;
using DuiConformance.Simulators.Imap;
using DuiConformance.Simulators.Insi;
using DuiConformance.Simulators.Mail;
using DuiConformance.Simulators.Psc;
using DuiConformance.Simulators.Smtp;

namespace DuiConformance.Simulators;

/// <summary>
/// The simulators of one run, listening: where a DUI must connect (FHIR base, SMTP host and port), the certificate it
/// must trust and the mailboxes it may use. Disposing stops everything.
/// </summary>
public sealed class RunningSimulators : IAsyncDisposable
{
    private readonly FhirSimulator _fhir;
    private readonly SmtpSimulator _smtp;
    private readonly ImapSimulator _imap;
    private readonly string? _temporaryStore;
    private bool _stopped;

    internal RunningSimulators(FhirSimulator fhir, SmtpSimulator smtp, ImapSimulator imap, MailStore store, string? temporaryStore, SimulatorCertificate certificate, IReadOnlyList<MailboxAccount> mailboxes)
    {
        _fhir = fhir;
        _smtp = smtp;
        _imap = imap;
        _temporaryStore = temporaryStore;
        MailStore = store;
        Certificate = certificate;
        Mailboxes = mailboxes;
    }

    /// <summary>
    /// Makes the simulated DMP refuse the next document submission (ITI-65 or ITI-105) with <paramref name="refusal"/>,
    /// whatever its content (scenario parameter <c>fhir-refuse:</c>, PDSM-07).
    /// </summary>
    public void RefuseNextSubmission(SubmissionRefusal refusal) => _fhir.Refusals.Arm(refusal);

    /// <summary>Withdraws the refusals armed by <see cref="RefuseNextSubmission"/> that no submission used yet.</summary>
    public void WithdrawRefusals() => _fhir.Refusals.Clear();

    /// <summary>The FHIR base URL, e.g. <c>http://127.0.0.1:50123/fhir</c>: ITI-65 is <c>POST</c> on it.</summary>
    public Uri FhirBase => _fhir.BaseAddress;

    /// <summary>The SMTP submission host (an IP address literal, loopback by default).</summary>
    public string SmtpHost => _smtp.LocalEndPoint.Address.ToString();

    /// <summary>The SMTP submission port (STARTTLS, then AUTH PLAIN).</summary>
    public int SmtpPort => _smtp.LocalEndPoint.Port;

    /// <summary>The implicit-TLS submission port (RFC 8314), or <c>null</c> when disabled.</summary>
    public int? SmtpImplicitTlsPort => _smtp.ImplicitTlsEndPoint?.Port;

    /// <summary>The largest message the SMTP simulator accepts (its advertised SIZE), in bytes.</summary>
    public long SmtpMaxMessageSize => _smtp.MaxMessageSize;

    /// <summary>Sets the SMTP size limit announced and enforced from now on; <c>null</c> restores the configured one.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="octets"/> is not positive.</exception>
    public void SetSmtpMaxMessageSize(long? octets) => _smtp.SetMaxMessageSize(octets);

    /// <summary>The IMAP host (an IP address literal, loopback by default).</summary>
    public string ImapHost => _imap.LocalEndPoint.Address.ToString();

    /// <summary>The IMAP port (STARTTLS, then LOGIN or AUTHENTICATE PLAIN).</summary>
    public int ImapPort => _imap.LocalEndPoint.Port;

    /// <summary>The implicit-TLS IMAP port (RFC 8314 §3.3, TLS 1.2 or later before the greeting), or <c>null</c> when disabled.</summary>
    public int? ImapImplicitTlsPort => _imap.ImplicitTlsEndPoint?.Port;

    /// <summary>The operator's mail store: what SMTP accepted, per recipient, and what IMAP serves.</summary>
    public MailStore MailStore { get; }

    /// <summary>
    /// Places a message, exactly these bytes, in the INBOX of <paramref name="address"/> (a hospital's discharge letter
    /// or a patient's message for the DUI to receive and file); IMAP sessions in IDLE are told at once.
    /// </summary>
    /// <exception cref="IOException">The message could not be written; nothing was filed.</exception>
    public Task<StoredMessage> DeliverAsync(string address, ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default) =>
        MailStore.DeliverAsync(address, message, cancellationToken);

    /// <summary>The self-signed certificate presented by STARTTLS; the DUI must trust it (pin it) for the run.</summary>
    public SimulatorCertificate Certificate { get; }

    /// <summary>The operator's mailboxes with their credentials.</summary>
    public IReadOnlyList<MailboxAccount> Mailboxes { get; }

    /// <summary>The INSi SOAP endpoint (HTTPS, client certificate required), e.g. <c>https://127.0.0.1:50321/insi</c>.</summary>
    public Uri InsiEndpoint => Insi?.Endpoint ?? throw new InvalidOperationException("The INSi simulator is not running.");

    /// <summary>The INSi test CA, its server certificate (to pin) and the client certificate the DUI must present.</summary>
    public InsiCertificates InsiCertificates { get; internal init; } = null!;

    /// <summary>The INSi simulator of this run.</summary>
    internal InsiSimulator? Insi { get; init; }

    /// <summary>The simulated Pro Santé Connect: issuer, token endpoint, registered professionals and organisations, validator.</summary>
    public required PscSimulator Psc { get; init; }

    /// <summary>
    /// A fresh, valid bearer token of the first registered professional, obtained for the first registered organisation
    /// (what <c>serve --json</c> prints as <c>testToken</c>).
    /// </summary>
    public PscIssuedToken IssueTestToken() =>
        Psc.TokenIssuer.IssueForProfessional(Psc.Options.Professionals[0], Psc.Options.Organisations[0], PscClaims.DefaultScope);

    /// <summary>Judges the Pro Santé Connect tokens of the mail sessions and remembers the accepted ones.</summary>
    internal Sasl.MailboxTokenAuthenticator? MailTokens { get; init; }

    /// <summary>
    /// Revokes at the simulated Pro Santé Connect every token the mail operator (SMTP, IMAP) accepted so far and that is
    /// still valid, recording each revocation (<c>psc-revocation</c>, its jti and hash, never the token); the sessions
    /// those tokens opened close (SMTP 421, IMAP <c>* BYE</c>). For a scenario's <c>revoke-token</c> step (DUI-SEC-04).
    /// </summary>
    /// <returns>How many tokens were revoked (0 when the DUI has not authenticated by token yet).</returns>
    public Task<int> RevokeMailTokensAsync(CancellationToken cancellationToken = default) =>
        MailTokens?.RevokeAcceptedAsync(cancellationToken) ?? Task.FromResult(0);

    /// <summary>The FHIR resources accepted so far.</summary>
    public DocumentRepository Documents => _fhir.Documents;

    /// <summary>Stops every simulator: SMTP sessions get <c>421 4.3.2</c> and record their transcripts, FHIR requests in flight finish.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _smtp.StopAsync().ConfigureAwait(false);
        await _imap.StopAsync().ConfigureAwait(false);
        await _fhir.StopAsync(cancellationToken).ConfigureAwait(false);
        if (Insi is not null)
        {
            await Insi.StopAsync(cancellationToken).ConfigureAwait(false);
        }

        await Psc.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _smtp.DisposeAsync().ConfigureAwait(false);
        await _imap.DisposeAsync().ConfigureAwait(false);
        await _fhir.DisposeAsync().ConfigureAwait(false);
        if (Insi is not null)
        {
            await Insi.DisposeAsync().ConfigureAwait(false);
        }

        InsiCertificates?.Dispose();
        await Psc.DisposeAsync().ConfigureAwait(false);
        Certificate.Dispose();
        DeleteTemporaryStore(_temporaryStore);
    }

    /// <summary>Deletes the mail store folder the host created for this run (best effort: a file still open stays).</summary>
    internal static void DeleteTemporaryStore(string? directory)
    {
        if (directory is null)
        {
            return;
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Note: a leftover temporary folder is harmless; failing the run's teardown for it would not be.
        }
    }
}
