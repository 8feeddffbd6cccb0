namespace DuiConformance.Simulators.Psc;

/// <summary>
/// The running realm the endpoints serve: its token issuer and validator, known once Kestrel has chosen its port. Until
/// then <see cref="Issuer"/> is <c>null</c> and the endpoints answer 503.
/// </summary>
internal sealed class PscRealm(PscSimulatorOptions options, PscSigningKey key)
{
    public PscSimulatorOptions Options { get; } = options;

    public PscSigningKey Key { get; } = key;

    public PscTokenIssuer? Issuer { get; set; }

    public PscRevocationList Revocations { get; } = new();

    public PscTokenValidator? Validator { get; set; }
}
