namespace DuiConformance.Core.Organisations;

/// <summary>
/// A FINESS number (fichier national des établissements sanitaires et sociaux): 9 characters, the département on the
/// first two or three (01–95, 2A/2B for Corsica, 97x/98x overseas), then the serial number, then one check digit. An
/// ESSMS qualifies for ESMS numérique only with its own FINESS géographique (domain.md §7 Grouping, §7b Scope).
/// </summary>
/// <remarks>The rule itself (length, characters, département, Luhn key) is <see cref="FinessValidator"/>'s.</remarks>
public sealed record FinessNumber
{
    private FinessNumber(string value) => Value = value;

    /// <summary>The 9 characters, upper case.</summary>
    public string Value { get; }

    /// <summary>The département part: <c>2A</c>, <c>2B</c>, <c>971</c>…<c>989</c>, or two digits.</summary>
    public string Department => Value[..2] is "97" or "98" ? Value[..3] : Value[..2];

    /// <summary>True for Corsica (2A, 2B) and the overseas départements and territories (97x, 98x), where a group needs fewer ESSMS (domain.md §7b).</summary>
    public bool IsCorsicaOrOverseas => Value[..2] is "2A" or "2B" or "97" or "98";

    /// <summary>Reads a FINESS number; spaces are ignored and letters are upper-cased.</summary>
    /// <param name="text">The number as written.</param>
    /// <param name="finess">The number, when valid.</param>
    /// <param name="error">Why it is not valid (French, for the user), when it is not.</param>
    public static bool TryParse(string? text, out FinessNumber? finess, out string? error)
    {
        var value = (text ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        error = FinessValidator.Validate(value);
        finess = error is null ? new FinessNumber(value) : null;
        return error is null;
    }
}
