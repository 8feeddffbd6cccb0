using DuiConformance.ReferenceDui.Dmp;
using MailKit;
using MailKit.Security;

namespace DuiConformance.ReferenceDui.Mss;

/// <summary>
/// Logs the DUI's SMTP and IMAP sessions in to the MSSanté operator with SASL XOAUTH2 and the author's Pro Santé Connect
/// token (domain.md §4.2, SC.MSS/CONF.07). A token the operator refuses (the SASL error challenge, then 535 / NO) is
/// discarded and the login is tried once more with a fresh token from PSC; a token whose session the operator closed
/// (SMTP 421, IMAP <c>* BYE</c>) is discarded too, so a revoked token is never presented again (SC.MSS/CONF.10, §8.5 MSS-04).
/// </summary>
internal sealed class MssTokenLogin
{
    private readonly PscTokenClient _tokens;
    private readonly bool _reusesRevokedToken;

    /// <param name="tokens">The DUI's token client (the cache shared with the DMP client).</param>
    /// <param name="reusesRevokedToken">The <see cref="ReferenceDuiDefects.ReusesRevokedToken"/> defect: a refused token is kept and presented again on the retry.</param>
    public MssTokenLogin(PscTokenClient tokens, bool reusesRevokedToken = false)
    {
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        _reusesRevokedToken = reusesRevokedToken;
    }

    /// <summary>
    /// Authenticates <paramref name="client"/> (connected, TLS up) as <paramref name="user"/>; returns the token the
    /// session holds, or <c>null</c> when PSC gave none.
    /// </summary>
    /// <exception cref="AuthenticationException">The operator refused the fresh token too.</exception>
    public async Task<string?> LogInAsync(MailService client, string user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if ((await _tokens.GetAsync(cancellationToken).ConfigureAwait(false)).AccessToken is not { } token)
        {
            return null;
        }

        try
        {
            await client.AuthenticateAsync(new SaslMechanismOAuth2(user, token), cancellationToken).ConfigureAwait(false);
            return token;
        }
        catch (AuthenticationException) when (client.IsConnected)
        {
            // Note: RFC 7628 §3.2.2 — the operator refused the token (revoked, expired): never present it again.
            if (!_reusesRevokedToken)
            {
                _tokens.Invalidate(token);
            }
        }

        if ((await _tokens.GetAsync(cancellationToken).ConfigureAwait(false)).AccessToken is not { } fresh)
        {
            return null;
        }

        try
        {
            await client.AuthenticateAsync(new SaslMechanismOAuth2(user, fresh), cancellationToken).ConfigureAwait(false);
            return fresh;
        }
        catch (AuthenticationException)
        {
            _tokens.Invalidate(fresh);
            throw;
        }
    }
}
