using System.Text;
using DuiConformance.Simulators.Sasl;

namespace DuiConformance.Simulators.Imap.Commands;

/// <summary>
/// AUTHENTICATE (RFC 3501 §6.2.2) with PLAIN (RFC 4616), XOAUTH2 and OAUTHBEARER (RFC 7628, a Pro Santé Connect token,
/// domain.md §4.2), the initial response on the line (SASL-IR, RFC 4959) or after an empty <c>+</c> continuation; only
/// after TLS. A refused token gets <c>+ &lt;base64 JSON error&gt;</c>, the client's acknowledgement, then
/// <c>NO [AUTHENTICATIONFAILED]</c> (RFC 7628 §3.2.3).
/// </summary>
internal sealed class AuthenticateCommandHandler : IImapCommandHandler
{
    public string Name => "AUTHENTICATE";

    public IReadOnlySet<ImapSessionState> AllowedStates => ImapStateSets.NotAuthenticated;

    public async Task<ImapCompletion?> HandleAsync(ImapSession session, ImapCommand command, CancellationToken cancellationToken)
    {
        ImapArguments.CountBetween(command, 1, 2);
        var mechanism = ImapArguments.Atom(command, 0).ToUpperInvariant();
        OAuthSaslKind? tokenKind = mechanism switch
        {
            "XOAUTH2" when session.Server.Tokens is not null => OAuthSaslKind.XOAuth2,
            "OAUTHBEARER" when session.Server.Tokens is not null => OAuthSaslKind.OAuthBearer,
            "PLAIN" => null,
            "EXTERNAL" when session.Server.Options.ClientCertificates is not null => null,
            _ => throw ImapReplyException.No("Unsupported authentication mechanism."),
        };

        if (!session.IsTls)
        {
            session.AuthBeforeTls = true;
            session.Transcript.Note("AUTHENTICATE attempted before TLS");
            throw ImapReplyException.No("[PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure connections.");
        }

        var response = command.Arguments.Count == 2 ? ImapArguments.String(command, 1) : await ContinueAsync(session, string.Empty, cancellationToken).ConfigureAwait(false);
        if (tokenKind is { } kind)
        {
            return await AuthenticateWithTokenAsync(session, kind, mechanism, response, cancellationToken).ConfigureAwait(false);
        }

        if (mechanism == "EXTERNAL")
        {
            return AuthenticateWithCertificate(session, response);
        }

        var buffer = new byte[(response.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(response == "=" ? string.Empty : response, buffer, out var length))
        {
            throw ImapReplyException.Syntax("Invalid base64 data in continued response.");
        }

        var parts = Encoding.UTF8.GetString(buffer, 0, length).Split('\0');
        if (parts.Length != 3 || (parts[0].Length > 0 && parts[0] != parts[1]))
        {
            throw ImapReplyException.No("[AUTHENTICATIONFAILED] Authentication failed.");
        }

        var account = LoginCommandHandler.Check(session, parts[1], parts[2]);
        session.LogIn(account, "PLAIN");
        return new ImapCompletion($"[CAPABILITY {session.Capabilities()}] Logged in");
    }

    private static async Task<ImapCompletion> AuthenticateWithTokenAsync(ImapSession session, OAuthSaslKind kind, string mechanism, string response, CancellationToken cancellationToken)
    {
        var result = session.Server.Tokens!.Authenticate(kind, response == "=" ? string.Empty : response)
            ?? throw ImapReplyException.No("[AUTHENTICATIONFAILED] Invalid " + mechanism + " response.");
        await session.Server.Tokens.RecordAttemptAsync("imap", session.Id, result, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            session.Transcript.Note($"{mechanism} refused: {result.Reason}");

            // Note: RFC 7628 §3.2.2 — the error is a challenge; whatever the client answers, the exchange then fails.
            await ContinueAsync(session, result.ErrorChallenge!, cancellationToken).ConfigureAwait(false);
            throw ImapReplyException.No("[AUTHENTICATIONFAILED] Authentication failed.");
        }

        session.LogIn(result.Account!, mechanism, result.Principal);
        return new ImapCompletion($"[CAPABILITY {session.Capabilities()}] Logged in");
    }

    /// <summary>
    /// SASL EXTERNAL (RFC 4422 Appendix A): the mailbox is the one the TLS client certificate established (an
    /// organisation or applicative mailbox, domain.md §4.2); an authorization identity, when given, must be that mailbox.
    /// </summary>
    private static ImapCompletion AuthenticateWithCertificate(ImapSession session, string response)
    {
        var buffer = new byte[(response.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(response == "=" ? string.Empty : response, buffer, out var length))
        {
            throw ImapReplyException.Syntax("Invalid base64 data in continued response.");
        }

        var identity = session.ClientCertificate;
        if (identity is not { Accepted: true })
        {
            session.Transcript.Note("EXTERNAL refused: " + (identity?.Refusal ?? "no client certificate presented"));
            throw ImapReplyException.No("[AUTHENTICATIONFAILED] No accepted client certificate for EXTERNAL.");
        }

        var authorization = Encoding.UTF8.GetString(buffer, 0, length);
        if (authorization.Length > 0 && !string.Equals(authorization, identity.Mailbox, StringComparison.OrdinalIgnoreCase))
        {
            session.Transcript.Note($"EXTERNAL refused: authorization identity <{authorization}> is not the certificate's mailbox <{identity.Mailbox}>");
            throw ImapReplyException.No("[AUTHENTICATIONFAILED] Authentication failed.");
        }

        // Note: the certificate opens its mailbox without a password account; a configured account of that address is reused.
        var account = session.Server.Options.Accounts.FirstOrDefault(candidate => string.Equals(candidate.Address, identity.Mailbox, StringComparison.OrdinalIgnoreCase))
            ?? new MailboxAccount(identity.Mailbox!, identity.Mailbox!, string.Empty);
        session.LogIn(account, "EXTERNAL");
        return new ImapCompletion($"[CAPABILITY {session.Capabilities()}] Logged in");
    }

    /// <summary>Sends <c>+ &lt;challenge&gt;</c> and reads the client's response line; <c>*</c> aborts (RFC 3501 §6.2.2).</summary>
    private static async Task<string> ContinueAsync(ImapSession session, string challenge, CancellationToken cancellationToken)
    {
        await session.WriteLineAsync("+ " + challenge, cancellationToken).ConfigureAwait(false);
        var line = await session.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (line.IsEndOfStream)
        {
            throw new IOException("Connection closed during AUTHENTICATE.");
        }

        var response = Encoding.ASCII.GetString(line.Content.Span);
        session.Transcript.Client(response == "*" ? "*" : Smtp.SmtpSecretRedactor.Mask);
        return response == "*" ? throw ImapReplyException.Syntax("Authentication aborted by client.") : response;
    }
}
