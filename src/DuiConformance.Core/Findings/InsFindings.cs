using static DuiConformance.Core.Findings.InsRequirementIds;

namespace DuiConformance.Core.Findings;

/// <summary>
/// Finding codes of the INS / INSi checks (band INS-7xxx, domain.md §2, §8.1). Codes are permanent.
/// </summary>
public static class InsFindings
{
    /// <summary>An emitted INS matricule is malformed or its key is wrong (INS-01).</summary>
    public static readonly FindingDefinition MatriculeInvalid = new("INS-7001", Severity.Error, "INS matricule malformed or with a wrong key", [Ins01]);

    /// <summary>An emitted INS OID is not one of the INS OIDs (INS-02).</summary>
    public static readonly FindingDefinition OidUnknown = new("INS-7002", Severity.Error, "INS identifier with a non-INS OID", [Ins02]);

    /// <summary>Test/demo and production INS OIDs mixed in one document or message (INS-02).</summary>
    public static readonly FindingDefinition OidMixed = new("INS-7003", Severity.Error, "Test and production INS OIDs mixed", [Ins02]);

    /// <summary>An INS emitted with another OID than the one INSi returned, e.g. the test OID for a production INS (INS-02).</summary>
    public static readonly FindingDefinition OidNotInsi = new("INS-7004", Severity.Error, "INS OID differs from the one INSi returned", [Ins02]);

    /// <summary>An INS conveyed for an identity that is not qualified (INS-03).</summary>
    public static readonly FindingDefinition InsUnqualified = new("INS-7010", Severity.Error, "INS conveyed for a non-qualified identity", [Ins03]);

    /// <summary>A trait emitted with the INS differs from the INSi TIQ (INS-04).</summary>
    public static readonly FindingDefinition TraitMismatch = new("INS-7020", Severity.Error, "Trait emitted with the INS differs from INSi", [Ins04]);

    /// <summary>The given name emitted with the INS is not the first INSi birth given name (INS-05).</summary>
    public static readonly FindingDefinition GivenNameNotFirst = new("INS-7030", Severity.Error, "Given name is not the first INSi birth given name", [Ins05]);

    /// <summary>The full list of birth given names is missing or differs from INSi ListePrenom (INS-05).</summary>
    public static readonly FindingDefinition GivenNameListMismatch = new("INS-7031", Severity.Error, "Birth given names list missing or different from INSi", [Ins05]);

    /// <summary>An INSi request is not a SOAP 1.2 envelope (INS-06).</summary>
    public static readonly FindingDefinition RequestNotSoap12 = new("INS-7040", Severity.Error, "INSi request is not SOAP 1.2", [Ins06]);

    /// <summary>WS-Addressing Action missing or not an INSi action (INS-06).</summary>
    public static readonly FindingDefinition RequestAction = new("INS-7041", Severity.Error, "INSi request Action missing or unknown", [Ins06]);

    /// <summary>WS-Addressing MessageID missing or not <c>uuid:</c>-prefixed (INS-06).</summary>
    public static readonly FindingDefinition RequestMessageId = new("INS-7042", Severity.Error, "INSi request MessageID missing or not uuid:", [Ins06]);

    /// <summary>ContexteLPS missing or incomplete (IDAM, Version, Instance, Nom=urn:lps:…) (INS-06).</summary>
    public static readonly FindingDefinition RequestLpsContext = new("INS-7043", Severity.Error, "INSi ContexteLPS missing or incomplete", [Ins06]);

    /// <summary>INSi called without a client certificate of the organisation (INS-07).</summary>
    public static readonly FindingDefinition NoMutualTls = new("INS-7050", Severity.Error, "INSi called without a trusted client certificate", [Ins07]);

    /// <summary>A RECSANSVITALE trait is missing or malformed (INS-08).</summary>
    public static readonly FindingDefinition TraitMalformed = new("INS-7060", Severity.Error, "INSi request trait missing or malformed", [Ins08]);

    /// <summary>After INSi 01/02, an INS or a RECUP/QUAL status was emitted for that person (INS-09).</summary>
    public static readonly FindingDefinition InsWithoutSingleAnswer = new("INS-7070", Severity.Error, "INS or RECUP/QUAL status after an INSi 01/02 answer", [Ins09]);

    /// <summary>The stored INS was replaced by the one of a mismatching INSi verification (INS-12).</summary>
    public static readonly FindingDefinition StoredInsOverwritten = new("INS-7080", Severity.Error, "Stored INS silently replaced after an INSi verification", [Ins12]);

    /// <summary>A FHIR Patient carrying an INS breaks fr-core-patient-ins (INS-11).</summary>
    public static readonly FindingDefinition PatientInsProfile = new("INS-7090", Severity.Error, "FHIR Patient with INS breaks fr-core-patient-ins", [Ins11]);

    /// <summary>A test or demonstration INS OID (.10/.11) emitted while the run is in production mode (INS-02, domain.md §10).</summary>
    public static readonly FindingDefinition OidTestInProductionMode = new("INS-7100", Severity.Error, "Test INS OID emitted in production mode", [Ins02]);

    /// <summary>A production INS OID (.8/.9) emitted while the run is in test mode, where INSi answers with test OIDs (INS-02, domain.md §10).</summary>
    public static readonly FindingDefinition OidProductionInTestMode = new("INS-7101", Severity.Error, "Production INS OID emitted in test mode", [Ins02]);
}
