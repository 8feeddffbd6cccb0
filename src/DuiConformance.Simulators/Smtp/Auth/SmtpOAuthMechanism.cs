using DuiConformance.Simulators.Sasl;

namespace DuiConformance.Simulators.Smtp.Auth;

/// <summary>
/// SASL XOAUTH2 or OAUTHBEARER (RFC 7628) on SMTP AUTH, with a Pro Santé Connect access token (domain.md §4.2,
/// SC.MSS/CONF.07): the client response comes on the AUTH line (initial response) or after an empty <c>334</c>. A refused
/// token gets <c>334 &lt;base64 JSON error&gt;</c>, the client's acknowledgement (empty line, or <c>^A</c> for
/// OAUTHBEARER), then <c>535 5.7.8</c> (RFC 7628 §3.2.3, RFC 4954 §6).
/// </summary>
public sealed class SmtpOAuthMechanism : ISmtpAuthMechanism
{
    private readonly OAuthSaslKind _kind;
    private readonly MailboxTokenAuthenticator _authenticator;

    /// <summary>Creates the mechanism of <paramref name="kind"/> over the shared token authenticator.</summary>
    public SmtpOAuthMechanism(OAuthSaslKind kind, MailboxTokenAuthenticator authenticator)
    {
        ArgumentNullException.ThrowIfNull(authenticator);
        _kind = kind;
        _authenticator = authenticator;
    }

    /// <inheritdoc />
    public string Name => MailboxTokenAuthenticator.Name(_kind);

    /// <inheritdoc />
    public async Task<string> AuthenticateAsync(ISmtpAuthExchange exchange, string? initialResponse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var response = initialResponse ?? await exchange.ChallengeAsync(string.Empty, cancellationToken).ConfigureAwait(false);
        var result = _authenticator.Authenticate(_kind, response == "=" ? string.Empty : response)
            ?? throw new SmtpReplyException(SmtpReplies.InvalidCredentials);
        await _authenticator.RecordAttemptAsync("smtp", exchange.SessionId, result, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            // Note: RFC 7628 §3.2.2 — the failure is sent as a challenge; the client answers it, then the server fails.
            exchange.Note($"{Name} refused: {result.Reason}");
            await exchange.ChallengeAsync(result.ErrorChallenge!, cancellationToken).ConfigureAwait(false);
            throw new SmtpReplyException(SmtpReplies.InvalidCredentials);
        }

        exchange.AcceptToken(result.Principal!);
        return result.Account!.User;
    }
}
