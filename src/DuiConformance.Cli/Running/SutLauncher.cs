using System.Security.Cryptography;
using DuiConformance.Core.Evidence;
using DuiConformance.ReferenceDui;
using DuiConformance.Scenarios.Drivers;
using DuiConformance.Scenarios.Drivers.Hooks;
using DuiConformance.Scenarios.Drivers.Playwright;
using DuiConformance.Simulators;

namespace DuiConformance.Cli.Running;

/// <summary>
/// Starts (or reaches) the system under test of a preset and the driver asked for (issue 6 §3): the built-in reference
/// DUI in-process, or an external DUI at its URL; the browser driver with the preset's UI map, the HTTP hooks driver,
/// which tells the DUI where the simulators are (<c>POST configure</c>) before any scenario, or the manual driver, which
/// tells a person.
/// </summary>
public static class SutLauncher
{
    /// <summary>The driver names <c>run --driver</c> accepts here.</summary>
    public static IReadOnlyList<string> Drivers { get; } = ["playwright", "http-hooks", "manual"];

    /// <summary>Starts the SUT and its driver, wired to <paramref name="simulators"/>.</summary>
    /// <exception cref="UsageException">The preset and driver do not fit (no UI map, no URL, defects on an external DUI).</exception>
    /// <exception cref="Core.HarnessException">The browser or the hooks could not be reached.</exception>
    public static async Task<LaunchedSut> StartAsync(RunOptions options, UiMap? uiMap, RunningSimulators simulators, string workDirectory, EvidenceStore evidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(simulators);
        var preset = SutPreset.Load(options.Sut);
        var hooks = options.Driver == "http-hooks";
        if (preset.External)
        {
            var baseAddress = preset.BaseAddress(options.SutUrl);
            IScenarioDriver driver = options.Driver switch
            {
                "http-hooks" => await StartHooksAsync(new Uri(baseAddress, preset.HooksPath), preset.ExternalHooksSecret(), simulators, workDirectory, evidence, cancellationToken).ConfigureAwait(false),
                "manual" => ManualLaneDriver.Create(options, simulators, baseAddress, workDirectory, evidence),
                _ => await PlaywrightDriver.StartAsync(uiMap ?? throw NoUiMap(preset), baseAddress, new BrowserOptions(), evidence).ConfigureAwait(false),
            };
            return Describe(null, driver, preset.Name, "?");
        }

        // Note: a secret drawn for this run only; the in-process DUI gets it in its settings (its test set-up).
        var secret = hooks ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)) : null;
        var dui = await ReferenceDuiLauncher.StartAsync(options, simulators, workDirectory, secret, cancellationToken).ConfigureAwait(false);
        try
        {
            IScenarioDriver driver = options.Driver switch
            {
                "http-hooks" => await StartHooksAsync(new Uri(dui.BaseAddress, preset.HooksPath), secret!, simulators, workDirectory, evidence, cancellationToken).ConfigureAwait(false),
                "manual" => ManualLaneDriver.Create(options, simulators, dui.BaseAddress, workDirectory, evidence),
                _ => await PlaywrightDriver.StartAsync(uiMap ?? throw NoUiMap(preset), dui.BaseAddress, new BrowserOptions(), evidence).ConfigureAwait(false),
            };
            return Describe(dui, driver, dui.Settings.ProductName, dui.Settings.ProductVersion);
        }
        catch
        {
            await dui.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<HttpHooksDriver> StartHooksAsync(Uri hooksUrl, string secret, RunningSimulators simulators, string workDirectory, EvidenceStore evidence, CancellationToken cancellationToken)
    {
        var configuration = HooksConfigurationBuilder.Build(simulators, evidence.Tags.RunId, workDirectory);
        return await HttpHooksDriver.StartAsync(new HttpHooksOptions(hooksUrl, secret, configuration, HttpHooksOptions.DefaultCallTimeout), evidence, cancellationToken).ConfigureAwait(false);
    }

    private static LaunchedSut Describe(IAsyncDisposable? process, IScenarioDriver driver, string name, string version) =>
        driver is HttpHooksDriver hooks ? new LaunchedSut(process, driver, hooks.Product.Name, hooks.Product.Version) : new LaunchedSut(process, driver, name, version);

    private static UsageException NoUiMap(SutPreset preset) =>
        new($"le préréglage '{preset.Id}' n'a pas de carte d'interface (uiMap) pour le pilote playwright ; utilisez --driver http-hooks.");
}
