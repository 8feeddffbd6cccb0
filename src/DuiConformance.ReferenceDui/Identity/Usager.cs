namespace DuiConformance.ReferenceDui.Identity;

/// <summary>
/// A person cared for by the establishment, as the DUI records them: the five INS reference traits, the identity
/// status, the INS matricule when retrieved from INSi, and the few record fields the DLU is built from.
/// </summary>
internal sealed record Usager
{
    /// <summary>The local identifier, also used as the IPP (identifiant permanent du patient) in exchanges.</summary>
    public required long Id { get; init; }

    /// <summary>Birth name (nom de naissance), an INS trait.</summary>
    public required string BirthName { get; init; }

    /// <summary>Used name (nom d'usage), when different from the birth name.</summary>
    public string? UsedName { get; init; }

    /// <summary>All birth given names, space-separated, in civil-status order (an INS trait).</summary>
    public required string BirthGivenNames { get; init; }

    /// <summary>Administrative sex, <c>F</c> or <c>M</c> (an INS trait).</summary>
    public required string Sex { get; init; }

    /// <summary>Birth date (an INS trait).</summary>
    public required DateOnly BirthDate { get; init; }

    /// <summary>INSEE code of the birth place (an INS trait), e.g. 69123, 2A004, or 99xxx abroad.</summary>
    public required string BirthPlace { get; init; }

    /// <summary>The 15-character INS matricule, present only when retrieved from INSi (RECUP or QUAL).</summary>
    public string? Ins { get; init; }

    /// <summary>The OID of <see cref="Ins"/> as INSi returned it; null when the INS was typed (the organisation's mode OID is used).</summary>
    public string? InsOid { get; init; }

    /// <summary>True once the identity was checked against a high-trust identity document (RNIV, domain.md §2.1).</summary>
    public bool DocumentChecked { get; init; }

    /// <summary>
    /// An identity-vigilance alert in French (an INSi verification that did not confirm the stored INS); while set, the
    /// INS is not conveyed (domain.md §8.1 INS-12).
    /// </summary>
    public string? IdentityAlert { get; init; }

    /// <summary>Set only by the <c>ins-sent-unqualified</c> defect: the INS is conveyed whatever the status.</summary>
    public bool DefectSendsInsWhateverTheStatus { get; init; }

    /// <summary>How far the identity can be trusted.</summary>
    public required IdentityStatus Status { get; init; }

    /// <summary>Name of the usager's médecin traitant, as typed.</summary>
    public string? MedecinTraitant { get; init; }

    /// <summary>Current treatments, free text, one per line.</summary>
    public string? Traitements { get; init; }

    /// <summary>Advance directives, free text; empty means none recorded.</summary>
    public string? Directives { get; init; }

    /// <summary>Known allergies, free text.</summary>
    public string? Allergies { get; init; }

    /// <summary>The hospital the usager prefers to be taken to, free text.</summary>
    public string? PreferredFacility { get; init; }

    /// <summary>DLU observation: able to communicate.</summary>
    public bool CanCommunicate { get; init; }

    /// <summary>DLU observation: oriented in time and space.</summary>
    public bool Oriented { get; init; }

    /// <summary>DLU observation: history of falls.</summary>
    public bool Falls { get; init; }

    /// <summary>Carrier of a multi-resistant bacterium (BMR).</summary>
    public bool BmrCarrier { get; init; }

    /// <summary>When the usager was recorded (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The first birth given name: the only one an INS-bearing exchange may carry as given name (domain.md §2.4).</summary>
    public string FirstGivenName => BirthGivenNames.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];

    /// <summary>True when the INS may be conveyed: the identity is qualified and a matricule is held.</summary>
    public bool HasQualifiedIns =>
        (DefectSendsInsWhateverTheStatus || (Status == IdentityStatus.Qualifiee && IdentityAlert is null)) && !string.IsNullOrEmpty(Ins);

    /// <summary>The IPP as sent in exchanges (the local id, zero-padded).</summary>
    public string Ipp => Id.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
}
