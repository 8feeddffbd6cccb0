using DuiConformance.Core.Findings;

namespace DuiConformance.Simulators.Fhir;

/// <summary>
/// The finding codes the FHIR simulator puts in its OperationOutcome refusals (<c>issue.details.coding</c>, system
/// <see cref="System"/>). Band <c>FHIR-59xx</c> is kept for simulator refusals so it never collides with the checks'
/// <c>FHIR-5xxx</c> codes. Permanent; a retired code is marked obsolete and never reused (STYLE.md rule 11).
/// </summary>
public static class FhirSimulatorFindings
{
    /// <summary>The coding system of finding codes in OperationOutcome issues.</summary>
    public const string System = "urn:dui-conformance:finding";

    /// <summary>The request body is not well-formed JSON (or nests deeper than 64 levels).</summary>
    public static readonly FindingDefinition MalformedJson = new("FHIR-5901", Severity.Error, "Request body is not well-formed JSON", ["DUI-DMP-01"]);

    /// <summary>The body is JSON but not a FHIR R4 resource the parser accepts (unknown element, wrong type, no resourceType).</summary>
    public static readonly FindingDefinition InvalidFhirContent = new("FHIR-5902", Severity.Error, "Request body is not a valid FHIR R4 resource", ["DUI-DMP-01"]);

    /// <summary><c>POST [base]</c> (ITI-65) with a resource other than a Bundle.</summary>
    public static readonly FindingDefinition NotABundle = new("FHIR-5903", Severity.Error, "ITI-65 body is not a Bundle", ["DUI-DMP-01"]);

    /// <summary><c>POST [base]</c> with a Bundle whose type is not <c>transaction</c>.</summary>
    public static readonly FindingDefinition NotATransaction = new("FHIR-5904", Severity.Error, "ITI-65 Bundle.type is not transaction", ["DUI-DMP-01"]);

    /// <summary>A transaction entry without <c>request</c>, or a POST entry without <c>resource</c>.</summary>
    public static readonly FindingDefinition IncompleteEntry = new("FHIR-5905", Severity.Error, "Transaction entry without request or resource", ["DUI-DMP-01"]);

    /// <summary>A transaction entry whose method the simulator does not implement yet (only POST is): a harness limit, not a DUI fault.</summary>
    public static readonly FindingDefinition UnsupportedEntryMethod = new("FHIR-5906", Severity.Error, "Transaction entry method not supported by the simulator", []);

    /// <summary>The request body is larger than <see cref="FhirSimulatorOptions.MaxRequestBodySize"/>.</summary>
    public static readonly FindingDefinition BodyTooLarge = new("FHIR-5907", Severity.Error, "Request body over the simulator's size limit", []);

    /// <summary>The Content-Type is not <c>application/fhir+json</c> or <c>application/json</c>.</summary>
    public static readonly FindingDefinition UnsupportedMediaType = new("FHIR-5908", Severity.Error, "Content-Type is not FHIR JSON", ["DUI-DMP-01"]);

    /// <summary>The simulator failed while processing the request: a harness fault (HTTP 500).</summary>
    public static readonly FindingDefinition SimulatorFault = new("FHIR-5909", Severity.Error, "The simulator failed while processing the request", []);

    /// <summary>
    /// The request carries no valid Pro Santé Connect bearer token (absent, expired, badly signed, other issuer or
    /// audience) while the simulator requires one: HTTP 401 (RFC 6750 §3.1).
    /// </summary>
    public static readonly FindingDefinition AccessTokenRequired = new("FHIR-5910", Severity.Error, "Missing or invalid Pro Santé Connect access token", []);

    /// <summary>An ITI-67 search without <c>patient</c> (or <c>patient.identifier</c>) and <c>status</c> (domain.md §3.4, PDSM-09).</summary>
    public static readonly FindingDefinition SearchCriteriaMissing = new("FHIR-5911", Severity.Error, "ITI-67 search without patient and status", []);

    /// <summary>A search parameter whose value cannot be read (a date that is not a FHIR date, an empty token).</summary>
    public static readonly FindingDefinition InvalidSearchParameter = new("FHIR-5912", Severity.Error, "Search parameter value cannot be read", []);

