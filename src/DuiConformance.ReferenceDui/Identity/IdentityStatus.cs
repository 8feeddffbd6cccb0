namespace DuiConformance.ReferenceDui.Identity;

/// <summary>
/// The confidence level of a usager's identity (RNIV EXI SI 07, domain.md §2.1). Only <see cref="Qualifiee"/> allows
/// the INS to be conveyed in exchanges (domain.md §2.4).
/// </summary>
internal enum IdentityStatus
{
    /// <summary>PROV: traits typed locally, neither retrieved from INSi nor checked against an identity document.</summary>
    Provisoire,

    /// <summary>RECUP: traits retrieved from INSi, not checked against an identity document; the INS is stored but not sent.</summary>
    Recuperee,

    /// <summary>VALI: traits checked against an identity document, not retrieved from INSi.</summary>
    Validee,

    /// <summary>QUAL: retrieved from INSi and checked against a document; the INS may be sent with its OID.</summary>
    Qualifiee,
}
