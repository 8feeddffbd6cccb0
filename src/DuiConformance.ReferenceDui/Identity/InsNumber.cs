using System.Globalization;

namespace DuiConformance.ReferenceDui.Identity;

/// <summary>
/// The INS matricule (NIR or NIA): 13 characters then a 2-digit control key equal to 97 − (the 13 characters read as
/// a number, mod 97). For a birth in Corsica the department is 2A or 2B, read as 19 and 18 for the key.
/// </summary>
internal static class InsNumber
{
    /// <summary>The length of a matricule with its key.</summary>
    public const int Length = 15;

    /// <summary>
    /// Checks a matricule; returns null when it is valid, otherwise a French message saying what is wrong.
    /// </summary>
    public static string? Validate(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "Le matricule INS est vide.";
        }

        if (value.Length != Length)
        {
            return $"Le matricule INS doit compter {Length} caractères (13 caractères suivis d'une clé de 2 chiffres) ; {value.Length} saisi(s).";
        }

        var body = value[..13];
        var department = body.Substring(5, 2);
        string numeric;
        if (string.Equals(department, "2A", StringComparison.Ordinal))
        {
            // Note: NIR rule for Corsica, the department 2A is read as 19 to compute the key.
            numeric = string.Concat(body.AsSpan(0, 5), "19", body.AsSpan(7));
        }
        else if (string.Equals(department, "2B", StringComparison.Ordinal))
        {
            numeric = string.Concat(body.AsSpan(0, 5), "18", body.AsSpan(7));
        }
        else
        {
            numeric = body;
        }

        if (!numeric.All(char.IsAsciiDigit) || !value[13..].All(char.IsAsciiDigit))
        {
            return "Le matricule INS ne doit contenir que des chiffres (le département peut valoir 2A ou 2B).";
        }

        var expected = ComputeKey(numeric);
        var actual = int.Parse(value[13..], NumberStyles.None, CultureInfo.InvariantCulture);
        return expected == actual
            ? null
            : $"La clé du matricule INS est incorrecte : {actual:00} saisie, {expected:00} attendue pour {body}.";
    }

    /// <summary>True when the matricule is well formed and its key is right.</summary>
    public static bool IsValid(string? value) => Validate(value) is null;

    private static int ComputeKey(string thirteenDigits)
    {
        var number = long.Parse(thirteenDigits, NumberStyles.None, CultureInfo.InvariantCulture);
        return 97 - (int)(number % 97);
    }
}
