using System.Globalization;
using DuiConformance.Cli.Running;
using DuiConformance.Scenarios.Drivers.Playwright;

namespace DuiConformance.Conformance;

/// <summary>
/// What <c>dotnet test --settings runsettings/editor.runsettings</c> asks of the conformance run: the
/// <c>TestRunParameters</c> of the runsettings file (or <c>-- TestRunParameters.Parameter(name=…,value=…)</c> on the
/// command line). An absent or empty parameter keeps the default: the reference DUI started in process, driven by
/// Playwright with its own UI map and Debian's Chromium.
/// </summary>
public sealed record ConformanceSettings
{
    /// <summary>SUT preset (<c>profiles/suts/&lt;preset&gt;/</c>), parameter <c>sut</c>.</summary>
    public string Sut { get; init; } = "reference-dui";

    /// <summary>Address of an external DUI (a preset with <c>external: true</c>), parameter <c>sutUrl</c>; <c>null</c> for the preset's.</summary>
    public string? SutUrl { get; init; }

    /// <summary>Driver, parameter <c>driver</c>.</summary>
    public string Driver { get; init; } = "playwright";

    /// <summary>UI map file, parameter <c>uiMap</c>; <c>null</c> for the preset's.</summary>
    public string? UiMap { get; init; }

    /// <summary>Chromium executable, parameter <c>browserPath</c>; <c>null</c> for DUI_BROWSER_PATH or /usr/bin/chromium.</summary>
    public string? BrowserPath { get; init; }

    /// <summary>Lanes, parameter <c>parallel</c>.</summary>
    public int Parallel { get; init; } = 1;

    /// <summary>Shard <c>k/n</c>, parameter <c>shard</c>; <c>null</c> for the whole suite.</summary>
    public string? Shard { get; init; }

    /// <summary>Report language, parameter <c>lang</c>.</summary>
    public string Language { get; init; } = "fr";

    /// <summary>Where the report goes, parameter <c>out</c>; default <c>conformance-report/</c> in the test results folder.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Reads the settings from the current test run's parameters.</summary>
    public static ConformanceSettings FromTestParameters()
    {
        var parameters = TestContext.Parameters;
        string? Get(string name) => parameters.Get(name) is { Length: > 0 } value ? value : null;
        var settings = new ConformanceSettings
        {
            Sut = Get("sut") ?? "reference-dui",
            SutUrl = Get("sutUrl"),
            Driver = Get("driver") ?? "playwright",
            UiMap = Get("uiMap"),
            BrowserPath = Get("browserPath"),
            Parallel = Get("parallel") is { } parallel ? int.Parse(parallel, NumberStyles.None, CultureInfo.InvariantCulture) : 1,
            Shard = Get("shard"),
            Language = Get("lang") ?? "fr",
            OutputDirectory = Get("out"),
        };
        return settings;
    }

    /// <summary>The <c>run</c> options these settings stand for.</summary>
    public RunOptions ToRunOptions(string outputDirectory) => new()
    {
        OutputDirectory = outputDirectory,
        UpdateLatest = false,
        Sut = Sut,
        SutUrl = SutUrl,
        Driver = Driver,
        UiMapPath = UiMap is null ? null : Path.GetFullPath(UiMap),
        Parallel = Parallel,
        Shard = Shard is null ? null : ShardSpec.Parse(Shard),
        Language = Language,
        Quiet = true,
    };

    /// <summary>Makes the browser path the one Playwright lanes start (BrowserOptions reads it from the environment).</summary>
    public void ApplyBrowserPath()
    {
        if (BrowserPath is not null)
        {
            Environment.SetEnvironmentVariable(BrowserOptions.PathVariable, BrowserPath);
        }
    }
}
