using System.Globalization;
using System.Net.Sockets;
using System.Security.Authentication;
using DuiConformance.ReferenceDui.Identity;
using DuiConformance.ReferenceDui.Security;
using DuiConformance.ReferenceDui.Storage;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using MimeKit;

namespace DuiConformance.ReferenceDui.Mss;

/// <summary>
/// Retrieves the DUI's MSSanté mailbox over IMAP (STARTTLS before anything else, the pinned simulator certificate,
/// then AUTHENTICATE XOAUTH2 with the author's Pro Santé Connect token, or PLAIN when no PSC is configured; domain.md
/// §4.2, SC.MSS/CONF.07; a refused or revoked token is discarded, see <see cref="MssTokenLogin"/>) and handles each unseen message: a read receipt (MDN, RFC 8098)
/// or a delivery receipt (DSN, RFC 3464) is matched to the sent message by Original-Message-ID or Original-Envelope-Id
/// (MSS-12, MSS-13); any other message is filed into the usager's record, found by the INS of the attached CDA or by
/// the Mon espace santé sender address (MSS-14). Every handled message is marked \Seen.
/// </summary>
internal sealed class MssReceiver
{
    /// <summary>The subject prefix of XDM messages, hidden when shown (SC.MSS/UX.28, domain.md §4.3).</summary>
    public const string XdmSubjectPrefix = "XDM/1.0/DDM+";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly string _host;
    private readonly int _port;
    private readonly string? _user;
    private readonly string? _password;
    private readonly ServerCertificatePinning _pinning;
    private readonly ReferenceDuiDatabase _database;
    private readonly MssStore _store;
    private readonly MssTokenLogin? _login;
    private readonly Dmp.PscTokenClient? _tokens;

    /// <param name="host">The IMAP server.</param>
    /// <param name="port">Its STARTTLS port.</param>
    /// <param name="user">The mailbox (address or account name).</param>
    /// <param name="password">The password, used only without <paramref name="tokens"/> (a set-up without Pro Santé Connect).</param>
    /// <param name="pinning">The operator's pinned certificate.</param>
    /// <param name="database">The usagers, to file messages.</param>
    /// <param name="store">The MSSanté tables.</param>
    /// <param name="tokens">The PSC token client: XOAUTH2 with its token; <c>null</c> logs in with PLAIN.</param>
    /// <param name="reusesRevokedToken">The <see cref="ReferenceDuiDefects.ReusesRevokedToken"/> defect.</param>
    public MssReceiver(string host, int port, string? user, string? password, ServerCertificatePinning pinning, ReferenceDuiDatabase database, MssStore store, Dmp.PscTokenClient? tokens = null, bool reusesRevokedToken = false)
    {
        _host = host;
        _port = port;
        _user = user;
        _password = password;
        _pinning = pinning ?? throw new ArgumentNullException(nameof(pinning));
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _tokens = tokens;
        _login = tokens is null ? null : new MssTokenLogin(tokens, reusesRevokedToken);
    }

    /// <summary>The subject as shown to the user: without the XDM prefix.</summary>
    public static string DisplaySubject(string? subject)
    {
        var text = (subject ?? string.Empty).Trim();
        return text.StartsWith(XdmSubjectPrefix, StringComparison.OrdinalIgnoreCase) ? text[XdmSubjectPrefix.Length..].Trim() : text;
    }

