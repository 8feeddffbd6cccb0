using System.Globalization;

namespace DuiConformance.Benchmarks;

/// <summary>
/// One measured figure, with the reference peer's figure for the same work when there is one. Printed as the line
/// DESIGN.md §6 fixes: <c>&lt;name&gt;: &lt;value&gt; &lt;unit&gt; (reference &lt;peer&gt;: &lt;value&gt; &lt;unit&gt;, ratio &lt;x&gt;)</c>.
/// </summary>
/// <param name="Name">What was measured, e.g. <c>verify-throughput</c>.</param>
/// <param name="Value">The harness's figure.</param>
/// <param name="Unit">Its unit, e.g. <c>bundles/s</c>.</param>
/// <param name="ReferencePeer">The peer measured in the same run, or null for a figure with no peer (a memory peak).</param>
/// <param name="ReferenceValue">The peer's figure in the same unit.</param>
public sealed record BenchmarkFigure(string Name, double Value, string Unit, string? ReferencePeer = null, double? ReferenceValue = null)
{
    /// <summary>Harness figure over the reference's figure; null without a reference.</summary>
    public double? Ratio => ReferenceValue is { } reference && reference != 0 ? Value / reference : null;

    /// <inheritdoc/>
    public override string ToString()
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"{Name}: {Value:0.###} {Unit}");
        return ReferencePeer is null || ReferenceValue is null
            ? line
            : string.Create(CultureInfo.InvariantCulture, $"{line} (reference {ReferencePeer}: {ReferenceValue:0.###} {Unit}, ratio {Ratio:0.###})");
    }
}
