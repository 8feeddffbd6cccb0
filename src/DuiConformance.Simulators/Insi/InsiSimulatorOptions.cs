namespace DuiConformance.Simulators.Insi;

/// <summary>Settings of the simulated INSi teleservice (domain.md §2.2).</summary>
public sealed record InsiSimulatorOptions
{
    /// <summary>Path of the single SOAP endpoint.</summary>
    public const string DefaultPath = "/insi";

    /// <summary>Address to listen on; loopback only unless <see cref="AllowNonLoopback"/>.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port; 0 lets the system choose.</summary>
    public int Port { get; init; }

    /// <summary>Accept a non-loopback <see cref="Host"/>; off by default.</summary>
    public bool AllowNonLoopback { get; init; }

    /// <summary>
    /// Largest request accepted, in octets; a larger one gets a <see cref="InsiFault.TooLarge"/> fault. A real look-up is
    /// about 2 KB, so 64 KiB leaves room for a WS-Security assertion.
    /// </summary>
    public long MaxRequestBodySize { get; init; } = 64 * 1024;

    /// <summary>The people the simulator knows; <c>null</c> reads <c>fixtures/identities/</c>.</summary>
    public InsiIdentityBase? Identities { get; init; }
}
