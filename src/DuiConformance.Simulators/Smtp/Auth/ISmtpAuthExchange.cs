namespace DuiConformance.Simulators.Smtp.Auth;

/// <summary>The session side of a SASL exchange (RFC 4954 §4), given to an <see cref="ISmtpAuthMechanism"/>.</summary>
public interface ISmtpAuthExchange
{
    /// <summary>
    /// Sends <c>334 &lt;challenge&gt;</c> and returns the client's response line (base64). The line is masked in the
    /// transcript. A client's <c>*</c> ends the exchange with <c>501 5.7.0</c> (thrown as <see cref="SmtpReplyException"/>).
    /// </summary>
    Task<string> ChallengeAsync(string base64Challenge, CancellationToken cancellationToken);
}
