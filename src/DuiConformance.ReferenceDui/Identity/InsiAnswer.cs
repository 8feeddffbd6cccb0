namespace DuiConformance.ReferenceDui.Identity;

/// <summary>
/// What the INSi teleservice answered (domain.md §2.2): <see cref="CodeCr"/> 00 with the INS and its traits, 01 (no
/// identity) or 02 (several); or, when the call itself failed, <see cref="Error"/> in French.
/// </summary>
internal sealed record InsiAnswer
{
    /// <summary>00, 01 or 02; empty when the call failed.</summary>
    public string CodeCr { get; init; } = "";

    /// <summary>The 15-character matricule (NumIdentifiant + Cle), on 00.</summary>
    public string? Ins { get; init; }

    /// <summary>The OID of the matricule as INSi returned it, on 00.</summary>
    public string? Oid { get; init; }

    /// <summary>TIQ NomNaissance, on 00.</summary>
    public string? BirthName { get; init; }

    /// <summary>TIQ ListePrenom (all birth given names, space-separated), on 00.</summary>
    public string? GivenNames { get; init; }

    /// <summary>TIQ Sexe, on 00.</summary>
    public string? Sex { get; init; }

    /// <summary>TIQ DateNaissance, on 00.</summary>
    public DateOnly? BirthDate { get; init; }

    /// <summary>TIQ LieuNaissance, on 00.</summary>
    public string? BirthPlace { get; init; }

    /// <summary>Why the call failed (transport, TLS, SOAP fault), or null.</summary>
    public string? Error { get; init; }

    /// <summary>True on a 00 answer carrying a matricule.</summary>
    public bool Found => CodeCr == "00" && Ins is not null;
}
