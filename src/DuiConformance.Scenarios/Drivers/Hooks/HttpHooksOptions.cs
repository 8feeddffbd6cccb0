using System.Text.Json.Nodes;

namespace DuiConformance.Scenarios.Drivers.Hooks;

/// <summary>How to reach a DUI's test hooks and what to tell it about the simulators.</summary>
/// <param name="HooksUrl">The hooks root, ending with <see cref="HooksContract.PathPrefix"/> (e.g. <c>http://127.0.0.1:5080/conformance-hooks/v1/</c>).</param>
/// <param name="Secret">The shared secret of the run, sent in <see cref="HooksContract.SecretHeader"/>; never recorded.</param>
/// <param name="Configuration">The body of <c>POST configure</c>: simulator endpoints and credentials (the facts of <c>serve --json</c>).</param>
/// <param name="CallTimeout">The longest any one call may take (connection, DUI work and answer).</param>
public sealed record HttpHooksOptions(Uri HooksUrl, string Secret, JsonObject Configuration, TimeSpan CallTimeout)
{
    /// <summary>The default per-call timeout: long enough for a DUI that publishes to the DMP and sends a message in one action.</summary>
    public static TimeSpan DefaultCallTimeout { get; } = TimeSpan.FromSeconds(60);
}
