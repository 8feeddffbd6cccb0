using DuiConformance.Simulators.Psc;

namespace DuiConformance.Simulators.Sasl;

/// <summary>The verdict on a token presented to the mail server: the mailbox it opens, or the error to send back.</summary>
/// <param name="Account">The mailbox opened, when accepted.</param>
/// <param name="Principal">Who the token speaks for, when accepted (its <c>jti</c> is watched for revocation).</param>
/// <param name="ErrorChallenge">When refused: the base64 JSON error challenge of the mechanism (RFC 7628 §3.2.2).</param>
/// <param name="Reason">When refused: why, in French, for the transcript (never the token itself).</param>
public sealed record MailboxTokenResult(MailboxAccount? Account, PscPrincipal? Principal, string? ErrorChallenge, string Reason)
{
    /// <summary>True when the token opens <see cref="Account"/>.</summary>
    public bool Succeeded => Account is not null && Principal is not null;

    /// <summary>The SASL mechanism the token came with (<c>XOAUTH2</c>, <c>OAUTHBEARER</c>).</summary>
    public string Mechanism { get; init; } = string.Empty;

    /// <summary>The <c>jti</c> the presented token states (<see cref="Psc.PscTokenFingerprint.ClaimedTokenId"/>); empty when unreadable.</summary>
    public string TokenId { get; init; } = string.Empty;

    /// <summary>The presented token's hash (<see cref="Psc.PscTokenFingerprint.Hash"/>), to name it in evidence without revealing it.</summary>
    public string TokenHash { get; init; } = string.Empty;
}
