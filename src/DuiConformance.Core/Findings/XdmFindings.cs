using static DuiConformance.Core.Findings.RequirementIds;

namespace DuiConformance.Core.Findings;

/// <summary>
/// Finding codes for IHE XDM packages attached to MSSanté messages (band XDM-2xxx, requirement DUI-MSS-04,
/// domain.md §4.3 and §8.5 MSS-09). Codes are permanent.
/// </summary>
public static class XdmFindings
{
    /// <summary>A zip attachment is not named IHE_XDM.ZIP.</summary>
    public static readonly FindingDefinition AttachmentName = new("XDM-2001", Severity.Error, "Zip attachment not named IHE_XDM.ZIP", [Mss04]);

    /// <summary>The attachment is not a readable zip archive.</summary>
    public static readonly FindingDefinition NotAZip = new("XDM-2002", Severity.Error, "IHE_XDM.ZIP is not a readable zip archive", [Mss04]);

    /// <summary>The archive exceeds a safety limit (entry count, total size, compression ratio, size lie): a possible zip bomb.</summary>
    public static readonly FindingDefinition Limits = new("XDM-2003", Severity.Error, "Zip archive exceeds safety limits", [Mss04]);

    /// <summary>An entry path is absolute, climbs with "..", or uses backslashes or control characters.</summary>
    public static readonly FindingDefinition UnsafePath = new("XDM-2004", Severity.Error, "Unsafe zip entry path", [Mss04]);

    /// <summary>INDEX.HTM missing at the root.</summary>
    public static readonly FindingDefinition IndexMissing = new("XDM-2005", Severity.Error, "INDEX.HTM missing at the root", [Mss04]);

    /// <summary>README.TXT missing at the root.</summary>
    public static readonly FindingDefinition ReadmeMissing = new("XDM-2006", Severity.Error, "README.TXT missing at the root", [Mss04]);

    /// <summary>No IHE_XDM/&lt;subset&gt;/METADATA.XML.</summary>
    public static readonly FindingDefinition MetadataMissing = new("XDM-2007", Severity.Error, "No IHE_XDM/<subset>/METADATA.XML", [Mss04]);

    /// <summary>METADATA.XML is unreadable or not an ebRIM SubmitObjectsRequest.</summary>
    public static readonly FindingDefinition MetadataInvalid = new("XDM-2008", Severity.Error, "METADATA.XML is not an ebRIM SubmitObjectsRequest", [Mss04]);

    /// <summary>An ExtrinsicObject has no URI slot, or its URI does not resolve to a file of the archive.</summary>
    public static readonly FindingDefinition UriUnresolved = new("XDM-2009", Severity.Error, "ExtrinsicObject URI does not resolve", [Mss04]);

    /// <summary>The hash slot differs from the SHA-1 of the file.</summary>
    public static readonly FindingDefinition HashMismatch = new("XDM-2010", Severity.Error, "hash slot differs from the file's SHA-1", [Mss04]);

    /// <summary>The size slot differs from the file length.</summary>
    public static readonly FindingDefinition SizeMismatch = new("XDM-2011", Severity.Error, "size slot differs from the file length", [Mss04]);

    /// <summary>The hash or size slot is missing on an ExtrinsicObject (both are required in XDM).</summary>
    public static readonly FindingDefinition IntegritySlotMissing = new("XDM-2012", Severity.Error, "hash or size slot missing", [Mss04]);

    /// <summary>Two entries of the archive have the same name (ignoring case).</summary>
    public static readonly FindingDefinition DuplicateEntry = new("XDM-2013", Severity.Error, "Duplicate zip entry", [Mss04]);

    /// <summary>INDEX.HTM is not well-formed (X)HTML: mismatched or unterminated tags (IHE ITI TF-1 §16, XHTML INDEX.HTM).</summary>
    public static readonly FindingDefinition IndexMalformed = new("XDM-2014", Severity.Error, "INDEX.HTM is malformed (X)HTML", [Mss04]);

