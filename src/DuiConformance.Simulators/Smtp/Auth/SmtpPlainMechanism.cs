using System.Security.Cryptography;
using System.Text;

namespace DuiConformance.Simulators.Smtp.Auth;

/// <summary>
/// SASL PLAIN (RFC 4616): one message <c>[authzid] NUL authcid NUL passwd</c>, base64-encoded, sent as the AUTH initial
/// response or after an empty <c>334</c> challenge. Checked against the configured accounts.
/// </summary>
public sealed class SmtpPlainMechanism : ISmtpAuthMechanism
{
    private readonly IReadOnlyDictionary<string, string> _accounts;

    /// <summary>Creates the mechanism over user name → password accounts.</summary>
    public SmtpPlainMechanism(IReadOnlyDictionary<string, string> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        _accounts = accounts;
    }

    /// <inheritdoc />
    public string Name => "PLAIN";

    /// <inheritdoc />
    public async Task<string> AuthenticateAsync(ISmtpAuthExchange exchange, string? initialResponse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var response = initialResponse ?? await exchange.ChallengeAsync(string.Empty, cancellationToken).ConfigureAwait(false);

        // Note: RFC 4954 §4 — "=" on the AUTH line is an empty initial response.
        if (response == "=")
        {
            response = string.Empty;
        }

        var buffer = new byte[(response.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(response, buffer, out var length))
        {
            throw new SmtpReplyException(SmtpReplies.InvalidBase64);
        }

        var parts = Encoding.UTF8.GetString(buffer, 0, length).Split('\0');
        if (parts.Length != 3)
        {
            throw new SmtpReplyException(SmtpReplies.InvalidCredentials);
        }

        var (authorizationId, user, password) = (parts[0], parts[1], parts[2]);

        // Note: RFC 4616 §2 — an authorization identity other than the user's own is a proxy request, which this
        // operator does not grant.
        if (authorizationId.Length > 0 && !string.Equals(authorizationId, user, StringComparison.Ordinal))
        {
            throw new SmtpReplyException(SmtpReplies.InvalidCredentials);
        }

        if (_accounts.TryGetValue(user, out var expected)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(password)))
        {
            return user;
        }

        throw new SmtpReplyException(SmtpReplies.InvalidCredentials);
    }
}
