using static DuiConformance.Core.Findings.RequirementIds;

namespace DuiConformance.Core.Findings;

/// <summary>
/// Finding codes for CDA R2 documents (band CDA-1xxx). Codes are permanent: a retired code is marked
/// <see cref="ObsoleteAttribute"/> and never reused (STYLE.md rule 11).
/// </summary>
public static class CdaFindings
{
    /// <summary>A document meant as a CDA could not be read (malformed XML, DTD, too large or too deep).</summary>
    public static readonly FindingDefinition Unreadable = new("CDA-1001", Severity.Error, "CDA document is not readable XML", [Cda01, Cda02, Cda03]);

    /// <summary>realmCode is missing, repeated or not FR (domain.md §3.1).</summary>
    public static readonly FindingDefinition RealmCode = new("CDA-1002", Severity.Error, "realmCode must be FR exactly once", [Cda01]);

    /// <summary>typeId is missing or not 2.16.840.1.113883.1.3 / POCD_HD000040.</summary>
    public static readonly FindingDefinition TypeId = new("CDA-1003", Severity.Error, "typeId must be 2.16.840.1.113883.1.3 / POCD_HD000040", [Cda01]);

    /// <summary>A required header templateId (HL7 France or CI-SIS) is missing.</summary>
    public static readonly FindingDefinition TemplateIdMissing = new("CDA-1004", Severity.Error, "Required header templateId missing", [Cda02]);

    /// <summary>Fewer than three header templateIds.</summary>
    public static readonly FindingDefinition TemplateIdCount = new("CDA-1005", Severity.Error, "Fewer than three header templateIds", [Cda02]);

    /// <summary>id/@root missing or not an OID.</summary>
    public static readonly FindingDefinition DocumentId = new("CDA-1006", Severity.Error, "Document id/@root missing or not an OID", [Cda02]);

    /// <summary>code lacks @code, @codeSystem or @displayName.</summary>
    public static readonly FindingDefinition DocumentCode = new("CDA-1007", Severity.Error, "Document code incomplete", [Cda02]);

    /// <summary>title missing or empty.</summary>
    public static readonly FindingDefinition Title = new("CDA-1008", Severity.Error, "Document title missing", [Cda02]);

    /// <summary>effectiveTime/@value missing.</summary>
    public static readonly FindingDefinition EffectiveTime = new("CDA-1009", Severity.Error, "Document effectiveTime/@value missing", [Cda02]);

    /// <summary>languageCode/@code is not fr-FR.</summary>
    public static readonly FindingDefinition LanguageCode = new("CDA-1010", Severity.Error, "languageCode must be fr-FR", [Cda02]);

    /// <summary>Not exactly one recordTarget.</summary>
    public static readonly FindingDefinition RecordTargetCount = new("CDA-1011", Severity.Error, "Exactly one recordTarget required", [Cda03]);

    /// <summary>Not exactly one legalAuthenticator.</summary>
    public static readonly FindingDefinition LegalAuthenticatorCount = new("CDA-1012", Severity.Error, "Exactly one legalAuthenticator required", [Cda03]);

    /// <summary>legalAuthenticator lacks time, signatureCode S or assignedEntity/assignedPerson.</summary>
    public static readonly FindingDefinition LegalAuthenticatorContent = new("CDA-1013", Severity.Error, "legalAuthenticator incomplete", [Cda03]);

    /// <summary>No documentationOf.</summary>
    public static readonly FindingDefinition DocumentationOf = new("CDA-1014", Severity.Error, "At least one documentationOf required", [Cda03]);

    /// <summary>More than one relatedDocument.</summary>
    public static readonly FindingDefinition RelatedDocument = new("CDA-1015", Severity.Error, "At most one relatedDocument allowed", [Cda03]);

    /// <summary>componentOf missing.</summary>
    public static readonly FindingDefinition ComponentOf = new("CDA-1016", Severity.Error, "componentOf required", [Cda03]);

    /// <summary>A DLU (by code) lacks the DLU templateId 1.2.250.1.213.1.1.1.22.</summary>
    public static readonly FindingDefinition DluTemplateId = new("CDA-1020", Severity.Error, "DLU templateId missing", [Cda04]);

