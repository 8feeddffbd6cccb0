namespace DuiConformance.Scenarios.Drivers.Playwright;

/// <summary>
/// How the browser driver starts Chromium. Values come from options, runsettings or environment variables
/// (<c>DUI_BROWSER_PATH</c>, <c>DUI_BROWSER_HEADED</c>), never from a developer's own path (STYLE.md rule 25).
/// </summary>
public sealed record BrowserOptions
{
    /// <summary>Environment variable naming the Chromium executable.</summary>
    public const string PathVariable = "DUI_BROWSER_PATH";

    /// <summary>The Chromium executable; Debian's package installs it at <c>/usr/bin/chromium</c>.</summary>
    public string ExecutablePath { get; init; } = Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Run without a window (CI); false to watch the run.</summary>
    public bool Headless { get; init; } = Environment.GetEnvironmentVariable("DUI_BROWSER_HEADED") is not ("1" or "true");

    /// <summary>How long one operation may wait for the page (a locator, a navigation).</summary>
    public TimeSpan OperationTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Chromium flags for a closed network and root containers: no sandbox (root), no GPU, and no background
    /// connections (the machine refuses them, which slows every start).
    /// </summary>
    public IReadOnlyList<string> Arguments { get; init; } =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
    ];
}
