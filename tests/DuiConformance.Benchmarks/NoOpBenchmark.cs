using System.Diagnostics;

namespace DuiConformance.Benchmarks;

/// <summary>
/// Measures the benchmark host itself (a loop of no-op awaits), so every other figure can be read against the ceiling
/// of the machinery around it (DESIGN.md §6: the load client must not measure itself).
/// </summary>
public sealed class NoOpBenchmark : IBenchmark
{
    /// <inheritdoc/>
    public string Name => "noop";

    /// <inheritdoc/>
    public string Description => "plafond de l'hôte de mesure (boucle d'attentes vides)";

    /// <inheritdoc/>
    public async Task<IReadOnlyList<BenchmarkFigure>> RunAsync(TextWriter log, CancellationToken cancellationToken)
    {
        const int iterations = 1_000_000;
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
        }

        stopwatch.Stop();
        return [new BenchmarkFigure("noop-await", iterations / stopwatch.Elapsed.TotalSeconds, "awaits/s")];
    }
}