    /// <summary>A DLU (by templateId) does not carry code 74207-2 in LOINC.</summary>
    public static readonly FindingDefinition DluCode = new("CDA-1021", Severity.Error, "DLU code must be 74207-2 (LOINC)", [Cda04]);

    /// <summary>setId or versionNumber missing on a DLU.</summary>
    public static readonly FindingDefinition DluVersioning = new("CDA-1022", Severity.Error, "DLU setId or versionNumber missing", [Cda04]);

    /// <summary>No participant INF with functionCode PCP on a DLU.</summary>
    public static readonly FindingDefinition DluParticipant = new("CDA-1023", Severity.Error, "DLU participant INF/PCP missing", [Cda04]);

    /// <summary>serviceEvent code 34117-2 missing, or its effectiveTime missing or nullFlavor.</summary>
    public static readonly FindingDefinition DluServiceEvent = new("CDA-1024", Severity.Error, "DLU serviceEvent 34117-2 with effectiveTime required", [Cda04]);

    /// <summary>A mandatory DLU section is missing or repeated.</summary>
    public static readonly FindingDefinition DluMandatorySection = new("CDA-1025", Severity.Error, "DLU mandatory section missing or repeated", [Cda04]);

    /// <summary>An optional DLU section appears more than once.</summary>
    public static readonly FindingDefinition DluOptionalSection = new("CDA-1026", Severity.Error, "DLU optional section repeated", [Cda04]);

    /// <summary>A DLU has no structuredBody, so its sections cannot exist.</summary>
    public static readonly FindingDefinition DluBody = new("CDA-1027", Severity.Error, "DLU structuredBody missing", [Cda04]);

    /// <summary>A CI-SIS schematron assert failed (or a report fired) with role error or no role (domain.md §8.2 CDA-10).</summary>
    public static readonly FindingDefinition SchematronError = new("CDA-1100", Severity.Error, "CI-SIS schematron assertion failed", [Cda02]);

    /// <summary>A CI-SIS schematron assert or report with role warning or info.</summary>
    public static readonly FindingDefinition SchematronWarning = new("CDA-1101", Severity.Warning, "CI-SIS schematron warning", [Cda02]);

    /// <summary>A schematron expression could not be evaluated on the document (the assertion is unjudged).</summary>
    public static readonly FindingDefinition SchematronUnevaluated = new("CDA-1102", Severity.Warning, "CI-SIS schematron expression not evaluated", [Cda02]);

    /// <summary>No CI-SIS schematron of the configured folder applies to the document's templateIds.</summary>
    public static readonly FindingDefinition SchematronNotApplicable = new("CDA-1103", Severity.Info, "No CI-SIS schematron applies to the document", [Cda02]);

    /// <summary>The document is not valid against the CDA R2 XML schema (CDA.xsd / CDA_extended.xsd).</summary>
    public static readonly FindingDefinition XsdInvalid = new("CDA-1104", Severity.Error, "Not valid against the CDA R2 schema", [Cda01]);

    /// <summary>Level 1 (nonXMLBody) is not a base64 PDF, or a level 1 document carries a volet templateId (domain.md §3.1, CDA-06).</summary>
    public static readonly FindingDefinition NonXmlBody = new("CDA-1105", Severity.Error, "Level 1 body must be a base64 PDF", [Cda02]);

    /// <summary>The document has neither structuredBody nor nonXMLBody (neither N1 nor N3).</summary>
    public static readonly FindingDefinition BodyMissing = new("CDA-1106", Severity.Error, "Neither structuredBody (N3) nor nonXMLBody (N1)", [Cda02]);

    /// <summary>VSM: templateId 1.2.250.1.213.1.1.1.13 without code SYNTH@TRE_A05 or 60591-5@LOINC (domain.md §3.2, CDA-08).</summary>
    public static readonly FindingDefinition VsmCode = new("CDA-1107", Severity.Error, "VSM code must be SYNTH (TRE_A05) or 60591-5 (LOINC)", [Cda02]);

    /// <summary>recordTarget identity: INS without birth name/given/birthTime/gender, bad qualifiers, race/religion/ethnic codes, nullFlavor id (domain.md §2.4, CDA-05).</summary>
    public static readonly FindingDefinition RecordTargetIdentity = new("CDA-1108", Severity.Error, "recordTarget patient identity incomplete or not allowed", [Cda03]);
}
