namespace DuiConformance.Core.Findings;

/// <summary>
/// The INS requirement ids (profiles/requirements/catalogue-ins.csv), one per item of domain.md §8.1 (INS-nn is DUI-INS-nn). Permanent,
/// like <see cref="RequirementIds"/>.
/// </summary>
public static class InsRequirementIds
{
    /// <summary>Every INS matricule emitted is well formed with a valid key (INS-01).</summary>
    public const string Ins01 = "DUI-INS-01";

    /// <summary>The INS OID is an INS OID, the one INSi returned, never test and production mixed in one document (INS-02).</summary>
    public const string Ins02 = "DUI-INS-02";

    /// <summary>No INS is conveyed unless the identity is qualified (INS-03, INS/va1.53).</summary>
    public const string Ins03 = "DUI-INS-03";

    /// <summary>The traits emitted with the INS equal the INSi TIQ traits (INS-04).</summary>
    public const string Ins04 = "DUI-INS-04";

    /// <summary>The given name emitted is the first INSi birth given name, and the full list is kept (INS-05).</summary>
    public const string Ins05 = "DUI-INS-05";

    /// <summary>INSi requests are SOAP 1.2 with WS-Addressing Action, a uuid: MessageID and a complete ContexteLPS (INS-06).</summary>
    public const string Ins06 = "DUI-INS-06";

    /// <summary>INSi is called over mutual TLS with the organisation certificate (INS-07).</summary>
    public const string Ins07 = "DUI-INS-07";

    /// <summary>RECSANSVITALE traits are well formed (INS-08).</summary>
    public const string Ins08 = "DUI-INS-08";

    /// <summary>After an INSi answer 01 or 02 the identity is neither récupérée nor qualifiée and carries no INS (INS-09, INS-10).</summary>
    public const string Ins09 = "DUI-INS-09";

    /// <summary>
    /// RNIV status transitions (INS-10). Not judged from evidence: the identity-document check happens inside the DUI,
    /// so the catalogue marks it a manual attestation.
    /// </summary>
    public const string Ins10 = "DUI-INS-10";

    /// <summary>A FHIR Patient carrying an INS follows fr-core-patient-ins (INS-11).</summary>
    public const string Ins11 = "DUI-INS-11";

    /// <summary>A verification that returns another INS is flagged, never silently overwrites the stored INS (INS-12).</summary>
    public const string Ins12 = "DUI-INS-12";

    /// <summary>Every id above, in catalogue order.</summary>
    public static IReadOnlyList<string> All { get; } = [Ins01, Ins02, Ins03, Ins04, Ins05, Ins06, Ins07, Ins08, Ins09, Ins10, Ins11, Ins12];
}
