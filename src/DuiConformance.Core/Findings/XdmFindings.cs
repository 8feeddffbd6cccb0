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
}
