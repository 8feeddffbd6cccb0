namespace DuiConformance.Simulators.Smtp.Auth;

/// <summary>The session side of a SASL exchange (RFC 4954 §4), given to an <see cref="ISmtpAuthMechanism"/>.</summary>
public interface ISmtpAuthExchange
{
    /// <summary>
    /// Sends <c>334 &lt;challenge&gt;</c> and returns the client's response line (base64). The line is masked in the
    /// transcript. A client's <c>*</c> ends the exchange with <c>501 5.7.0</c> (thrown as <see cref="SmtpReplyException"/>).
    /// </summary>
    Task<string> ChallengeAsync(string base64Challenge, CancellationToken cancellationToken);

    /// <summary>
    /// Tells the session that it is authenticated by this Pro Santé Connect token: when the token is revoked, the session
    /// answers the next command <c>421</c> and closes (domain.md §8.5 MSS-04).
    /// </summary>
    void AcceptToken(Psc.PscPrincipal principal);

    /// <summary>The session id of the transcript, for the evidence of a token attempt (domain.md §8.5 MSS-04).</summary>
    string SessionId => string.Empty;

    /// <summary>Adds a note to the session transcript (why a token was refused; never a secret).</summary>
    void Note(string text);

    /// <summary>What the session's TLS client certificate established (SASL EXTERNAL, RFC 4422 Appendix A); <c>null</c> when certificates are not requested.</summary>
    Mail.ClientCertificateIdentity? ClientCertificate => null;
}
