namespace DuiConformance.Core.Organisations;

/// <summary>
/// A FINESS number (fichier national des établissements sanitaires et sociaux): 9 characters, the département on the
/// first two or three (01–95, 2A/2B for Corsica, 97x/98x overseas), then the serial number, then one check digit. An
/// ESSMS qualifies for ESMS numérique only with its own FINESS géographique (domain.md §7 Grouping, §7b Scope).
/// </summary>
/// <remarks>
/// Note: the check digit is the Luhn digit of the first eight characters (the public FINESS of AP-HP, 750712184,
/// verifies). domain.md does not spell the key out; for Corsica, 2A and 2B count as 20 in the key [I].
/// </remarks>
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
        finess = null;
        var value = (text ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        if (value.Length == 0)
        {
            error = "numéro FINESS absent";
            return false;
        }

        if (value.Length != 9)
        {
            error = $"le numéro FINESS « {value} » doit avoir 9 caractères (il en a {value.Length})";
            return false;
        }

        var corsica = value[..2] is "2A" or "2B";
        if (!corsica && !char.IsAsciiDigit(value[0]) || !corsica && !char.IsAsciiDigit(value[1]) || value[2..].Any(c => !char.IsAsciiDigit(c)))
        {
            error = $"le numéro FINESS « {value} » ne doit contenir que des chiffres (2A ou 2B admis en tête pour la Corse)";
            return false;
        }

        var department = value[..2];
        if (department is "00" or "20" or "96" or "99")
        {
            error = $"le numéro FINESS « {value} » commence par « {department} », qui n'est pas un département";
            return false;
        }

        var expected = LuhnDigit(corsica ? "20" + value[2..8] : value[..8]);
        if (value[8] - '0' != expected)
        {
            error = $"la clé du numéro FINESS « {value} » est fausse (attendu {expected} en dernière position)";
            return false;
        }

        finess = new FinessNumber(value);
        error = null;
        return true;
    }

    /// <summary>The Luhn check digit of a string of digits (the digit that, appended, makes the Luhn sum a multiple of 10).</summary>
    public static int LuhnDigit(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        var sum = 0;
        var doubleIt = true;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var digit = digits[i] - '0';
            if (doubleIt)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
            doubleIt = !doubleIt;
        }

        return (10 - (sum % 10)) % 10;
    }

    /// <inheritdoc/>
    public override string ToString() => Value;
}
