using System.Globalization;

namespace DuiConformance.Core.Checks.Ins;

/// <summary>
/// The INS matricule (NIR or NIA): 13 characters, digits except <c>2A</c>/<c>2B</c> in positions 6–7 (Corsica), then a
/// 2-digit key equal to 97 − (the 13 characters read as a number, mod 97), with 2A read as 19 and 2B as 18
/// (domain.md §2.2, §8.1 INS-01).
/// </summary>
public static class InsMatricule
{
    /// <summary>Length of a matricule with its key.</summary>
    public const int Length = 15;

    /// <summary>
    /// Checks a 15-character matricule; <c>null</c> when well formed with the right key, otherwise a French message
    /// saying what is wrong.
    /// </summary>
    public static string? Validate(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "matricule INS vide";
        }

        if (value.Length != Length)
        {
            return string.Create(CultureInfo.InvariantCulture, $"le matricule INS doit compter {Length} caractères (13 + clé de 2 chiffres), il en compte {value.Length}");
        }

        var key = ComputeKey(value[..13]);
        if (key is null || !value[13..].All(char.IsAsciiDigit))
        {
            return "le matricule INS ne contient que des chiffres (2A ou 2B admis en positions 6–7)";
        }

        var actual = int.Parse(value[13..], NumberStyles.None, CultureInfo.InvariantCulture);
        return actual == key
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"clé {actual:00} incorrecte, {key:00} attendue pour {value[..13]}");
    }

    /// <summary>True when <paramref name="value"/> is a well-formed matricule with the right key.</summary>
    public static bool IsValid(string? value) => Validate(value) is null;

    /// <summary>The key of a 13-character number, or <c>null</c> when it is not a matricule body.</summary>
    public static int? ComputeKey(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Length != 13)
        {
            return null;
        }

        var department = body.Substring(5, 2);
        var numeric = department switch
        {
            // Note: NIR rule for Corsica, 2A is read as 19 and 2B as 18 before the modulo (domain.md §2.2).
            "2A" => string.Concat(body.AsSpan(0, 5), "19", body.AsSpan(7)),
            "2B" => string.Concat(body.AsSpan(0, 5), "18", body.AsSpan(7)),
            _ => body,
        };
        if (!numeric.All(char.IsAsciiDigit))
        {
            return null;
        }

        return 97 - (int)(long.Parse(numeric, NumberStyles.None, CultureInfo.InvariantCulture) % 97);
    }
}
