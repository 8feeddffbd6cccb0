using System.Text.Json;

namespace DuiConformance.Cli.Tests;

public sealed class CommandLineTests
{
    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApplication.RunAsync(args, output, error).WaitAsync(TimeSpan.FromSeconds(30));
        return (code, output.ToString(), error.ToString());
    }

    [Test]
    public async Task Catalogue_defects_json_lists_each_defect_with_the_requirements_it_must_fail()
    {
        var (code, output, _) = await RunAsync("catalogue", "defects", "--json");

        code.ShouldBe(ExitCodes.Passed);
        using var json = JsonDocument.Parse(output);
        var defects = json.RootElement.EnumerateArray().ToDictionary(
            defect => defect.GetProperty("name").GetString()!,
            defect => defect.GetProperty("requirements").EnumerateArray().Select(requirement => requirement.GetString()!).ToList());
        defects.ShouldSatisfyAllConditions(
            () => defects["xdm-missing-metadata"].ShouldBe(["DUI-MSS-04", "DUI-MSS-05"]),
            () => defects["cda-missing-realm"].ShouldBe(["DUI-CDA-01"]),
            () => defects["dmp-hash-mismatch"].ShouldBe(["DUI-DMP-03"]));
    }

    [Test]
    public async Task An_unknown_option_is_a_usage_error_with_exit_code_2()
    {
        var (code, _, error) = await RunAsync("run", "--no-such-option");

        code.ShouldBe(ExitCodes.Usage);
        error.ShouldContain("--no-such-option");
    }

    [Test]
    public async Task An_unknown_defect_is_a_usage_error_naming_the_known_ones()
    {
        var (code, _, error) = await RunAsync("run", "--sut-defect", "no-such-defect");

        code.ShouldBe(ExitCodes.Usage);
        error.ShouldContain("xdm-missing-metadata");
    }

    [Test]
    public async Task An_unknown_scenario_is_a_usage_error()
    {
        var (code, _, error) = await RunAsync("run", "--scenario", "no-such-scenario");

        code.ShouldBe(ExitCodes.Usage);
        error.ShouldContain("dlu-share");
    }

    [Test]
    public async Task An_unknown_campaign_is_a_usage_error()
    {
        var (code, _, _) = await RunAsync("run", "--campaign", "1999");

        code.ShouldBe(ExitCodes.Usage);
    }

    [Test]
    public async Task The_catalogue_lists_requirements_and_checks()
    {
        var (code, output, _) = await RunAsync("catalogue");

        code.ShouldBe(ExitCodes.Passed);
        output.ShouldContain("DUI-CDA-01");
        output.ShouldContain("mss.xdm.layout");
        output.ShouldContain("2025-SONS-LOCK");
        output.ShouldContain("2021-amorcage-T2-ACQUISITION");
    }
}
