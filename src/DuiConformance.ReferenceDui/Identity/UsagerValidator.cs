using System.Globalization;
using System.Text.RegularExpressions;

namespace DuiConformance.ReferenceDui.Identity;

/// <summary>
/// Turns form input into a <see cref="Usager"/> or a list of French error messages keyed by form field.
/// Rules: the five INS traits are required and well formed; a new identity is PROV or VALI and never carries a typed
/// INS (RNIV, domain.md §2.1: RECUP, QUAL and the INS come only from INSi); a reprise of a record whose INS an earlier
/// software retrieved from INSi is RECUP with a matricule whose key must be right.
/// </summary>
internal static partial class UsagerValidator
{
    private const int MaxNameLength = 100;
    private const int MaxTextLength = 4000;

    /// <summary>The outcome of a validation: either a usager (id 0, not yet stored) or errors by field name.</summary>
    public sealed record Result(Usager? Usager, IReadOnlyDictionary<string, string> Errors);

    /// <summary>
    /// Validates the form input; <paramref name="now"/> is used to refuse birth dates in the future. The "Nouvel usager"
    /// form (<paramref name="reprise"/> false) accepts only PROV or VALI and no INS; a reprise of an existing record
    /// accepts only RECUP with its INS.
    /// </summary>
    public static Result Validate(UsagerInput input, DateTimeOffset now, bool reprise = false)
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

        var ins = input.Ins.Trim().ToUpperInvariant();
        var parsed = IdentityStatusCodes.TryParse(input.IdentityStatus.Trim(), out var status);
        if (reprise)
        {
            // Note: a reprise brings an identity whose INS an earlier software already retrieved from INSi, without
            // a document check: it can only be RECUP, with its matricule (domain.md §2.1).
            if (!parsed || status != IdentityStatus.Recuperee)
            {
                errors["identityStatus"] = "Une reprise de dossier ne peut porter qu'une identité récupérée (RECUP) avec son matricule INS.";
            }
            else if (ins.Length == 0)
            {
                errors["ins"] = "Le matricule INS est obligatoire pour reprendre une identité récupérée.";
            }
            else if (InsNumber.Validate(ins) is { } insError)
            {
                errors["ins"] = insError;
            }
        }
        else
        {
            if (!parsed)
            {
                errors["identityStatus"] = "Le statut de l'identité doit être PROV ou VALI.";
            }
            else if (status is IdentityStatus.Recuperee or IdentityStatus.Qualifiee)
            {
                // Note: RNIV, an identity is created PROV or VALI; RECUP and QUAL only follow an INSi answer 00
                // (PROV→RECUP, VALI→QUAL) or a document check of a RECUP identity (domain.md §2.1).
                errors["identityStatus"] = "Une identité ne peut pas être créée récupérée (RECUP) ni qualifiée (QUAL) : ces statuts ne "
                    + "s'obtiennent qu'après une réponse 00 du téléservice INSi. Choisissez provisoire (PROV) ou validée (VALI, après "
                    + "contrôle d'une pièce d'identité à haut niveau de confiance).";
            }

            if (ins.Length > 0)
            {
                // Note: the INS matricule and its OID only ever come from INSi (domain.md §2.1, §2.2).
                errors["ins"] = "Le matricule INS ne se saisit pas : il n'est enregistré qu'à partir d'une réponse du téléservice INSi "
                    + "(bouton « Rechercher l'INS (INSi) » de la fiche de l'usager).";
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
