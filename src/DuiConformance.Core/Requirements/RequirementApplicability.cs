namespace DuiConformance.Core.Requirements;

/// <summary>
/// The words of the <c>applies_to</c> column of the requirement catalogue: which DUIs a requirement concerns, by
/// sector, setting or capability (issue 5; domain.md §1.2 and §7 for the PJM and AHI fields).
/// </summary>
public static class RequirementApplicability
{
    /// <summary>Every DUI of the médico-social corridor.</summary>
    public const string All = "all";

    /// <summary>
    /// Each known word and what it means: sectors (personnes âgées, handicap, AHI, PJM), settings (domicile,
    /// établissement) and capabilities (DMP feeding, MSSanté, patient messaging, INS).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Words { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [All] = "tous les DUI du couloir social et médico-social",
        ["pa"] = "personnes âgées",
        ["ph"] = "personnes en situation de handicap",
        ["ahi"] = "accueil, hébergement, insertion (AHI)",
        ["pjm"] = "protection juridique des majeurs (PJM)",
        ["domicile"] = "accompagnement à domicile",
        ["etablissement"] = "accompagnement en établissement",
        ["dmp"] = "alimentation du DMP / Mon espace santé",
        ["mss"] = "messagerie sécurisée de santé entre professionnels",
        ["mes"] = "messagerie citoyenne (usager, @patient.mssante.fr)",
        ["ins"] = "identité nationale de santé (INSi)",
    };

    /// <summary>True when <paramref name="word"/> is one of <see cref="Words"/> (exact, lower case).</summary>
    public static bool IsKnown(string word) => Words.ContainsKey(word);
}
