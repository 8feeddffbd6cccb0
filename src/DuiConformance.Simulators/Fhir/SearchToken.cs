using Hl7.Fhir.Model;

namespace DuiConformance.Simulators.Fhir;

/// <summary>A token search value (FHIR R4 search §3.1.1.4.9): <c>code</c>, <c>system|code</c>, <c>|code</c> (no system) or <c>system|</c> (any code).</summary>
internal sealed record SearchToken(string? System, string? Code)
{
    /// <summary>The token, or <c>null</c> when the value is empty or a bare <c>|</c>.</summary>
    public static SearchToken? Parse(string value)
    {
        var bar = value.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0)
        {
            return value.Length == 0 ? null : new SearchToken(null, value);
        }

        var system = value[..bar];
        var code = value[(bar + 1)..];
        return system.Length == 0 && code.Length == 0 ? null : new SearchToken(system, code.Length == 0 ? null : code);
    }

    /// <summary>Every comma-separated token of <paramref name="value"/> (an OR), or <c>null</c> when one cannot be read.</summary>
    public static IReadOnlyList<SearchToken>? ParseList(string value)
    {
        var tokens = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Parse).ToList();
        return tokens.Count == 0 || tokens.Exists(token => token is null) ? null : [.. tokens.OfType<SearchToken>()];
    }

    // Note: FHIR R4 search §3.1.1.4.9 — "|code" matches codes without a system; "system|" any code of the system.
    public bool Matches(string? system, string? code)
    {
        var systemMatches = System switch
        {
            null => true,
            "" => string.IsNullOrEmpty(system),
            _ => string.Equals(System, system, StringComparison.Ordinal),
        };
        return systemMatches && (Code is null || string.Equals(Code, code, StringComparison.Ordinal));
    }

    /// <summary>True when one of <paramref name="tokens"/> matches one of the codings.</summary>
    public static bool AnyMatches(IReadOnlyList<SearchToken> tokens, IEnumerable<Coding?> codings) =>
        codings.Any(coding => coding is not null && tokens.Any(token => token.Matches(coding.System, coding.Code)));

    /// <summary>True when one of <paramref name="tokens"/> matches one of the identifiers (system|value).</summary>
    public static bool AnyMatches(IReadOnlyList<SearchToken> tokens, IEnumerable<Identifier?> identifiers) =>
        identifiers.Any(identifier => identifier is not null && tokens.Any(token => token.Matches(identifier.System, identifier.Value)));
}
