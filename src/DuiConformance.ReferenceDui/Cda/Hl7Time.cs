using System.Globalization;

namespace DuiConformance.ReferenceDui.Cda;

/// <summary>
/// HL7 v3 / XDS timestamp formats. CDA times carry the French local offset (e.g. <c>20240315103000+0100</c>);
/// XDS metadata times are UTC without offset (ITI TF-3 §4.2.3.1.7).
/// </summary>
internal static class Hl7Time
{
    private static readonly TimeZoneInfo France = FindFranceTimeZone();

    /// <summary>The instant without its sub-second part: every time the DUI records or sends is to the second.</summary>
    public static DateTimeOffset ToSeconds(DateTimeOffset instant) =>
        new(instant.Ticks - (instant.Ticks % TimeSpan.TicksPerSecond), instant.Offset);

    /// <summary>A CDA TS with seconds and the offset of metropolitan France at that instant.</summary>
    public static string Cda(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, France);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return local.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)
            + sign + abs.Hours.ToString("00", CultureInfo.InvariantCulture) + abs.Minutes.ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>A date-only TS (<c>yyyyMMdd</c>), e.g. a birth time.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>An XDS DTM in UTC, to the second (<c>yyyyMMddHHmmss</c>).</summary>
    public static string XdsUtc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    private static TimeZoneInfo FindFranceTimeZone()
    {
        // Note: without tzdata (minimal containers) fall back to UTC; the offset written stays truthful (+0000).
        return TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Paris", out var zone) ? zone : TimeZoneInfo.Utc;
    }
}
