namespace DuiConformance.Simulators.Psc;

/// <summary>
/// A health or social-care professional the simulated Pro Santé Connect knows: the RPPS number they log in with and the
/// password standing for their e-CPS / CPS card (the simulator cannot drive the real wallet, so it uses the OAuth
/// password grant instead, see <see cref="PscEndpoints"/>). Their tokens carry <c>sub</c> = 8 + RPPS (idNatPs, domain.md §5.1).
/// </summary>
/// <param name="Rpps">The RPPS number, 11 digits (synthetic in tests).</param>
/// <param name="Password">The secret that stands for the card authentication.</param>
/// <param name="DisplayName">Name shown in tokens (<c>name</c> claim), e.g. "Dr Claire Martin".</param>
public sealed record PscProfessional(string Rpps, string Password, string DisplayName)
{
    /// <summary>The national id the token's <c>sub</c> carries: 8 followed by the RPPS number.</summary>
    public string NationalId => PscClaims.ProfessionalPrefix + Rpps;

    /// <inheritdoc />
    public override string ToString() => $"PscProfessional {{ Rpps = {Rpps}, Password = ***, DisplayName = {DisplayName} }}";
}
