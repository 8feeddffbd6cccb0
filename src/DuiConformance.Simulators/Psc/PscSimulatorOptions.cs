namespace DuiConformance.Simulators.Psc;

/// <summary>Settings of the simulated Pro Santé Connect (OIDC issuer, JWKS and token endpoint).</summary>
public sealed record PscSimulatorOptions
{
    /// <summary>The realm path under which everything is served, as on the real Keycloak-based PSC (domain.md §5.3).</summary>
    public const string RealmPath = "/auth/realms/esante-wallet";

    /// <summary>The audience of every token unless set otherwise; the simulated DMP expects it.</summary>
    public const string DefaultAudience = "dui-conformance-simulators";

    /// <summary>Address to listen on; only loopback unless <see cref="AllowNonLoopback"/>.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port; 0 lets the system choose.</summary>
    public int Port { get; init; }

    /// <summary>Accept a non-loopback <see cref="Host"/>; off by default.</summary>
    public bool AllowNonLoopback { get; init; }

    /// <summary>The <c>aud</c> claim of issued tokens, which validators require.</summary>
    public string Audience { get; init; } = DefaultAudience;

    /// <summary>How long an access token is valid after it is issued.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The professionals who may obtain a token with the password grant.</summary>
    public IReadOnlyList<PscProfessional> Professionals { get; init; } = [];

    /// <summary>The registered clients (one per ESSMS), which authenticate every token request.</summary>
    public IReadOnlyList<PscOrganisation> Organisations { get; init; } = [];

    /// <summary>Largest token request body, in octets; a larger one gets <c>invalid_request</c>.</summary>
    public long MaxRequestBodySize { get; init; } = 16 * 1024;
}
