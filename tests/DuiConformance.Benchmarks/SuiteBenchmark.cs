using System.Globalization;
using DuiConformance.Cli.Running;

namespace DuiConformance.Benchmarks;

/// <summary>
/// Issue 6 §7: wall time of the full suite against the built-in reference DUI (simulators, reference DUI, Chromium, all
/// real), with <c>--parallel 2</c> and, as the reference peer in the same run, <c>--parallel 1</c>; the ratio of the two
/// is the figure. One warm-up run is not counted (JIT, Chromium's disk cache); then the two settings alternate
/// (<c>BENCH_SUITE_ROUNDS</c> rounds, default 2) and the best time of each is kept. Prints where the time goes: lane
/// start-up (until the first lane is ready), each scenario (with its lane), and the total.
/// </summary>
public sealed class SuiteBenchmark : IBenchmark
{
    /// <inheritdoc/>
    public string Name => "suite";

    /// <inheritdoc/>
    public string Description => "suite complète contre le DUI de référence : --parallel 2 contre --parallel 1 (temps réel, détail par scénario)";

    /// <inheritdoc/>
    public async Task<IReadOnlyList<BenchmarkFigure>> RunAsync(TextWriter log, CancellationToken cancellationToken)
    {
        var rounds = int.TryParse(Environment.GetEnvironmentVariable("BENCH_SUITE_ROUNDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var asked) && asked > 0 ? asked : 2;
        var root = Path.Combine(Path.GetTempPath(), "dui-bench-suite-" + Guid.NewGuid().ToString("N"));
        try
        {
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"suite : {Environment.ProcessorCount} cœur(s) ; une exécution de chauffe, puis {rounds} tour(s) de --parallel 1 et --parallel 2")).ConfigureAwait(false);
            await RunOnceAsync(root, "warm-up", 1, cancellationToken).ConfigureAwait(false);
            RunTimings? bestOne = null;
            RunTimings? bestTwo = null;
            for (var round = 1; round <= rounds; round++)
            {
                var one = await RunOnceAsync(root, $"p1-{round}", 1, cancellationToken).ConfigureAwait(false);
                var two = await RunOnceAsync(root, $"p2-{round}", 2, cancellationToken).ConfigureAwait(false);
                await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"suite : tour {round} : --parallel 1 {one.Total.TotalSeconds:0.00} s, --parallel 2 {two.Total.TotalSeconds:0.00} s")).ConfigureAwait(false);
                bestOne = bestOne is null || one.Total < bestOne.Total ? one : bestOne;
                bestTwo = bestTwo is null || two.Total < bestTwo.Total ? two : bestTwo;
            }

            await WriteBreakdownAsync(log, bestOne!, bestTwo!).ConfigureAwait(false);
            return
            [
                new BenchmarkFigure("suite-wall-time-parallel-2", bestTwo!.Total.TotalSeconds, "s", "same suite with --parallel 1", bestOne!.Total.TotalSeconds),
                new BenchmarkFigure("suite-lane-start-parallel-2", bestTwo.LaneStart.TotalSeconds, "s", "lane start with --parallel 1", bestOne.LaneStart.TotalSeconds),
            ];
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static async Task<RunTimings> RunOnceAsync(string root, string name, int parallel, CancellationToken cancellationToken)
    {
        var result = await ConformanceRun.RunAsync(
            new RunOptions { OutputDirectory = Path.Combine(root, name), UpdateLatest = false, Parallel = parallel, Quiet = true },
            TextWriter.Null,
            cancellationToken).ConfigureAwait(false);
        if (result.Report.Outcome != "pass")
        {
            throw new InvalidOperationException($"la suite n'est pas conforme ({result.Report.Outcome}) : le temps mesuré ne serait pas celui d'une suite complète.");
        }

        return result.Timings ?? throw new InvalidOperationException("exécution sans mesure de temps.");
    }

    private static async Task WriteBreakdownAsync(TextWriter log, RunTimings one, RunTimings two)
    {
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{"",-28} {"--parallel 1",14} {"--parallel 2",14}")).ConfigureAwait(false);
        await log.WriteLineAsync(Row("démarrage (1re voie prête)", one.LaneStart, two.LaneStart, null)).ConfigureAwait(false);
        foreach (var (scenario, _, duration) in one.Scenarios)
        {
            var other = two.Scenarios.First(entry => entry.Scenario == scenario);
            await log.WriteLineAsync(Row(scenario, duration, other.Duration, other.Lane)).ConfigureAwait(false);
        }

        var scenariosOne = one.Scenarios.Aggregate(TimeSpan.Zero, (sum, entry) => sum + entry.Duration);
        var scenariosTwo = two.Scenarios.Aggregate(TimeSpan.Zero, (sum, entry) => sum + entry.Duration);
        await log.WriteLineAsync(Row("Σ scénarios (temps de voie)", scenariosOne, scenariosTwo, null)).ConfigureAwait(false);
        await log.WriteLineAsync(Row("total (jusqu'au rapport)", one.Total, two.Total, null)).ConfigureAwait(false);
    }

    private static string Row(string label, TimeSpan one, TimeSpan two, int? lane) =>
        string.Create(CultureInfo.InvariantCulture, $"{label,-28} {one.TotalSeconds,12:0.00} s {two.TotalSeconds,12:0.00} s{(lane is null ? string.Empty : $"  (voie {lane})")}");
}
