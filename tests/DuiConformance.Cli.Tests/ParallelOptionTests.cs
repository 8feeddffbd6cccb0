using DuiConformance.Cli.Running;

namespace DuiConformance.Cli.Tests;

public sealed class ParallelOptionTests
{
    [Test]
    public async Task The_manual_driver_refuses_parallel_lanes_before_anything_starts()
    {
        var error = await Should.ThrowAsync<UsageException>(() => ConformanceRun.RunAsync(new RunOptions { Driver = "manual", Parallel = 2, OutputDirectory = Path.Combine(Path.GetTempPath(), "dui-never-" + Guid.NewGuid().ToString("N")) }, TextWriter.Null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));

        error.Message.ShouldContain("--parallel");
    }

    [TestCase("0")]
    [TestCase("17")]
    public async Task A_lane_count_outside_1_to_16_is_a_usage_error(string lanes)
    {
        var error = new StringWriter();

        var code = await CliApplication.RunAsync(["run", "--parallel", lanes], new StringWriter(), error).WaitAsync(TimeSpan.FromSeconds(30));

        code.ShouldBe(ExitCodes.Usage);
        error.ToString().ShouldContain("--parallel");
    }
}
