using System.Globalization;
using System.Text.RegularExpressions;

namespace DuiConformance.ReferenceDui.Identity;

/// <summary>
/// Turns form input into a <see cref="Usager"/> or a list of French error messages keyed by form field.
/// Rules: the five INS traits are required and well formed; the INS matricule is required for a RECUP or QUAL
/// identity (it comes from INSi), refused otherwise, and its key must be right.
/// </summary>
internal static partial class UsagerValidator
{
    private const int MaxNameLength = 100;
    private const int MaxTextLength = 4000;

    /// <summary>The outcome of a validation: either a usager (id 0, not yet stored) or errors by field name.</summary>
    public sealed record Result(Usager? Usager, IReadOnlyDictionary<string, string> Errors);

    /// <summary>Validates the form input; <paramref name="now"/> is used to refuse birth dates in the future.</summary>
    public static Result Validate(UsagerInput input, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);

        var birthName = input.BirthName.Trim();
        if (birthName.Length == 0)
        {
            errors["birthName"] = "Le nom de naissance est obligatoire.";
        }
        else if (birthName.Length > MaxNameLength || !NameRegex().IsMatch(birthName))
        {
            errors["birthName"] = "Le nom de naissance ne peut contenir que des lettres, espaces, tirets et apostrophes (100 caractères au plus).";
        }

        var usedName = input.UsedName.Trim();
        if (usedName.Length > 0 && (usedName.Length > MaxNameLength || !NameRegex().IsMatch(usedName)))
        {
            errors["usedName"] = "Le nom d'usage ne peut contenir que des lettres, espaces, tirets et apostrophes (100 caractères au plus).";
        }

        var givenNames = string.Join(' ', input.BirthGivenNames.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (givenNames.Length == 0)
        {
            errors["birthGivenNames"] = "Les prénoms de naissance sont obligatoires.";
        }
        else if (givenNames.Length > MaxNameLength || !NameRegex().IsMatch(givenNames))
        {
            errors["birthGivenNames"] = "Les prénoms ne peuvent contenir que des lettres, espaces, tirets et apostrophes (100 caractères au plus).";
        }

        var sex = input.Sex.Trim();
        if (sex is not ("F" or "M"))
        {
            errors["sex"] = "Le sexe doit être F ou M.";
        }

        DateOnly birthDate = default;
        if (!DateOnly.TryParseExact(input.BirthDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out birthDate))
        {
            errors["birthDate"] = "La date de naissance doit être une date valide au format AAAA-MM-JJ.";
        }
        else if (birthDate > DateOnly.FromDateTime(now.UtcDateTime) || birthDate.Year < 1850)
        {
            errors["birthDate"] = "La date de naissance ne peut pas être dans le futur ni avant 1850.";
        }

        var birthPlace = input.BirthPlace.Trim().ToUpperInvariant();
        if (!InseeRegex().IsMatch(birthPlace))
        {
            errors["birthPlace"] = "Le code INSEE du lieu de naissance compte 5 caractères : 5 chiffres, ou 2A/2B suivis de 3 chiffres.";
        }

        if (!IdentityStatusCodes.TryParse(input.IdentityStatus.Trim(), out var status))
        {
            errors["identityStatus"] = "Le statut de l'identité doit être PROV, RECUP, VALI ou QUAL.";
        }

        var ins = input.Ins.Trim().ToUpperInvariant();
        var insFromInsi = status is IdentityStatus.Recuperee or IdentityStatus.Qualifiee;
        if (!errors.ContainsKey("identityStatus"))
        {
            if (insFromInsi && ins.Length == 0)
            {
                errors["ins"] = "Le matricule INS est obligatoire pour une identité récupérée ou qualifiée.";
            }
            else if (!insFromInsi && ins.Length > 0)
            {
                // Note: RNIV, the INS can only be held once retrieved from INSi (RECUP or QUAL), domain.md §2.1.
                errors["ins"] = "Le matricule INS ne peut être enregistré que pour une identité récupérée ou qualifiée (issue de l'INSi).";
            }
            else if (ins.Length > 0 && InsNumber.Validate(ins) is { } insError)
            {
                errors["ins"] = insError;
            }
        }

        CheckText(errors, "medecinTraitant", input.MedecinTraitant, MaxNameLength, "Le nom du médecin traitant");
        CheckText(errors, "traitements", input.Traitements, MaxTextLength, "Les traitements en cours");
        CheckText(errors, "directives", input.Directives, MaxTextLength, "Les directives anticipées");
        CheckText(errors, "allergies", input.Allergies, MaxTextLength, "Les allergies");
        CheckText(errors, "preferredFacility", input.PreferredFacility, MaxNameLength, "L'établissement de santé de préférence");

        if (errors.Count > 0)
        {
            return new Result(null, errors);
        }

        var usager = new Usager
        {
            Id = 0,
            BirthName = birthName,
            UsedName = NullIfEmpty(usedName),
            BirthGivenNames = givenNames,
            Sex = sex,
            BirthDate = birthDate,
            BirthPlace = birthPlace,
            Ins = NullIfEmpty(ins),
            Status = status,
            MedecinTraitant = NullIfEmpty(input.MedecinTraitant.Trim()),
            Traitements = NullIfEmpty(input.Traitements.Trim()),
            Directives = NullIfEmpty(input.Directives.Trim()),
            Allergies = NullIfEmpty(input.Allergies.Trim()),
            PreferredFacility = NullIfEmpty(input.PreferredFacility.Trim()),
            CanCommunicate = input.CanCommunicate,
            Oriented = input.Oriented,
            Falls = input.Falls,
            BmrCarrier = input.BmrCarrier,
            CreatedAt = now,
        };
        return new Result(usager, errors);
    }

    private static void CheckText(Dictionary<string, string> errors, string field, string value, int max, string what)
    {
        if (value.Length > max)
        {
            errors[field] = $"{what} : {max} caractères au plus ({value.Length} saisis).";
        }
        else if (value.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')))
        {
            errors[field] = $"{what} : caractères de contrôle non autorisés.";
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    [GeneratedRegex(@"^[\p{L}][\p{L}' \-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NameRegex();

    [GeneratedRegex(@"^(\d{5}|2[AB]\d{3})$", RegexOptions.CultureInvariant)]
    private static partial Regex InseeRegex();
}
