namespace DuiConformance.Core.Organisations;

/// <summary>
/// A project filed for ESMS numérique funding: the group of ESSMS it gathers and what was asked for (the
/// <c>--organisation</c> file, read by <see cref="OrganisationFile"/>).
/// </summary>
/// <param name="Source">The file it was read from.</param>
/// <param name="Name">The project or project owner's name.</param>
/// <param name="FiledOn">When the application was (or will be) filed, if given: decides the call window and the SONS lock.</param>
/// <param name="AmoaRequestedEur">Project-owner assistance (AMOA) asked for, if any.</param>
/// <param name="Essms">The ESSMS of the group, in file order (the order that decides which ones count from the 50th on).</param>
public sealed record Organisation(string Source, string Name, DateOnly? FiledOn, decimal? AmoaRequestedEur, IReadOnlyList<Essms> Essms)
{
    /// <summary>The sectors an ESSMS may belong to: personnes âgées, handicap, AHI, PJM, or another social field.</summary>
    public static IReadOnlyList<string> Sectors { get; } = ["pa", "ph", "ahi", "pjm", "autre"];

    /// <summary>The DUI choices: acquisition of a new DUI, or upgrade of the existing one.</summary>
    public static IReadOnlyList<string> DuiChoices { get; } = ["acquisition", "upgrade"];

    /// <summary>How many distinct regions the group spans (case-insensitive).</summary>
    public int RegionCount => Essms.Select(essms => essms.Region.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count();

    /// <summary>True when every ESSMS is in Corsica or overseas, where the smaller minimum group size applies.</summary>
    public bool IsCorsicaOrOverseas => Essms.Count > 0 && Essms.All(essms => essms.Finess.IsCorsicaOrOverseas);
}
