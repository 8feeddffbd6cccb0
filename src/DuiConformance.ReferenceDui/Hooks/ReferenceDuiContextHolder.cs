using DuiConformance.ReferenceDui.Web;

namespace DuiConformance.ReferenceDui;

/// <summary>
/// The DUI's current settings and services. Pages resolve <see cref="Current"/> on every request, so a
/// <c>POST configure</c> of the test hooks takes effect for the next request without a restart.
/// </summary>
internal sealed class ReferenceDuiContextHolder(ReferenceDuiSettings settings, ReferenceDuiContext current)
{
    private readonly Lock _lock = new();

    /// <summary>The settings <see cref="Current"/> was built from.</summary>
    public ReferenceDuiSettings Settings { get; private set; } = settings;

    /// <summary>The services requests use now.</summary>
    public ReferenceDuiContext Current { get; private set; } = current;

    /// <summary>Replaces the settings and the services together.</summary>
    public void Replace(ReferenceDuiSettings settings, ReferenceDuiContext context)
    {
        lock (_lock)
        {
            Settings = settings;
            Current = context;
        }
    }
}
