using System.Globalization;

namespace DuiConformance.Core.Eligibility;

/// <summary>
/// One figure of a dated campaign (a group size, an amount, a share, a deadline, a switch), with its source: figures
/// are data of the rule set, never constants in code (domain.md §7b).
/// </summary>
/// <param name="Id">Kebab-case name, e.g. <c>group-min-essms</c>.</param>
/// <param name="Value">The value as written: a number (invariant culture), an ISO date <c>yyyy-MM-dd</c>, or <c>true</c>/<c>false</c>.</param>
/// <param name="Unit">One of <see cref="Units"/>; says how to read <see cref="Value"/>.</param>
/// <param name="DescriptionFr">What the figure means, in French.</param>
/// <param name="DescriptionEn">The same in English, when written.</param>
/// <param name="Source">The document and section the figure comes from.</param>
public sealed record EligibilityParameter(
    string Id,
    string Value,
    string Unit,
    string DescriptionFr,
    string? DescriptionEn,
    string Source)
{
    /// <summary>The units a parameter may have: amounts (<c>EUR</c>), counts (<c>ESSMS</c>), shares (<c>percent</c>), dates, switches.</summary>
    public static IReadOnlyList<string> Units { get; } = ["EUR", "ESSMS", "percent", "date", "boolean"];

    /// <summary>True for the units whose value is a number.</summary>
    public bool IsNumber => Unit is "EUR" or "ESSMS" or "percent";

    /// <summary>The value as a number.</summary>
    /// <exception cref="InvalidOperationException">The parameter is not a number (see <see cref="Unit"/>).</exception>
    public decimal AsDecimal() => IsNumber && decimal.TryParse(Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
        ? number
        : throw new InvalidOperationException($"Parameter '{Id}' ({Unit}) is not a number: '{Value}'.");

    /// <summary>The value as a date.</summary>
    /// <exception cref="InvalidOperationException">The parameter is not a date.</exception>
    public DateOnly AsDate() => Unit == "date" && DateOnly.TryParseExact(Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
        ? date
        : throw new InvalidOperationException($"Parameter '{Id}' ({Unit}) is not a date: '{Value}'.");

    /// <summary>The value as a switch.</summary>
    /// <exception cref="InvalidOperationException">The parameter is not a boolean.</exception>
    public bool AsBoolean() => Unit == "boolean" && Value is "true" or "false"
        ? Value == "true"
        : throw new InvalidOperationException($"Parameter '{Id}' ({Unit}) is not a boolean: '{Value}'.");

    /// <summary>The description in the report language; French when no English text was written.</summary>
    public string Description(string language) => language == "en" && DescriptionEn is not null ? DescriptionEn : DescriptionFr;

    /// <summary>True when <see cref="Value"/> reads correctly for <see cref="Unit"/>.</summary>
    internal bool IsWellFormed() => Unit switch
    {
        "EUR" or "ESSMS" or "percent" => decimal.TryParse(Value, NumberStyles.Number, CultureInfo.InvariantCulture, out _),
        "date" => DateOnly.TryParseExact(Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "boolean" => Value is "true" or "false",
        _ => false,
    };
}
