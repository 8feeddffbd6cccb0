namespace DuiConformance.ReferenceDui.Identity;

/// <summary>The raw values typed in the "Nouvel usager" or "Reprise d'un dossier" form, before validation; kept to redisplay the form on error.</summary>
internal sealed record UsagerInput
{
    public string BirthName { get; init; } = "";
    public string UsedName { get; init; } = "";
    public string BirthGivenNames { get; init; } = "";
    public string Sex { get; init; } = "";
    public string BirthDate { get; init; } = "";
    public string BirthPlace { get; init; } = "";
    public string Ins { get; init; } = "";
    public string IdentityStatus { get; init; } = "";
    public string MedecinTraitant { get; init; } = "";
    public string Traitements { get; init; } = "";
    public string Directives { get; init; } = "";
    public string Allergies { get; init; } = "";
    public string PreferredFacility { get; init; } = "";
    public bool CanCommunicate { get; init; }
    public bool Oriented { get; init; }
    public bool Falls { get; init; }
    public bool BmrCarrier { get; init; }
}
