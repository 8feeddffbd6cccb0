using Microsoft.AspNetCore.Builder;

namespace DuiConformance.ReferenceDui;

/// <summary>
/// A started reference DUI: where its web UI answers and with which settings. Disposing it stops the web server
/// (pending requests get a few seconds) and releases the SQLite file.
/// </summary>
public sealed class RunningReferenceDui : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly WebApplication _app;
    private int _disposed;

    internal RunningReferenceDui(WebApplication app, Uri baseAddress, ReferenceDuiSettings settings)
    {
        _app = app;
        BaseAddress = baseAddress;
        Settings = settings;
    }

    /// <summary>The root of the web UI, e.g. <c>http://127.0.0.1:41234/</c> (the actual port when 0 was asked).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The settings the DUI runs with.</summary>
    public ReferenceDuiSettings Settings { get; }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        using (var timeout = new CancellationTokenSource(StopTimeout))
        {
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
