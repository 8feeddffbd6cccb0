using DuiConformance.Cli.Running;
using DuiConformance.Core;
using DuiConformance.Scenarios.Drivers.Playwright;
using Microsoft.Playwright;

namespace DuiConformance.Cli.Tests;

[Category("EndToEnd")]
[Category("Browser")]
[Description("Issue 5: report.html of a run with --organisation, opened in Chromium: the first screen answers both questions, the matrix shows what each funding needs, the language switch works.")]
public sealed class ReportActionsInBrowserTests
{
    private string _root = null!;
    private RunResult _run = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    [OneTimeSetUp]
    public async Task Run_with_a_defect_and_an_organisation_and_start_chromium()
    {
        _root = Path.Combine(Path.GetTempPath(), "dui-report-actions-" + Guid.NewGuid().ToString("N"));
        var options = new RunOptions
        {
            OutputDirectory = _root,
            Defects = ["dmp-hash-mismatch"],
            Organisation = RepositoryLayout.Fixture("organisations", "pdl-regional-2025.yaml"),
        };
        _run = await ConformanceRun.RunAsync(options, TextWriter.Null, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(3));
        var browser = new BrowserOptions();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = browser.ExecutablePath, Headless = true, Args = browser.Arguments });
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
        var page = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 } });
        await page.GotoAsync(new Uri(Path.Combine(_run.OutputDirectory, "report.html")).AbsoluteUri).WaitAsync(TimeSpan.FromSeconds(30));
        return page;
    }

    [Test]
    public async Task The_first_screen_answers_ready_and_which_fundings_are_at_risk_with_the_amount()
    {
        var page = await OpenReportAsync();

        var verdict = page.Locator("section#verdict");
        await Assertions.Expect(verdict).ToHaveAttributeAsync("data-readiness", "no");
        await Assertions.Expect(verdict.Locator("p.answer")).ToHaveTextAsync("Non");
        var headline = page.Locator("section#eligibility p.headline");
        await Assertions.Expect(headline).ToContainTextAsync("346\u202F000 € à risque sur 542\u202F000 €");
        (await headline.BoundingBoxAsync())!.Y.ShouldBeLessThan(1000f, "the at-risk amount is on the first screen");
        await Assertions.Expect(page.Locator("[data-rule-id=\"2025-ACQUISITION\"] [data-status]").First).ToHaveAttributeAsync("data-status", "blocked");
        await Assertions.Expect(page.Locator("section#fix-first li").First).ToHaveAttributeAsync("data-fix-requirement", "DUI-DMP-03");
        await Assertions.Expect(page.Locator("section#funding [data-total=\"at-risk\"]")).ToContainTextAsync("346\u202F000 €");
        await Assertions.Expect(page.Locator("section#funding tr[data-finess=\"440010122\"]")).ToContainTextAsync("IME 12");
    }

    [Test]
    public async Task The_matrix_shows_which_funding_needs_which_requirement_and_its_outcome()
    {
        var page = await OpenReportAsync();

        var matrix = page.Locator("table#matrix");
        await matrix.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(matrix.Locator("th[data-matrix-rule]")).ToHaveCountAsync(_run.Report.Eligibility.Count(rule => rule.Requires.Count > 0));
        var failed = matrix.Locator("td[data-matrix-requirement=\"DUI-DMP-03\"][data-matrix-rule=\"2025-DMP-USAGE-TARGET\"]");
        await Assertions.Expect(failed).ToHaveAttributeAsync("data-required", "true");
        await Assertions.Expect(failed).ToHaveClassAsync("cell fail");
        var notNeeded = matrix.Locator("td[data-matrix-requirement=\"DUI-CDA-04\"][data-matrix-rule=\"2025-SONS-INSTALLATION-PROOF\"]");
        await Assertions.Expect(notNeeded).ToHaveAttributeAsync("data-required", "false");
        await Assertions.Expect(notNeeded).ToHaveTextAsync("·");
    }

    [Test]
    public async Task The_language_switch_shows_the_report_in_english_and_back()
    {
        var page = await OpenReportAsync();
        var button = page.Locator("#lang-switch");
        await Assertions.Expect(button).ToHaveTextAsync("English");

        await button.ClickAsync();

        await Assertions.Expect(page.Locator("#alt-verdict-question")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#alt-verdict-question")).ToHaveTextAsync("Ready for referencing?");
        await Assertions.Expect(page.Locator("#alt-verdict p.answer")).ToHaveTextAsync("No");
        await Assertions.Expect(page.Locator("#verdict-question")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#alt-requirements tr#alt-req-DUI-SEC-01")).ToContainTextAsync("SMTP submission upgraded with STARTTLS");
        (await page.EvaluateAsync<string>("document.documentElement.lang")).ShouldBe("en");
        await Assertions.Expect(button).ToHaveTextAsync("Français");
        var screenshot = Path.Combine(TestContext.CurrentContext.WorkDirectory, "report-english.png");
        await page.ScreenshotAsync(new() { Path = screenshot });
        TestContext.AddTestAttachment(screenshot);

        await button.ClickAsync();

        await Assertions.Expect(page.Locator("#verdict-question")).ToHaveTextAsync("Prêt pour le référencement ?");
        (await page.EvaluateAsync<string>("document.documentElement.lang")).ShouldBe("fr");
    }

    [Test]
    public async Task The_print_view_hides_the_controls_and_the_other_language()
    {
        var page = await OpenReportAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        await Assertions.Expect(page.Locator("#lang-switch")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("nav.contents").First).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#alt-verdict")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("section#verdict")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table#matrix")).ToBeVisibleAsync();
    }
}
