using System.Security.Cryptography;
using System.Text;

namespace DuiConformance.Simulators.Smtp.Auth;

/// <summary>
/// SASL LOGIN (draft-murchison-sasl-login): <c>334 VXNlcm5hbWU6</c> ("Username:") then <c>334 UGFzc3dvcmQ6</c>
/// ("Password:"), each answered in base64; an initial response on the AUTH line stands for the user name. Obsolete but
/// still what many mail libraries fall back to, so the operator offers it after TLS.
/// </summary>
public sealed class SmtpLoginMechanism : ISmtpAuthMechanism
{
    private readonly IReadOnlyDictionary<string, string> _accounts;

    /// <summary>Creates the mechanism over user name → password accounts.</summary>
    public SmtpLoginMechanism(IReadOnlyDictionary<string, string> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        _accounts = accounts;
    }

    /// <inheritdoc />
    public string Name => "LOGIN";

    /// <inheritdoc />
    public async Task<string> AuthenticateAsync(ISmtpAuthExchange exchange, string? initialResponse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var user = Decode(initialResponse ?? await exchange.ChallengeAsync("VXNlcm5hbWU6", cancellationToken).ConfigureAwait(false));
        var password = Decode(await exchange.ChallengeAsync("UGFzc3dvcmQ6", cancellationToken).ConfigureAwait(false));
        if (_accounts.TryGetValue(user, out var expected)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(password)))
        {
            return user;
        }

        throw new SmtpReplyException(SmtpReplies.InvalidCredentials);
    }

    private static string Decode(string response)
    {
        var buffer = new byte[(response.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(response == "=" ? string.Empty : response, buffer, out var length)
            ? Encoding.UTF8.GetString(buffer, 0, length)
            : throw new SmtpReplyException(SmtpReplies.InvalidBase64);
    }
}
