using System.Text;

namespace DuiConformance.Simulators.Smtp.Auth;

/// <summary>
/// SASL EXTERNAL (RFC 4422 Appendix A): the identity is the one the TLS client certificate established (an organisation
/// or applicative mailbox, domain.md §4.2); the message is only an optional authorization identity, which must then be
/// that same mailbox. Without an accepted certificate the answer is <c>535 5.7.8</c>.
/// </summary>
public sealed class SmtpExternalMechanism : ISmtpAuthMechanism
{
    /// <inheritdoc />
    public string Name => "EXTERNAL";

    /// <inheritdoc />
    public async Task<string> AuthenticateAsync(ISmtpAuthExchange exchange, string? initialResponse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var response = initialResponse ?? await exchange.ChallengeAsync(string.Empty, cancellationToken).ConfigureAwait(false);

        // Note: RFC 4954 §4 — "=" is an empty initial response: no authorization identity, act as the certificate's mailbox.
        if (response == "=")
        {
            response = string.Empty;
        }

        var buffer = new byte[(response.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(response, buffer, out var length))
        {
            throw new SmtpReplyException(SmtpReplies.InvalidBase64);
        }

        var identity = exchange.ClientCertificate;
        if (identity is not { Accepted: true })
        {
            exchange.Note("EXTERNAL refused: " + (identity?.Refusal ?? "no client certificate presented"));
            throw new SmtpReplyException(new SmtpReply(535, "5.7.8", "No accepted client certificate for EXTERNAL"));
        }

        var authorization = Encoding.UTF8.GetString(buffer, 0, length);
        if (authorization.Length > 0 && !string.Equals(authorization, identity.Mailbox, StringComparison.OrdinalIgnoreCase))
        {
            exchange.Note($"EXTERNAL refused: authorization identity <{authorization}> is not the certificate's mailbox <{identity.Mailbox}>");
            throw new SmtpReplyException(SmtpReplies.InvalidCredentials);
        }

        return identity.Mailbox!;
    }
}