    /// <summary>A search parameter the simulator does not implement yet: a harness limit, refused rather than ignored so results are never silently wider.</summary>
    public static readonly FindingDefinition UnsupportedSearchParameter = new("FHIR-5913", Severity.Error, "Search parameter not supported by the simulator", []);

    /// <summary>A read or ITI-68 retrieve of a resource the simulator does not hold: HTTP 404.</summary>
    public static readonly FindingDefinition ResourceNotFound = new("FHIR-5914", Severity.Error, "No stored resource with that type and id", []);

    /// <summary>ITI-105 (<c>POST [base]/DocumentReference</c>) with a resource other than a DocumentReference.</summary>
    public static readonly FindingDefinition SimplifiedPublishNotADocumentReference = new("FHIR-5920", Severity.Error, "ITI-105 body is not a DocumentReference", []);

    /// <summary>ITI-105 with <c>status</c> other than <c>current</c> (PDSm_SimplifiedPublish fixes it, domain.md §3.4, PDSM-08).</summary>
    public static readonly FindingDefinition SimplifiedPublishStatusNotCurrent = new("FHIR-5921", Severity.Error, "ITI-105 DocumentReference.status is not current", []);

    /// <summary>ITI-105 without exactly one <c>content</c> carrying <c>attachment.data</c> (1..1 in PDSm_SimplifiedPublish).</summary>
    public static readonly FindingDefinition SimplifiedPublishDataMissing = new("FHIR-5922", Severity.Error, "ITI-105 attachment.data missing", []);

    /// <summary>ITI-105 with <c>attachment.url</c> set (0..0 in PDSm_SimplifiedPublish: the server stores the bytes itself).</summary>
    public static readonly FindingDefinition SimplifiedPublishUrlPresent = new("FHIR-5923", Severity.Error, "ITI-105 attachment.url must be absent", []);

    /// <summary>ITI-105 without an element PDSm_SimplifiedPublish requires (contentType, subject, author, date, custodian, title).</summary>
    public static readonly FindingDefinition SimplifiedPublishElementMissing = new("FHIR-5924", Severity.Error, "ITI-105 required element missing", []);

    /// <summary>A declared <c>attachment.size</c> or <c>attachment.hash</c> that does not match the bytes received (PDSM-03).</summary>
    public static readonly FindingDefinition AttachmentIntegrityMismatch = new("FHIR-5925", Severity.Error, "Declared attachment size or hash does not match the data", []);

    /// <summary>A DocumentReference whose <c>masterIdentifier</c> is already stored (or twice in one request): 422, nothing stored.</summary>
    public static readonly FindingDefinition DuplicateMasterIdentifier = new("FHIR-5926", Severity.Error, "Document masterIdentifier already stored", []);

    /// <summary>An ITI-66 search without <c>patient</c> (or <c>patient.identifier</c>) or without <c>code</c> (IHE MHD ITI-66).</summary>
    public static readonly FindingDefinition ListSearchCriteriaMissing = new("FHIR-5927", Severity.Error, "ITI-66 search without patient and code", []);

    /// <summary>An ITI-68 retrieve whose <c>Accept</c> matches neither the document's contentType nor FHIR JSON: HTTP 406.</summary>
    public static readonly FindingDefinition NotAcceptable = new("FHIR-5928", Severity.Error, "Requested media type not available for this document", []);

    /// <summary>The request body cannot be read as HTTP/1.1 framing says (malformed chunked encoding…): HTTP 400, nothing stored.</summary>
    public static readonly FindingDefinition IncompleteBody = new("FHIR-5929", Severity.Error, "Request body framing is broken", []);
    /// <summary>ITI-65 or ITI-105 for an INS without DMP (PDSm4DMP TD0.2: empty searchset; domain.md §8.3 DMP-09).</summary>
    public static readonly FindingDefinition DmpAbsent = new("FHIR-5950", Severity.Error, "No DMP for this INS: feeding refused", ["DUI-DMP-09"]);

    /// <summary>ITI-65 or ITI-105 for a closed DMP (<c>Patient.active = false</c>; domain.md §8.3 DMP-09).</summary>
    public static readonly FindingDefinition DmpClosed = new("FHIR-5951", Severity.Error, "The DMP is closed: feeding refused", ["DUI-DMP-09"]);

