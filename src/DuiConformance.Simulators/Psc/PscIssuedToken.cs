namespace DuiConformance.Simulators.Psc;

/// <summary>An access token the simulated Pro Santé Connect issued, with when it stops being valid.</summary>
/// <param name="AccessToken">The compact RS256 JWT to send as <c>Authorization: Bearer …</c>.</param>
/// <param name="ExpiresAt">The instant of its <c>exp</c> claim.</param>
/// <param name="IssuedAt">The instant of its <c>iat</c> claim.</param>
/// <param name="Subject">Its <c>sub</c> claim: 8 + RPPS for a professional, 1 + FINESS for an organisation.</param>
public sealed record PscIssuedToken(string AccessToken, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, string Subject)
{
    /// <inheritdoc />
    public override string ToString() => $"PscIssuedToken {{ AccessToken = ***, IssuedAt = {IssuedAt:O}, ExpiresAt = {ExpiresAt:O}, Subject = {Subject} }}";
}
