using System.Globalization;

namespace DuiConformance.Simulators.Fhir;

/// <summary>
/// A date search value with its prefix. The value's precision makes it a range [start, end) (FHIR R4 search
/// §3.1.1.4.2): <c>2026-03</c> is all of March 2026. Targets are ranges too: an instant is [d, d], a Period
/// [start, end] with a missing bound open.
/// </summary>
internal sealed record SearchDate(string Prefix, DateTimeOffset Start, DateTimeOffset End)
{
    private static readonly string[] Prefixes = ["eq", "ne", "gt", "lt", "ge", "le"];

    public static bool TryParse(string value, out SearchDate criterion)
    {
        criterion = null!;
        var prefixed = value.Length > 2 && Array.IndexOf(Prefixes, value[..2]) >= 0;
        if (!TryParseRange(prefixed ? value[2..] : value, out var start, out var end))
        {
            return false;
        }

        criterion = new SearchDate(prefixed ? value[..2] : "eq", start, end);
        return true;
    }

    /// <summary>
    /// The range [start, end) a FHIR date or dateTime covers at its precision (<c>yyyy</c>, <c>yyyy-MM</c>,
    /// <c>yyyy-MM-dd</c>, or a dateTime with a zone, to the second).
    /// </summary>
    public static bool TryParseRange(string? text, out DateTimeOffset start, out DateTimeOffset end)
    {
        const DateTimeStyles utc = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;
        end = default;
        switch (text?.Length ?? 0)
        {
            case 4 when DateTimeOffset.TryParseExact(text, "yyyy", CultureInfo.InvariantCulture, utc, out start):
                end = start.AddYears(1);
                return true;
            case 7 when DateTimeOffset.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, utc, out start):
                end = start.AddMonths(1);
                return true;
            case 10 when DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, utc, out start):
                end = start.AddDays(1);
                return true;
            case > 10 when text![10] == 'T' && HasZone(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out start):
                end = start.AddSeconds(1);
                return true;
            default:
                start = default;
                return false;
        }
    }

    /// <summary>Matches an instant.</summary>
    public bool Matches(DateTimeOffset date) => Matches(date, date);

    /// <summary>
    /// Matches a target range [<paramref name="from"/>, <paramref name="to"/>], a <c>null</c> bound being open
    /// (FHIR R4 search §3.1.1.4.2: eq = the search range contains the target; gt/ge/lt/le = the range above or below
    /// the value intersects the target).
    /// </summary>
    public bool Matches(DateTimeOffset? from, DateTimeOffset? to) => Prefix switch
    {
        "eq" => Contains(from, to),
        "ne" => !Contains(from, to),
        "gt" => to is null || to >= End,
        "lt" => from is null || from < Start,
        "ge" => to is null || to >= Start,
        "le" => from is null || from < End,
        _ => throw new InvalidOperationException($"Unknown date prefix {Prefix}."),
    };

    private bool Contains(DateTimeOffset? from, DateTimeOffset? to) => from >= Start && to < End;

    // Note: FHIR R4 §2.24.0.1 dateTime — a time must carry a zone (Z or ±hh:mm).
    private static bool HasZone(string text) => text.EndsWith('Z') || (text.Length > 19 && text[^6] is '+' or '-');
}