    /// <summary>XDSDocumentEntry metadata disagrees with the CDA header it describes (uniqueId, patientId, typeCode, languageCode, creationTime; domain.md §3.3, MSS-10).</summary>
    public static readonly FindingDefinition MetadataInconsistent = new("XDM-2015", Severity.Error, "METADATA.XML disagrees with the CDA header", [Mss04]);

    /// <summary>A document marked MASQUE_PS in the XDM metadata was sent to a professional mailbox (domain.md §3.5, MSS-11).</summary>
    public static readonly FindingDefinition MaskedDocumentToProfessional = new("XDM-2201", Severity.Error, "MASQUE_PS document sent to a professional mailbox", [MssRequirementIds.Mss06]);

    /// <summary>A document marked INVISIBLE_PATIENT was sent to a Mon espace santé mailbox (domain.md §3.5, MSS-11).</summary>
    public static readonly FindingDefinition InvisibleDocumentToPatient = new("XDM-2202", Severity.Error, "INVISIBLE_PATIENT document sent to a patient mailbox", [MssRequirementIds.Mes02]);

    /// <summary>No METADATA.XML can be judged: IHE_XDM.ZIP is unreadable or has no IHE_XDM/&lt;subset&gt;/METADATA.XML (domain.md §8.5 MSS-10).</summary>
    public static readonly FindingDefinition MetadataNotAvailable = new("XDM-2301", Severity.Error, "No METADATA.XML to judge", [MssRequirementIds.Mss05]);

    /// <summary>METADATA.XML is not well-formed XML or its root is not lcm:SubmitObjectsRequest with rim:RegistryObjectList (ebRIM 3.0).</summary>
    public static readonly FindingDefinition NotSubmitObjectsRequest = new("XDM-2302", Severity.Error, "METADATA.XML is not an ebRIM lcm:SubmitObjectsRequest", [MssRequirementIds.Mss05]);

    /// <summary>Not exactly one RegistryPackage classified as SubmissionSet (urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd).</summary>
    public static readonly FindingDefinition SubmissionSetCount = new("XDM-2303", Severity.Error, "Not exactly one SubmissionSet RegistryPackage", [MssRequirementIds.Mss05]);

    /// <summary>No stable DocumentEntry (ExtrinsicObject objectType urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1), or an ExtrinsicObject of another type.</summary>
    public static readonly FindingDefinition DocumentEntryType = new("XDM-2304", Severity.Error, "No DocumentEntry, or ExtrinsicObject of an unexpected objectType", [MssRequirementIds.Mss05]);

    /// <summary>A DocumentEntry is not the target of a HasMember association from the SubmissionSet.</summary>
    public static readonly FindingDefinition NotMember = new("XDM-2305", Severity.Error, "DocumentEntry without HasMember association from the SubmissionSet", [MssRequirementIds.Mss05]);

    /// <summary>A required XDSSubmissionSet attribute is missing (submissionTime, uniqueId, sourceId, patientId, contentTypeCode; domain.md §3.3).</summary>
    public static readonly FindingDefinition SubmissionSetAttributeMissing = new("XDM-2306", Severity.Error, "Required SubmissionSet metadata missing", [MssRequirementIds.Mss05]);

    /// <summary>A required XDSDocumentEntry attribute is missing or empty (domain.md §8.3 DMP-04).</summary>
    public static readonly FindingDefinition DocumentEntryAttributeMissing = new("XDM-2307", Severity.Error, "Required DocumentEntry metadata missing", [MssRequirementIds.Mss05]);

    /// <summary>The mimeType of a CDA DocumentEntry is not text/xml (domain.md §3.3).</summary>
    public static readonly FindingDefinition MimeType = new("XDM-2308", Severity.Error, "CDA DocumentEntry mimeType is not text/xml", [MssRequirementIds.Mss05]);

