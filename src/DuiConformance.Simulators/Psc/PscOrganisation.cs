namespace DuiConformance.Simulators.Psc;

/// <summary>
/// A service provider registered with the simulated Pro Santé Connect: the ESSMS (identified by its FINESS) whose DUI
/// authenticates as an OAuth client with <see cref="ClientId"/> and <see cref="ClientSecret"/> (client_id/secret is
/// what PSC's "espace communautaire" allows, domain.md §5.3). A client_credentials token carries <c>sub</c> = 1 + FINESS.
/// </summary>
/// <param name="Finess">The FINESS (9 characters) of the establishment.</param>
/// <param name="ClientId">The OAuth client id.</param>
/// <param name="ClientSecret">The OAuth client secret.</param>
public sealed record PscOrganisation(string Finess, string ClientId, string ClientSecret)
{
    /// <summary>The national structure id the token's <c>sub</c> carries: 1 followed by the FINESS.</summary>
    public string NationalId => PscClaims.OrganisationPrefix + Finess;

    /// <inheritdoc />
    public override string ToString() => $"PscOrganisation {{ Finess = {Finess}, ClientId = {ClientId}, ClientSecret = *** }}";
}
