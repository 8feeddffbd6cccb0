namespace DuiConformance.Core.Documents;

/// <summary>
/// Safety limits applied while reading a zip from the DUI, so a hostile archive (zip bomb, millions of entries) costs
/// bounded memory and time. Exceeding a limit is an XDM-2003 finding; the entries read so far are kept.
/// </summary>
/// <param name="MaxEntries">Most entries read from one archive.</param>
/// <param name="MaxTotalBytes">Most uncompressed bytes read from one archive, all entries together.</param>
/// <param name="MaxCompressionRatio">Largest declared uncompressed/compressed ratio accepted for an entry above <paramref name="RatioThresholdBytes"/>.</param>
/// <param name="RatioThresholdBytes">Entries smaller than this are not ratio-checked (small text compresses well legitimately).</param>
public sealed record XdmReadLimits(int MaxEntries, long MaxTotalBytes, double MaxCompressionRatio, long RatioThresholdBytes)
{
    /// <summary>1,000 entries, 50 MiB in total, ratio 100 above 1 MiB.</summary>
    public static XdmReadLimits Default { get; } = new(1_000, 50L * 1024 * 1024, 100, 1024 * 1024);
}