    /// <summary>patientId is not the CDA patient (INS with its OID, type NH; DMP-03, DMP-05), or differs between SubmissionSet and DocumentEntry.</summary>
    public static readonly FindingDefinition PatientId = new("XDM-2309", Severity.Error, "patientId is not the CDA patient in the expected format", [MssRequirementIds.Mss05]);

    /// <summary>authorPerson (XCN, IDNPS) or authorInstitution (XON, IDNST) does not follow the French XDS format (DMP-06).</summary>
    public static readonly FindingDefinition AuthorFormat = new("XDM-2310", Severity.Error, "authorPerson/authorInstitution not in the French XCN/XON format", [MssRequirementIds.Mss05]);

    /// <summary>The hash or size of a DocumentEntry is not the SHA-1 or length of the document bytes (DMP-07).</summary>
    public static readonly FindingDefinition HashOrSize = new("XDM-2311", Severity.Error, "DocumentEntry hash/size differ from the document bytes", [MssRequirementIds.Mss05]);

    /// <summary>The URI of a DocumentEntry designates no file of the subset folder.</summary>
    public static readonly FindingDefinition DocumentNotFound = new("XDM-2312", Severity.Error, "DocumentEntry URI designates no file", [MssRequirementIds.Mss05]);

    /// <summary>confidentialityCode lacks N (2.16.840.1.113883.5.25), has another code outside TRE_A07, or misses the CDA's own code (DMP-08).</summary>
    public static readonly FindingDefinition Confidentiality = new("XDM-2313", Severity.Error, "confidentialityCode not N plus TRE_A07 codes", [MssRequirementIds.Mss05]);

    /// <summary>DocumentEntry uniqueId differs from the CDA id (DMP-04).</summary>
    public static readonly FindingDefinition UniqueIdMismatch = new("XDM-2314", Severity.Error, "DocumentEntry uniqueId differs from the CDA id", [MssRequirementIds.Mss05]);

    /// <summary>typeCode differs from the CDA code (DMP-04).</summary>
    public static readonly FindingDefinition TypeCodeMismatch = new("XDM-2315", Severity.Error, "typeCode differs from the CDA code", [MssRequirementIds.Mss05]);

    /// <summary>creationTime/serviceStartTime/submissionTime is not an XDS DTM, or disagrees with the CDA effectiveTime/serviceEvent (DMP-04).</summary>
    public static readonly FindingDefinition TimeMismatch = new("XDM-2316", Severity.Error, "XDS time malformed or inconsistent with the CDA", [MssRequirementIds.Mss05]);

    /// <summary>languageCode differs from the CDA languageCode (DMP-04).</summary>
    public static readonly FindingDefinition LanguageMismatch = new("XDM-2317", Severity.Error, "languageCode differs from the CDA", [MssRequirementIds.Mss05]);

    /// <summary>healthcareFacilityTypeCode or practiceSettingCode differs from the CDA healthCareFacility/code or standardIndustryClassCode (domain.md §3.3).</summary>
    public static readonly FindingDefinition ContextCodeMismatch = new("XDM-2318", Severity.Error, "healthcareFacilityTypeCode/practiceSettingCode differ from the CDA", [MssRequirementIds.Mss05]);

    /// <summary>A DocumentEntry declared text/xml designates a file that is not a readable CDA: its metadata cannot be compared.</summary>
    public static readonly FindingDefinition NotACda = new("XDM-2319", Severity.Error, "text/xml DocumentEntry is not a readable CDA", [MssRequirementIds.Mss05]);

    /// <summary>A uniqueId or sourceId is not an OID (DocumentEntry uniqueId may be OID^extension; ITI TF-3 §4.2.3.2.26, §4.2.3.3.12).</summary>
    public static readonly FindingDefinition IdentifierFormat = new("XDM-2320", Severity.Error, "uniqueId/sourceId is not an OID", [MssRequirementIds.Mss05]);
}
