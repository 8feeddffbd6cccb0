using System.Globalization;
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

    /// <summary>
    /// The <c>ignores-size-limit</c> defect: the SIZE the operator announces is not compared with the message before
    /// sending, and a <c>552</c> refusal is taken for a passing failure and the message submitted again (must fail DUI-MSS-10).
    /// </summary>
    public bool IgnoreSizeLimit { get; init; }

    /// <summary>Submissions of one message the defect makes after a <c>552</c> (the first included).</summary>
    public const int DefectAttempts = 3;

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

            // Note: MSS/va1.13, RFC 1870 — the size the operator announced in its EHLO reply (after STARTTLS) is checked
            // before anything is submitted: an over-size message is not sent at all, the user is told why (DUI-MSS-10).
            if (!IgnoreSizeLimit && (client.Capabilities & SmtpCapabilities.Size) != 0 && client.MaxSize > 0
                && Measure(message) is var size && size > client.MaxSize)
            {
                await client.DisconnectAsync(quit: true, timeout.Token).ConfigureAwait(false);
                return new Outcome(false, MssOutbox.RefusedPrefix + string.Create(CultureInfo.InvariantCulture,
                    $"le message fait {size} octets, au-delà de la taille maximale de {client.MaxSize} octets annoncée par l'opérateur MSSanté ; il n'a pas été envoyé."));
            }

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

            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await client.SendAsync(message, timeout.Token).ConfigureAwait(false);
                    break;
                }
                catch (SmtpCommandException e) when (IgnoreSizeLimit && e.StatusCode == SmtpStatusCode.ExceededStorageAllocation && attempt < DefectAttempts)
                {
                    // Note: the defect's naive retry; the reference behaviour never resubmits a refused message.
                }
            }

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
        catch (SmtpCommandException e) when (e.StatusCode == SmtpStatusCode.ExceededStorageAllocation)
        {
            // Note: RFC 1870 / RFC 5321 §4.2.3 — 552 is the operator's size refusal: shown as such to the user, never retried.
            return Failure($"le message dépasse la taille maximale acceptée par l'opérateur, le serveur a répondu 552 ({FirstLine(e.Message)})");
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

    /// <summary>The message's size on the wire: CRLF line ends, as MailKit submits it and the server counts it.</summary>
    private static long Measure(MimeMessage message)
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        using var measuring = new MimeKit.IO.MeasuringStream();
        message.WriteTo(options, measuring);
        return measuring.Length;
    }

    private static Outcome Failure(string reason) => new(false, "Échec de l'envoi MSSanté : " + reason + ".");

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length > 300 ? line[..300] : line;
    }
}
