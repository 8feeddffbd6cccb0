namespace DuiConformance.Simulators.Smtp.Auth;

/// <summary>
/// One SASL mechanism offered by AUTH (RFC 4954). PLAIN exists; LOGIN or XOAUTH2 (MSSanté with a Pro Santé Connect
/// token, domain.md §4.2) are added as further implementations and listed in <see cref="SmtpServerContext.AuthMechanisms"/>.
/// </summary>
public interface ISmtpAuthMechanism
{
    /// <summary>The mechanism name as advertised and matched case-insensitively, e.g. <c>PLAIN</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Runs the exchange and returns the authenticated user name; throws <see cref="SmtpReplyException"/> (typically
    /// <c>535 5.7.8</c>) when authentication fails.
    /// </summary>
    /// <param name="exchange">Sends challenges and reads responses.</param>
    /// <param name="initialResponse">The initial response given on the AUTH line, or <c>null</c> when none (<c>=</c> means an empty one).</param>
    /// <param name="cancellationToken">Cancelled on timeout or shutdown.</param>
    Task<string> AuthenticateAsync(ISmtpAuthExchange exchange, string? initialResponse, CancellationToken cancellationToken);
}