    /// <summary>Reads every unseen message of INBOX; never throws for a server, TLS or network failure.</summary>
    public async Task<MssReceiveResult> ReceiveAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(_host) || _port is <= 0 or > 65535)
        {
            return new MssReceiveResult(false, 0, 0, 0, "Relève MSSanté impossible : le serveur IMAP (ImapHost, ImapPort) n'est pas configuré.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        using var client = new ImapClient
        {
            Timeout = (int)Timeout.TotalMilliseconds,
            SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            CheckCertificateRevocation = false,
            ServerCertificateValidationCallback = (_, certificate, _, errors) => _pinning.Validate(certificate, errors),
        };

        string? token = null;
        try
        {
            await client.ConnectAsync(_host, _port, SecureSocketOptions.StartTls, timeout.Token).ConfigureAwait(false);
            if (_login is null)
            {
                await client.AuthenticateAsync(new SaslMechanismPlain(_user ?? string.Empty, _password ?? string.Empty), timeout.Token).ConfigureAwait(false);
            }
            else if ((token = await _login.LogInAsync(client, _user ?? string.Empty, timeout.Token).ConfigureAwait(false)) is null)
            {
                // Note: no fallback to PLAIN when the token is missing — MSSanté asks for XOAUTH2 (domain.md §4.2).
                return Failure("jeton Pro Santé Connect indisponible");
            }

            var inbox = client.Inbox;
            await inbox.OpenAsync(FolderAccess.ReadWrite, timeout.Token).ConfigureAwait(false);
            var unseen = await inbox.SearchAsync(SearchQuery.NotSeen, timeout.Token).ConfigureAwait(false);
            int filed = 0, unfiled = 0, receipts = 0;
            var usagers = await _database.ListUsagersAsync(timeout.Token).ConfigureAwait(false);
            foreach (var uid in unseen)
            {
                var message = await inbox.GetMessageAsync(uid, timeout.Token).ConfigureAwait(false);
                switch (await HandleAsync(message, usagers, now, timeout.Token).ConfigureAwait(false))
                {
                    case Handled.Receipt:
                        receipts++;
                        break;
                    case Handled.Filed:
                        filed++;
                        break;
                    default:
                        unfiled++;
                        break;
                }

                await inbox.AddFlagsAsync(uid, MessageFlags.Seen, silent: true, timeout.Token).ConfigureAwait(false);
            }

            await client.DisconnectAsync(quit: true, timeout.Token).ConfigureAwait(false);
            return new MssReceiveResult(true, filed, unfiled, receipts, string.Create(CultureInfo.InvariantCulture,
                $"Relève terminée : {filed} message(s) classé(s) dans un dossier, {unfiled} non classé(s), {receipts} accusé(s) traité(s)."));
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
        catch (Exception e) when (e is ImapCommandException or ImapProtocolException or NotSupportedException or FormatException)
        {
            SessionEnded(token, e);
            return Failure($"erreur IMAP ({FirstLine(e.Message)})");
        }
        catch (Exception e) when (e is SocketException or IOException or ServiceNotConnectedException)
        {
            SessionEnded(token, e);
            return Failure($"serveur injoignable ({FirstLine(e.Message)})");
        }
    }

    private enum Handled
    {
        Receipt,
        Filed,
        Unfiled,
    }

    private async Task<Handled> HandleAsync(MimeMessage message, IReadOnlyList<Usager> usagers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (message.Body is MultipartReport report)
        {
            foreach (var receipt in MssReceiptReader.Read(report, now))
            {
                if (await _store.WasSentAsync(receipt.MessageId, cancellationToken).ConfigureAwait(false))
                {
                    await _store.InsertReceiptAsync(receipt, cancellationToken).ConfigureAwait(false);
                }
            }

            return Handled.Receipt;
        }

        var sender = message.From.Mailboxes.FirstOrDefault();
        var senderAddress = sender?.Address ?? string.Empty;
        var patientSender = MssOutbox.IsPatientAddress(senderAddress);
        var patientIns = patientSender ? senderAddress[..senderAddress.IndexOf('@', StringComparison.Ordinal)] : null;
        var cda = ReceivedDocumentReader.Read(message);
        Usager? usager = null;
        var matchedBy = "aucun usager ne correspond";
        if (cda?.Ins is { } ins && usagers.FirstOrDefault(u => string.Equals(u.Ins, ins, StringComparison.Ordinal)) is { } byIns)
        {
            usager = byIns;
            matchedBy = "INS du document CDA (" + ins + ")";
        }
        else if (patientIns is not null && usagers.FirstOrDefault(u => string.Equals(u.Ins, patientIns, StringComparison.Ordinal)) is { } byAddress)
        {
            usager = byAddress;
            matchedBy = "adresse Mon espace santé de l'usager";
        }

        // Note: SC.MSS/UX.31 — a Mon espace santé sender is shown by the usager's name and INS, never the bare address.
        var label = patientSender
            ? usager is null ? $"Usager (Mon espace santé), INS {patientIns}" : $"Usager : {usager.BirthName} {usager.FirstGivenName} (INS {usager.Ins})"
            : string.IsNullOrWhiteSpace(sender?.Name) ? senderAddress : $"{sender.Name} <{senderAddress}>";
        await _store.InsertReceivedAsync(new ReceivedMessage(0, usager?.Id, message.MessageId ?? string.Empty, senderAddress, label,
            DisplaySubject(message.Subject), now, matchedBy, cda?.Title, cda?.Bytes), cancellationToken).ConfigureAwait(false);
        return usager is null ? Handled.Unfiled : Handled.Filed;
    }

    /// <summary>
    /// The operator ended a token-authenticated session (an untagged <c>* BYE</c>, e.g. when the token was revoked:
    /// domain.md §8.5 MSS-04, SC.MSS/CONF.10): the token is discarded, the next retrieval asks PSC for a fresh one.
    /// </summary>
    private void SessionEnded(string? token, Exception failure)
    {
        if (token is not null && failure is ImapProtocolException or ServiceNotConnectedException or IOException)
        {
            _tokens?.Invalidate(token);
        }
    }

    private static MssReceiveResult Failure(string reason) => new(false, 0, 0, 0, "Échec de la relève MSSanté : " + reason + ".");

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length > 300 ? line[..300] : line;
    }
}
