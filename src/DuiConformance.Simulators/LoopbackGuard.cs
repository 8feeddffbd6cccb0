using System.Net;

namespace DuiConformance.Simulators;

/// <summary>Refuses to bind a simulator beyond loopback unless explicitly allowed (BRIEF: nothing listens beyond loopback).</summary>
internal static class LoopbackGuard
{
    /// <exception cref="ArgumentException"><paramref name="host"/> is not an IP address, or not loopback while <paramref name="allowNonLoopback"/> is false.</exception>
    public static IPAddress Resolve(string host, bool allowNonLoopback, string parameterName)
    {
        if (!IPAddress.TryParse(host, out var address))
        {
            throw new ArgumentException($"The simulator address must be an IP address, got '{host}'.", parameterName);
        }

        if (!IPAddress.IsLoopback(address) && !allowNonLoopback)
        {
            throw new ArgumentException($"Refusing to listen on {address}: simulators bind to loopback only unless AllowNonLoopback is set.", parameterName);
        }

        return address;
    }
}
