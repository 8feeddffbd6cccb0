using System.Text;
using DuiConformance.Core;
using DuiConformance.Core.Evidence;
using DuiConformance.Scenarios.Definitions;
using Microsoft.Playwright;

namespace DuiConformance.Scenarios.Drivers.Playwright;

/// <summary>
/// Drives a DUI's web UI with Playwright and Chromium, following the SUT's <see cref="UiMap"/>. A trace is always
/// recorded; when a step fails, a screenshot, an ARIA snapshot and the page HTML are saved as evidence.
/// </summary>
public sealed class PlaywrightDriver : IScenarioDriver
{
    private readonly UiMap _map;
    private readonly Uri _sutBase;
    private readonly BrowserOptions _options;
    private readonly EvidenceStore _evidence;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IBrowserContext? _context;
    private IPage? _page;

    private PlaywrightDriver(UiMap map, Uri sutBase, BrowserOptions options, EvidenceStore evidence)
    {
        _map = map;
        _sutBase = sutBase;
        _options = options;
        _evidence = evidence;
    }

    /// <inheritdoc />
    public string Name => "playwright";

    /// <summary>Starts Playwright and Chromium.</summary>
    /// <exception cref="HarnessException"><see cref="HarnessCodes.BrowserUnavailable"/> when Chromium is missing or fails to start.</exception>
    public static async Task<PlaywrightDriver> StartAsync(UiMap map, Uri sutBase, BrowserOptions options, EvidenceStore evidence)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(options.ExecutablePath))
        {
            throw new HarnessException(HarnessCodes.BrowserUnavailable, $"Chromium introuvable à '{options.ExecutablePath}' : installez le paquet Debian 'chromium' (./dui-conformance le fait) ou définissez {BrowserOptions.PathVariable}.");
        }

        var driver = new PlaywrightDriver(map, sutBase, options, evidence);
        try
        {
            driver._playwright = await Microsoft.Playwright.Playwright.CreateAsync().ConfigureAwait(false);
            driver._browser = await driver._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = options.ExecutablePath,
                Headless = options.Headless,
                Args = options.Arguments,
                Timeout = (float)TimeSpan.FromSeconds(60).TotalMilliseconds,
            }).ConfigureAwait(false);
            return driver;
        }
        catch (PlaywrightException exception)
        {
            await driver.DisposeAsync().ConfigureAwait(false);
            throw new HarnessException(HarnessCodes.BrowserUnavailable, "Chromium n'a pas démarré : " + exception.Message, exception);
        }
    }

    /// <inheritdoc />
    public async Task StartScenarioAsync(ScenarioDefinition scenario, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        _context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = _sutBase.ToString(), Locale = "fr-FR" }).ConfigureAwait(false);
        _context.SetDefaultTimeout((float)_options.OperationTimeout.TotalMilliseconds);
        await _context.Tracing.StartAsync(new TracingStartOptions { Title = scenario.Id, Screenshots = true, Snapshots = true, Sources = false }).ConfigureAwait(false);
        _page = await _context.NewPageAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<DriverStepResult> PerformAsync(ScenarioStep step, ScenarioData data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(data);
        var operations = _map.For(step.Action!)
            ?? throw new HarnessException(HarnessCodes.UiMapActionMissing, $"La carte d'interface de '{_map.Sut}' ne sait pas réaliser l'action '{step.Action}'.");
        var page = _page ?? throw new InvalidOperationException("StartScenarioAsync was not called.");
        foreach (var operation in operations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await ApplyAsync(page, operation, data).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is PlaywrightException or TimeoutException or KeyNotFoundException)
            {
                var evidence = await SaveFailureArtifactsAsync(page, cancellationToken).ConfigureAwait(false);
                return new DriverStepResult(false, $"Échec de « {operation.Describe()} » ({operation.Source}) : {FirstLine(exception.Message)}", evidence);
            }
        }

        return new DriverStepResult(true, null, await SaveShownTextAsync(page, step.Action!, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> EndScenarioAsync(CancellationToken cancellationToken)
    {
        if (_context is null)
        {
            return [];
        }

        var tracePath = Path.Combine(Path.GetTempPath(), "dui-trace-" + Guid.NewGuid().ToString("N") + ".zip");
        try
        {
            await _context.Tracing.StopAsync(new TracingStopOptions { Path = tracePath }).ConfigureAwait(false);
            var trace = await _evidence.RecordAsync(EvidenceKinds.BrowserTrace, await File.ReadAllBytesAsync(tracePath, cancellationToken).ConfigureAwait(false), "application/zip", cancellationToken: cancellationToken).ConfigureAwait(false);
            return [trace.Id];
        }
        finally
        {
            await _context.CloseAsync().ConfigureAwait(false);
            _context = null;
            _page = null;
            File.Delete(tracePath);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.CloseAsync().ConfigureAwait(false);
        }

        if (_browser is not null)
        {
            await _browser.CloseAsync().ConfigureAwait(false);
        }

        _playwright?.Dispose();
    }

    private async Task ApplyAsync(IPage page, UiOperation operation, ScenarioData data)
    {
        switch (operation.Kind)
        {
            case UiOperationKind.Goto:
                await page.GotoAsync(new Uri(_sutBase, data.Interpolate(operation.Target)).ToString()).ConfigureAwait(false);
                break;
            case UiOperationKind.Fill:
                await page.GetByLabel(operation.Target, new() { Exact = true }).FillAsync(data.Interpolate(operation.Value!)).ConfigureAwait(false);
                break;
            case UiOperationKind.Select:
                await page.GetByLabel(operation.Target, new() { Exact = true }).SelectOptionAsync(data.Interpolate(operation.Value!)).ConfigureAwait(false);
                break;
            case UiOperationKind.Check:
                await page.GetByLabel(operation.Target, new() { Exact = true }).CheckAsync().ConfigureAwait(false);
                break;
            case UiOperationKind.Click:
                var role = Enum.Parse<AriaRole>(operation.Target, ignoreCase: true);
                await page.GetByRole(role, new() { Name = data.Interpolate(operation.Name!), Exact = true }).ClickAsync().ConfigureAwait(false);
                break;
            case UiOperationKind.ExpectText:
                await page.GetByText(data.Interpolate(operation.Target)).First.WaitForAsync(new() { State = WaitForSelectorState.Visible }).ConfigureAwait(false);
                break;
            case UiOperationKind.ExpectStatus:
                await page.GetByRole(AriaRole.Status).Filter(new() { HasText = data.Interpolate(operation.Target) }).First
                    .WaitForAsync(new() { State = WaitForSelectorState.Visible }).ConfigureAwait(false);
                break;
            case UiOperationKind.Read:
                var text = await page.GetByTestId(operation.Target).First.TextContentAsync().ConfigureAwait(false);
                data.Capture(operation.Value!, (text ?? string.Empty).Trim());
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(operation), operation.Kind, $"Enum values have been added to {nameof(UiOperationKind)}.");
        }
    }

    private async Task<IReadOnlyList<string>> SaveFailureArtifactsAsync(IPage page, CancellationToken cancellationToken)
    {
        var saved = new List<string>();
        try
        {
            var screenshot = await page.ScreenshotAsync(new() { FullPage = true }).ConfigureAwait(false);
            saved.Add((await _evidence.RecordAsync(EvidenceKinds.BrowserScreenshot, screenshot, "image/png", cancellationToken: cancellationToken).ConfigureAwait(false)).Id);
            var aria = await page.Locator("body").AriaSnapshotAsync().ConfigureAwait(false);
            saved.Add((await _evidence.RecordAsync(EvidenceKinds.BrowserAriaSnapshot, Encoding.UTF8.GetBytes(aria), "text/yaml", cancellationToken: cancellationToken).ConfigureAwait(false)).Id);
            var html = await page.ContentAsync().ConfigureAwait(false);
            saved.Add((await _evidence.RecordAsync(EvidenceKinds.BrowserHtml, Encoding.UTF8.GetBytes(html), "text/html", cancellationToken: cancellationToken).ConfigureAwait(false)).Id);
        }
        catch (PlaywrightException)
        {
            // Note: the page may be gone (navigation crash); what was saved so far is kept, the step result says why it failed.
        }

        return saved;
    }

    /// <summary>
    /// Records what the page shows at the end of an action (its visible text, at most <see cref="MaxShownText"/>
    /// characters) as <see cref="EvidenceKinds.UiText"/>, so checks can judge what the user saw (dmp.error-surfaced).
    /// </summary>
    private async Task<IReadOnlyList<string>> SaveShownTextAsync(IPage page, string action, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await page.Locator("body").InnerTextAsync(new() { Timeout = 5000 }).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is PlaywrightException or TimeoutException)
        {
            // Note: a page without body (a download, a crash) shows nothing to judge; the action itself succeeded.
            return [];
        }

        var shown = text.Length > MaxShownText ? text[..MaxShownText] : text;
        var item = await _evidence.RecordAsync(EvidenceKinds.UiText, Encoding.UTF8.GetBytes(shown), "text/plain",
            new Dictionary<string, string>(StringComparer.Ordinal) { ["action"] = action, ["driver"] = Name }, cancellationToken).ConfigureAwait(false);
        return [item.Id];
    }

    /// <summary>The longest page text kept per action (characters).</summary>
    private const int MaxShownText = 65_536;

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
