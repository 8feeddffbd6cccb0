using System.Globalization;
using System.Net.Security;
using System.Security.Authentication;
using System.Text;
using DuiConformance.Simulators.Smtp.Auth;

namespace DuiConformance.Simulators.Smtp;

public sealed partial class SmtpSession
{
    /// <summary>The TLS versions the simulated operator accepts (MSS-01: TLS ≥ 1.2).</summary>
    public const SslProtocols AcceptedTlsProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;

    /// <summary>
    /// Runs the server side of the TLS handshake after <c>220 Ready to start TLS</c> and resets the session to
    /// <see cref="SmtpSessionState.Greeting"/>: the client must greet again (RFC 3207 §4.2).
    /// </summary>
    /// <exception cref="AuthenticationException">The handshake failed (the client's fault: the session ends as a network error).</exception>
    internal async Task UpgradeToTlsAsync(CancellationToken cancellationToken)
    {
        var certificate = _server.Certificate ?? throw new InvalidOperationException("STARTTLS needs a certificate.");
        await FlushRepliesAsync(cancellationToken).ConfigureAwait(false);
        var tls = new SslStream(_stream, leaveInnerStreamOpen: false);
        _stream = tls;
        var discarded = _reader.SwitchStream(tls);
        if (discarded > 0)
        {
            Transcript.Note(string.Create(CultureInfo.InvariantCulture, $"{discarded} octets sent after STARTTLS before the handshake were discarded (RFC 3207 §5)"));
        }

        ArmTimeout();
        var verifier = _server.Options.ClientCertificates;
        await tls.AuthenticateAsServerAsync(
            new SslServerAuthenticationOptions
            {
                ServerCertificate = certificate.Certificate,
                EnabledSslProtocols = AcceptedTlsProtocols,

                // Note: with a verifier the server asks for a certificate; a missing or bad one does not break the
                // handshake — it is judged afterwards and refused at AUTH EXTERNAL with a clear reply (RFC 4422 App. A).
                ClientCertificateRequired = verifier is not null,
                RemoteCertificateValidationCallback = verifier is null ? null : (_, _, _, _) => true,
                CertificateRevocationCheckMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck,
            },
            cancellationToken).ConfigureAwait(false);
        if (verifier is not null)
        {
            ClientCertificate = verifier.Verify(tls.RemoteCertificate);
            Transcript.Note(ClientCertificate.Accepted
                ? $"client certificate {ClientCertificate.Subject} accepted for <{ClientCertificate.Mailbox}>"
                : $"client certificate {(ClientCertificate.Subject.Length > 0 ? ClientCertificate.Subject + " " : string.Empty)}not accepted: {ClientCertificate.Refusal}");
        }

        IsTls = true;
        TlsProtocol = tls.SslProtocol.ToString();
        TlsCipherSuite = tls.NegotiatedCipherSuite.ToString();
        State = SmtpSessionState.Greeting;
        ClientName = null;
        ResetTransaction();
        Transcript.Note($"TLS established: {TlsProtocol} {TlsCipherSuite}");
    }

    /// <summary>What the TLS client certificate established; <c>null</c> before TLS or when certificates are not requested.</summary>
    public Mail.ClientCertificateIdentity? ClientCertificate { get; private set; }

    /// <summary>The SASL exchange of this session, for <see cref="ISmtpAuthMechanism"/>.</summary>
    internal ISmtpAuthExchange AuthExchange => new SessionAuthExchange(this);

    private sealed class SessionAuthExchange(SmtpSession session) : ISmtpAuthExchange
    {
        public async Task<string> ChallengeAsync(string base64Challenge, CancellationToken cancellationToken)
        {
            await session.ReplyAsync(new SmtpReply(334, null, base64Challenge), cancellationToken).ConfigureAwait(false);
            var line = await session.ReadLineAsync(session._server.Options.MaxCommandLineLength, cancellationToken).ConfigureAwait(false);
            if (line.IsEndOfStream)
            {
                throw new IOException("Connection closed during AUTH.");
            }

            if (line.Truncated)
            {
                session.Transcript.Client(SmtpSecretRedactor.Mask);
                throw new SmtpReplyException(SmtpReplies.LineTooLong);
            }

            var text = Encoding.ASCII.GetString(line.Content.Span);
            session.Transcript.Client(SmtpSecretRedactor.RedactAuthResponse(text));
            return text == "*" ? throw new SmtpReplyException(SmtpReplies.AuthenticationCancelled) : text;
        }

        public void AcceptToken(Psc.PscPrincipal principal)
        {
            ArgumentNullException.ThrowIfNull(principal);
            if (session._server.Revocations is { } revocations && principal.TokenId.Length > 0)
            {
                session._tokenRevoked = revocations.WhenRevoked(principal.TokenId);
            }

            session.Transcript.Note($"Pro Santé Connect token of {principal.Subject} (client {principal.ClientId}) accepted");
        }

        public string SessionId => session.Id;

        public void Note(string text) => session.Transcript.Note(text);

        public Mail.ClientCertificateIdentity? ClientCertificate => session.ClientCertificate;
    }
}
