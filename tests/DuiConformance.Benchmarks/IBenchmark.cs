namespace DuiConformance.Benchmarks;

/// <summary>
/// One benchmark that <c>./bench.sh &lt;name&gt;</c> runs (DESIGN.md §6): it measures the harness and, in the same run, a
/// reference peer doing the same work, and returns the figures. Implementations are found by reflection, so adding a
/// benchmark is adding one class.
/// </summary>
public interface IBenchmark
{
    /// <summary>The name given to <c>./bench.sh</c>, e.g. <c>verify</c>.</summary>
    string Name { get; }

    /// <summary>One line saying what is measured and against which reference.</summary>
    string Description { get; }

    /// <summary>Runs the benchmark; progress goes to <paramref name="log"/>, figures are returned.</summary>
    Task<IReadOnlyList<BenchmarkFigure>> RunAsync(TextWriter log, CancellationToken cancellationToken);
}
