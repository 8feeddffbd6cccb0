namespace DuiConformance.Core.Evidence;

/// <summary>
/// Property names of <see cref="EvidenceKinds.MailAuth"/> items (one SASL token authentication attempt at the simulated
/// MSSanté operator) and of <see cref="EvidenceKinds.PscRevocation"/> items (one revoked token). A token is named by
/// its <c>jti</c> and a hash, never by itself (secrets are redacted in evidence).
/// </summary>
public static class MailAuthProperties
{
    /// <summary><c>smtp</c> or <c>imap</c>.</summary>
    public const string Protocol = "protocol";

    /// <summary>The session id, as in the session's transcript (<see cref="SmtpProperties.Session"/>, <see cref="ImapProperties.Session"/>).</summary>
    public const string Session = "session";

    /// <summary>The SASL mechanism (<c>XOAUTH2</c>, <c>OAUTHBEARER</c>).</summary>
    public const string Mechanism = "mechanism";

    /// <summary>The token's <c>jti</c> claim as the token states it (read without trusting it); empty when unreadable.</summary>
    public const string TokenId = "tokenId";

    /// <summary>Lower-case hex of the first 16 octets of the SHA-256 of the token: identifies it without revealing it.</summary>
    public const string TokenHash = "tokenHash";

    /// <summary><c>accepted</c> or <c>refused</c>.</summary>
    public const string Result = "result";

    /// <summary>Why a token was refused, in French (never the token); empty when accepted.</summary>
    public const string Reason = "reason";

    /// <summary>On a revocation: who revoked the token (<c>harness</c> for a scenario step).</summary>
    public const string RevokedBy = "by";

    /// <summary>The <see cref="Result"/> of an accepted attempt.</summary>
    public const string Accepted = "accepted";

    /// <summary>The <see cref="Result"/> of a refused attempt.</summary>
    public const string Refused = "refused";
}
