namespace DuiConformance.Core.Organisations;

/// <summary>
/// Validates a FINESS number (fichier national des établissements sanitaires et sociaux), the identifier of the ESSMS a
/// SONS installation proof is for: 9 characters, the département first (two digits, <c>2A</c>/<c>2B</c> for Corsica, or
/// <c>97x</c>/<c>98x</c> overseas), then digits, the last one a Luhn check key over the first eight.
/// </summary>
/// <remarks>
/// Note: domain.md §7 (Grouping) and §7b (Scope) require each ESSMS to have its own FINESS géographique but do not
/// spell the key out. The Luhn key is the published FINESS rule (the AP-HP number 750712184 verifies); for Corsica,
/// 2A and 2B count as 20 in the key [I]. The one FINESS rule of the harness: proofs use it as written, organisation files through <see cref="FinessNumber"/>.
/// </remarks>
public static class FinessValidator
{
    /// <summary>The number of characters of a FINESS number.</summary>
    public const int Length = 9;

    /// <summary>True when <paramref name="value"/> is a well-formed FINESS number with a correct key.</summary>
    public static bool IsValid(string? value) => Validate(value) is null;

    /// <summary>
    /// Why <paramref name="value"/> is not a valid FINESS number, in French and naming what is wrong (length, a
    /// character, the département, the key); <c>null</c> when it is valid. The value is taken as written: no spaces,
    /// upper-case letters.
    /// </summary>
    public static string? Validate(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "numéro FINESS absent";
        }

        if (value.Length != Length)
        {
            return $"le numéro FINESS « {value} » doit compter {Length} caractères (il en compte {value.Length})";
        }

        var corsica = value.StartsWith("2A", StringComparison.Ordinal) || value.StartsWith("2B", StringComparison.Ordinal);
        for (var i = corsica ? 2 : 0; i < Length; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return $"le numéro FINESS « {value} » contient « {value[i]} » en position {i + 1} : seuls des chiffres sont admis (2A ou 2B en tête pour la Corse)";
            }
        }

        var department = value[..2];
        if (department is "00" or "20" or "96" or "99")
        {
            return $"le numéro FINESS « {value} » commence par « {department} », qui n'est pas un code de département";
        }

        var expected = LuhnKey(corsica ? "20" + value[2..8] : value[..8]);
        if (value[8] - '0' != expected)
        {
            return $"la clé du numéro FINESS « {value} » est fausse : « {value[8]} » au lieu de « {expected} » (clé de Luhn des 8 premiers caractères)";
        }

        return null;
    }

    /// <summary>The Luhn key of a string of digits: the digit that, appended, makes the Luhn sum a multiple of 10.</summary>
    public static int LuhnKey(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        var sum = 0;
        var doubled = true;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var digit = digits[i] - '0';
            if (doubled)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
            doubled = !doubled;
        }

        return (10 - (sum % 10)) % 10;
    }
}
