using System.Net.Sockets;
using System.Security.Authentication;
using DuiConformance.ReferenceDui.Security;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace DuiConformance.ReferenceDui.Mss;

/// <summary>
/// Submits messages to the MSSanté operator over SMTP: STARTTLS is required (TLS 1.2 or 1.3) before anything else,
/// the server certificate is checked by <see cref="ServerCertificatePinning"/>, AUTH is used only once TLS is up, and
/// every network step runs under a 30-second limit (domain.md §4.2, DUI-SEC-01). With a Pro Santé Connect token client
/// AUTH is SASL XOAUTH2 with the author's access token (SC.MSS/CONF.07, DUI-SEC-03); without one, AUTH PLAIN.
/// </summary>
internal sealed class MssSender
{
    /// <summary>The French status message shown when the operator accepted the message.</summary>
    public const string SuccessMessage = "Message envoyé";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly string _host;
    private readonly int _port;
    private readonly string? _user;
    private readonly string? _password;
    private readonly ServerCertificatePinning _pinning;
    private readonly Dmp.PscTokenClient? _tokens;

    public MssSender(string host, int port, string? user, string? password, ServerCertificatePinning pinning, Dmp.PscTokenClient? tokens = null)
    {
        _host = host;
        _port = port;
        _user = user;
        _password = password;
        _pinning = pinning ?? throw new ArgumentNullException(nameof(pinning));
        _tokens = tokens;
    }

    /// <summary>True to ask the operator for a delivery receipt (NOTIFY=SUCCESS,FAILURE and ENVID, RFC 3461).</summary>
    public bool RequestDeliveryReceipts { get; init; } = true;

    /// <summary>The <see cref="ReferenceDuiDefects.ReusesRevokedToken"/> defect: a refused token is presented again on the retry.</summary>
    public bool ReusesRevokedToken { get; init; }

    /// <summary>How a send ended, in words for the user.</summary>
    public sealed record Outcome(bool Succeeded, string Message);

    /// <summary>Sends <paramref name="message"/>; never throws for a server, TLS or network failure.</summary>
    public async Task<Outcome> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrWhiteSpace(_host) || _port is <= 0 or > 65535)
        {
            return new Outcome(false, "Envoi MSSanté impossible : le serveur SMTP (SmtpHost, SmtpPort) n'est pas configuré.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        using var client = new MssSmtpClient(RequestDeliveryReceipts)
        {
            Timeout = (int)Timeout.TotalMilliseconds,
            SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            // Note: no revocation lookup, the harness runs with loopback only; the pinned certificate is self-signed.
            CheckCertificateRevocation = false,
            ServerCertificateValidationCallback = (_, certificate, _, errors) => _pinning.Validate(certificate, errors),
        };

        string? token = null;
        try
        {
            // Note: SecureSocketOptions.StartTls fails when the server does not offer STARTTLS: no plaintext fallback.
            await client.ConnectAsync(_host, _port, SecureSocketOptions.StartTls, timeout.Token).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(_user))
            {
                if (_tokens is null)
                {
                    await client.AuthenticateAsync(new SaslMechanismPlain(_user, _password ?? ""), timeout.Token).ConfigureAwait(false);
                }
                else if ((token = await new MssTokenLogin(_tokens, ReusesRevokedToken).LogInAsync(client, _user, timeout.Token).ConfigureAwait(false)) is null)
                {
                    // Note: no fallback to PLAIN when the token is missing — MSSanté asks for XOAUTH2 (domain.md §4.2).
                    return Failure("jeton Pro Santé Connect indisponible");
                }
            }

            await client.SendAsync(message, timeout.Token).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, timeout.Token).ConfigureAwait(false);
            return new Outcome(true, SuccessMessage);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failure($"pas de réponse du serveur en {Timeout.TotalSeconds:0} s");
        }
        catch (SslHandshakeException e)
        {
            return Failure($"échec de la négociation TLS ({FirstLine(e.Message)})");
        }
        catch (MailKit.Security.AuthenticationException e)
        {
            return Failure($"authentification refusée ({FirstLine(e.Message)})");
        }
        catch (SmtpCommandException e)
        {
            // Note: 421 after a token login — the operator closed the session (token revoked, §8.5 MSS-04): drop the token.
            if (e.StatusCode == SmtpStatusCode.ServiceNotAvailable && token is not null)
            {
                _tokens?.Invalidate(token);
            }

            return Failure($"le serveur a répondu {(int)e.StatusCode} ({FirstLine(e.Message)})");
        }
        catch (SmtpProtocolException e)
        {
            return Failure($"erreur de protocole SMTP ({FirstLine(e.Message)})");
        }
        catch (NotSupportedException e)
        {
            return Failure($"le serveur ne propose pas ce qui est requis ({FirstLine(e.Message)})");
        }
        catch (Exception e) when (e is SocketException or IOException or ServiceNotConnectedException)
        {
            return Failure($"serveur injoignable ({FirstLine(e.Message)})");
        }
    }

    private static Outcome Failure(string reason) => new(false, "Échec de l'envoi MSSanté : " + reason + ".");

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length > 300 ? line[..300] : line;
    }
}
