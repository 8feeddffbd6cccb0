using DuiConformance.Cli.Running;
using DuiConformance.Scenarios.Drivers.Playwright;
using Microsoft.Playwright;

namespace DuiConformance.Cli.Tests;

[Category("EndToEnd")]
[Category("Browser")]
[Description("Issue 2 §8: report.html, opened in Chromium as a reader would, shows the requirement table and the funding rules' status.")]
public sealed class ReportInBrowserTests
{
    private string _root = null!;
    private RunResult _run = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    [OneTimeSetUp]
    public async Task Run_with_a_defect_and_start_chromium()
    {
        _root = Path.Combine(Path.GetTempPath(), "dui-report-" + Guid.NewGuid().ToString("N"));
        _run = await ConformanceRun.RunAsync(new RunOptions { OutputDirectory = _root, Defects = ["dmp-hash-mismatch"] }, TextWriter.Null, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(3));
        var options = new BrowserOptions();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = options.ExecutablePath, Headless = true, Args = options.Arguments });
    }

    [OneTimeTearDown]
    public async Task Close()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private async Task<IPage> OpenReportAsync()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(new Uri(Path.Combine(_run.OutputDirectory, "report.html")).AbsoluteUri);
        return page;
    }

    [Test]
    public async Task The_requirement_table_shows_every_requirement_with_its_outcome()
    {
        var page = await OpenReportAsync();

        var table = page.Locator("table#requirements");
        await Assertions.Expect(table).ToBeVisibleAsync();
        foreach (var requirement in _run.Report.Requirements)
        {
            await Assertions.Expect(table.Locator("tr", new() { HasText = requirement.Id })).ToBeVisibleAsync();
        }

        await Assertions.Expect(table.Locator("tr", new() { HasText = "DUI-DMP-03" })).ToContainTextAsync("Échec");
        var screenshot = Path.Combine(TestContext.CurrentContext.WorkDirectory, "report-first-screen.png");
        await page.ScreenshotAsync(new() { Path = screenshot });
        TestContext.AddTestAttachment(screenshot);
    }

    [Test]
    public async Task An_eligibility_rule_that_needs_the_failed_requirement_is_shown_as_blocked()
    {
        var page = await OpenReportAsync();

        var rule = page.Locator("[data-rule-id=\"2025-DMP-USAGE-TARGET\"]");
        await Assertions.Expect(rule).ToBeVisibleAsync();
        (await rule.Locator("[data-status]").First.GetAttributeAsync("data-status")).ShouldBe("blocked");
        await Assertions.Expect(rule).ToContainTextAsync("DUI-DMP-03");
    }
}
