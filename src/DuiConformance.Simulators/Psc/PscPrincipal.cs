namespace DuiConformance.Simulators.Psc;

/// <summary>Who a valid Pro Santé Connect token speaks for, read from its claims.</summary>
/// <param name="Subject">The <c>sub</c>: 8 + RPPS for a professional, 1 + FINESS for an organisation.</param>
/// <param name="ClientId">The <c>azp</c>: the OAuth client (the DUI of an ESSMS) that obtained the token.</param>
/// <param name="Scope">The granted scopes, space-separated.</param>
/// <param name="ExpiresAt">When the token stops being valid.</param>
/// <param name="TokenId">The <c>jti</c>, unique per token.</param>
public sealed record PscPrincipal(string Subject, string ClientId, string Scope, DateTimeOffset ExpiresAt, string TokenId)
{
    /// <summary>The RPPS number when the token is a professional's, else <c>null</c>.</summary>
    public string? Rpps => Subject.StartsWith(PscClaims.ProfessionalPrefix, StringComparison.Ordinal) ? Subject[PscClaims.ProfessionalPrefix.Length..] : null;

    /// <summary>The FINESS when the token is an organisation's (client_credentials), else <c>null</c>.</summary>
    public string? Finess => Subject.StartsWith(PscClaims.OrganisationPrefix, StringComparison.Ordinal) ? Subject[PscClaims.OrganisationPrefix.Length..] : null;
}
