using DuiConformance.Cli.Running;

namespace DuiConformance.Cli.Tests;

[Description("Issue 6 §3: run --sut <preset> --driver … --sut-url …, refused early with exit code 2 when the combination cannot work.")]
public sealed class SutPresetCommandLineTests
{
    private static async Task<(int Code, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApplication.RunAsync(args, output, error).WaitAsync(TimeSpan.FromSeconds(30));
        return (code, error.ToString());
    }

    [Test]
    public async Task An_external_preset_without_sut_url_is_a_usage_error()
    {
        var (code, error) = await RunAsync("run", "--sut", "second-sut", "--driver", "http-hooks");

        code.ShouldBe(ExitCodes.Usage);
        error.ShouldContain("--sut-url");
    }

    [Test]
    public async Task The_browser_driver_on_a_preset_without_ui_map_is_a_usage_error()
    {
        var (code, error) = await RunAsync("run", "--sut", "second-sut", "--sut-url", "http://127.0.0.1:9/", "--driver", "playwright");

        code.ShouldBe(ExitCodes.Usage);
        error.ShouldContain("http-hooks");
    }

    [Test]
    public async Task Defects_on_an_external_dui_are_a_usage_error()
    {
        var (code, error) = await RunAsync("run", "--sut", "second-sut", "--sut-url", "http://127.0.0.1:9/", "--driver", "http-hooks", "--sut-defect", "cda-missing-realm");

        code.ShouldBe(ExitCodes.Usage);
        error.ShouldContain("--sut-defect");
    }

    [Test]
    public async Task An_unknown_driver_is_a_usage_error()
    {
        var (code, _) = await RunAsync("run", "--driver", "telepathy");

        code.ShouldBe(ExitCodes.Usage);
    }

    [Test]
    public void The_presets_on_disk_load_with_their_kind()
    {
        var reference = SutPreset.Load("reference-dui");
        var second = SutPreset.Load("second-sut");

        reference.ShouldSatisfyAllConditions(
            () => reference.External.ShouldBeFalse(),
            () => reference.UiMapPath.ShouldNotBeNull().ShouldEndWith("ui-map.yaml"),
            () => second.External.ShouldBeTrue(),
            () => second.UiMapPath.ShouldBeNull(),
            () => second.HooksSecretEnv.ShouldBe("SECOND_SUT_HOOKS_SECRET"),
            () => second.BaseAddress("http://127.0.0.1:5391").ShouldBe(new Uri("http://127.0.0.1:5391/")));
    }

    [Test]
    public void A_sut_url_that_is_not_http_is_refused()
    {
        var second = SutPreset.Load("second-sut");

        Should.Throw<UsageException>(() => second.BaseAddress("ftp://127.0.0.1/")).Message.ShouldContain("--sut-url");
    }
}