    /// <summary>ITI-65 or ITI-105 while the usager opposed the feeding of the DMP (domain.md §3.6, §8.3 DMP-09).</summary>
    public static readonly FindingDefinition DmpFeedingOpposed = new("FHIR-5952", Severity.Error, "The usager opposed the feeding of the DMP", ["DUI-DMP-09"]);

    /// <summary>A replacement (<c>relatesTo.code = replaces</c>) whose target is not a stored DocumentReference (PDSM-11).</summary>
    public static readonly FindingDefinition ReplacedDocumentUnknown = new("FHIR-5953", Severity.Error, "Replacement of an unknown document", ["DUI-DMP-10"]);

    /// <summary>A replacement whose target is no longer <c>current</c> (already superseded): PDSM-11.</summary>
    public static readonly FindingDefinition ReplacedDocumentNotCurrent = new("FHIR-5954", Severity.Error, "Replacement of a document that is not current", ["DUI-DMP-10"]);

    /// <summary><c>relatesTo.code = replaces</c> without a target reference or identifier (PDSM-11).</summary>
    public static readonly FindingDefinition ReplacementTargetMissing = new("FHIR-5955", Severity.Error, "Replacement without a target", ["DUI-DMP-10"]);

    /// <summary>A PATCH entry of an ITI-65 transaction that is not the TD2.1 "old version becomes superseded" patch of a replaced document.</summary>
    public static readonly FindingDefinition SupersedePatchInvalid = new("FHIR-5956", Severity.Error, "Transaction PATCH entry is not the supersede patch of a replaced document", ["DUI-DMP-10"]);

    /// <summary>A metadata PATCH not conditional on <c>identifier</c> (<c>PATCH [base]/DocumentReference?identifier=system|value</c>, PDSM-10).</summary>
    public static readonly FindingDefinition PatchNotConditional = new("FHIR-5957", Severity.Error, "Metadata PATCH is not conditional on identifier", ["DUI-DMP-10"]);

    /// <summary>A metadata PATCH touching an element other than status, securityLabel or the isArchived extension: HTTP 405 (PDSm st_maj.md).</summary>
    public static readonly FindingDefinition PatchElementNotAllowed = new("FHIR-5958", Severity.Error, "Metadata PATCH touches an element that may not change", ["DUI-DMP-10"]);

    /// <summary>A PATCH body that is neither a readable JSON Patch nor a FHIRPath Patch Parameters.</summary>
    public static readonly FindingDefinition PatchMalformed = new("FHIR-5959", Severity.Error, "PATCH body cannot be read", ["DUI-DMP-10"]);

    /// <summary>A conditional PATCH whose identifier matches no stored DocumentReference: HTTP 404.</summary>
    public static readonly FindingDefinition PatchTargetNotFound = new("FHIR-5960", Severity.Error, "No DocumentReference with that identifier", []);

    /// <summary>A conditional PATCH whose identifier matches several DocumentReferences: HTTP 412 (FHIR R4 §3.1.0.7.1).</summary>
    public static readonly FindingDefinition PatchTargetAmbiguous = new("FHIR-5961", Severity.Error, "Several DocumentReferences match that identifier", []);

    /// <summary>The PATCH's <c>If-Match</c> is not the stored version: HTTP 412 (FHIR R4 §3.1.0.5 version-aware updates).</summary>
    public static readonly FindingDefinition VersionConflict = new("FHIR-5962", Severity.Error, "If-Match does not match the current version", []);

    /// <summary>"Hide from the patient" (INVISIBLE_PATIENT) asked for a document already visible to the patient (domain.md §3.5, DMP-11).</summary>
    public static readonly FindingDefinition HideFromPatientRefused = new("FHIR-5963", Severity.Error, "A document visible to the patient cannot be hidden from them again", ["DUI-DMP-10"]);

    /// <summary>Masking or deletion asked by another organisation than the document's author: HTTP 403 (domain.md §8.3 DMP-12).</summary>
    public static readonly FindingDefinition NotAuthorOrganisation = new("FHIR-5964", Severity.Error, "Only the author's organisation may mask or delete the document", ["DUI-DMP-10"]);
}
