using static DuiConformance.Core.Findings.RequirementIds;

namespace DuiConformance.Core.Findings;

/// <summary>
/// Finding codes for FHIR requests received by the simulated PDSm / MHD Document Recipient (band FHIR-5xxx,
/// domain.md §3.4 and §8.4). Codes are permanent.
/// </summary>
public static class FhirFindings
{
    /// <summary>The request body is not a readable FHIR JSON resource.</summary>
    public static readonly FindingDefinition Unreadable = new("FHIR-5001", Severity.Error, "Request body is not a readable FHIR resource", [Dmp01, Dmp02, Dmp03]);

    /// <summary>The body was read, but the FHIR parser reported issues (unknown elements, wrong types).</summary>
    public static readonly FindingDefinition ParseIssue = new("FHIR-5002", Severity.Warning, "FHIR parser reported issues", [Dmp01]);

    /// <summary>ITI-65 not sent as POST to the FHIR base.</summary>
    public static readonly FindingDefinition Endpoint = new("FHIR-5003", Severity.Error, "ITI-65 must be POST [base]", [Dmp01]);

    /// <summary>The body is not a Bundle of type transaction.</summary>
    public static readonly FindingDefinition NotTransaction = new("FHIR-5004", Severity.Error, "Body must be a transaction Bundle", [Dmp01]);

    /// <summary>Not exactly one SubmissionSet List.</summary>
    public static readonly FindingDefinition SubmissionSetCount = new("FHIR-5005", Severity.Error, "Exactly one SubmissionSet List required", [Dmp01]);

    /// <summary>No DocumentReference in the bundle.</summary>
    public static readonly FindingDefinition NoDocumentReference = new("FHIR-5006", Severity.Error, "At least one DocumentReference required", [Dmp01]);

    /// <summary>content.attachment.url is not a urn:uuid reference to a Binary entry of the bundle.</summary>
    public static readonly FindingDefinition AttachmentBinary = new("FHIR-5007", Severity.Error, "attachment.url must reference a Binary of the bundle", [Dmp01]);

    /// <summary>An entry has no request, or its method is not POST.</summary>
    public static readonly FindingDefinition EntryMethod = new("FHIR-5008", Severity.Error, "Every entry must be a POST request", [Dmp01]);

    /// <summary>A Binary of the bundle is referenced by no DocumentReference.</summary>
    public static readonly FindingDefinition OrphanBinary = new("FHIR-5009", Severity.Warning, "Binary not referenced by any DocumentReference", [Dmp01]);

    /// <summary>masterIdentifier missing.</summary>
    public static readonly FindingDefinition MasterIdentifierMissing = new("FHIR-5020", Severity.Error, "DocumentReference.masterIdentifier missing", [Dmp02]);

    /// <summary>masterIdentifier system is not urn:ietf:rfc:3986 or value not urn:oid:/urn:uuid:.</summary>
    public static readonly FindingDefinition MasterIdentifierFormat = new("FHIR-5021", Severity.Error, "masterIdentifier system/value malformed", [Dmp02]);

    /// <summary>status is not current.</summary>
    public static readonly FindingDefinition Status = new("FHIR-5022", Severity.Error, "DocumentReference.status must be current", [Dmp02]);

    /// <summary>type missing or without a code.</summary>
    public static readonly FindingDefinition Type = new("FHIR-5023", Severity.Error, "DocumentReference.type missing", [Dmp02]);

    /// <summary>category missing or without a code.</summary>
    public static readonly FindingDefinition Category = new("FHIR-5024", Severity.Error, "DocumentReference.category missing", [Dmp02]);

    /// <summary>custodian missing.</summary>
    public static readonly FindingDefinition Custodian = new("FHIR-5025", Severity.Error, "DocumentReference.custodian missing", [Dmp02]);

    /// <summary>date missing.</summary>
    public static readonly FindingDefinition Date = new("FHIR-5026", Severity.Error, "DocumentReference.date missing", [Dmp02]);

    /// <summary>No author, or an author reference that resolves neither to a contained resource nor to anything.</summary>
    public static readonly FindingDefinition Author = new("FHIR-5027", Severity.Error, "DocumentReference.author missing or unresolved", [Dmp02]);

    /// <summary>subject missing.</summary>
    public static readonly FindingDefinition Subject = new("FHIR-5028", Severity.Error, "DocumentReference.subject missing", [Dmp02]);

    /// <summary>attachment.contentType missing.</summary>
    public static readonly FindingDefinition ContentType = new("FHIR-5030", Severity.Error, "attachment.contentType missing", [Dmp03]);

    /// <summary>attachment.size missing.</summary>
    public static readonly FindingDefinition SizeMissing = new("FHIR-5031", Severity.Error, "attachment.size missing", [Dmp03]);

    /// <summary>attachment.size differs from the Binary length.</summary>
    public static readonly FindingDefinition SizeMismatch = new("FHIR-5032", Severity.Error, "attachment.size differs from the Binary length", [Dmp03]);

    /// <summary>attachment.hash missing.</summary>
    public static readonly FindingDefinition HashMissing = new("FHIR-5033", Severity.Error, "attachment.hash missing", [Dmp03]);

    /// <summary>attachment.hash differs from the base64 SHA-1 of the Binary bytes.</summary>
    public static readonly FindingDefinition HashMismatch = new("FHIR-5034", Severity.Error, "attachment.hash differs from the Binary SHA-1", [Dmp03]);

    /// <summary>attachment.title missing.</summary>
    public static readonly FindingDefinition AttachmentTitle = new("FHIR-5035", Severity.Error, "attachment.title missing", [Dmp03]);

    /// <summary>attachment.language is not fr-FR.</summary>
    public static readonly FindingDefinition Language = new("FHIR-5036", Severity.Error, "attachment.language must be fr-FR", [Dmp03]);

    /// <summary>The attached Binary is not in the bundle, so size and hash cannot be verified.</summary>
    public static readonly FindingDefinition IntegrityUnverifiable = new("FHIR-5037", Severity.Warning, "Attachment bytes not in the bundle: size/hash unverifiable", [Dmp03]);
}
