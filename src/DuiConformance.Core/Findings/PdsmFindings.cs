using static DuiConformance.Core.Findings.DmpRequirementIds;

namespace DuiConformance.Core.Findings;

/// <summary>
/// Findings of the PDSm behaviour checks added for PDSM-07 (a refusal surfaced to the user) and PDSM-08 (ITI-105
/// simplified publish), domain.md §8.4. Codes FHIR-5600..5699. Permanent.
/// </summary>
public static class PdsmFindings
{
    /// <summary>The DMP refused a submission (4xx, or an entry of the transaction-response not 2xx) and the DUI did not show its OperationOutcome to the user (PDSM-07).</summary>
    public static readonly FindingDefinition RefusalNotShown = new("FHIR-5600", Severity.Error, "DMP refusal not shown to the user", [Dmp13]);

    /// <summary>An ITI-105 request that is not a readable DocumentReference (PDSM-08).</summary>
    public static readonly FindingDefinition SimplifiedNotDocumentReference = new("FHIR-5610", Severity.Error, "ITI-105 body is not a DocumentReference", [Dmp14]);

    /// <summary>An ITI-105 DocumentReference whose status is not current (PDSM-08).</summary>
    public static readonly FindingDefinition SimplifiedStatus = new("FHIR-5611", Severity.Error, "ITI-105 DocumentReference status is not current", [Dmp14]);

    /// <summary>An ITI-105 attachment without inline data, or with a url (PDSM-08: data 1..1, url 0..0).</summary>
    public static readonly FindingDefinition SimplifiedAttachment = new("FHIR-5612", Severity.Error, "ITI-105 attachment must carry data and no url", [Dmp14]);

    /// <summary>An ITI-105 attachment whose declared size or SHA-1 hash differs from its data (PDSM-08, as PDSM-03).</summary>
    public static readonly FindingDefinition SimplifiedIntegrity = new("FHIR-5613", Severity.Error, "ITI-105 attachment size or hash differs from its data", [Dmp14]);

    /// <summary>An ITI-105 DocumentReference that breaks the metadata rules ITI-65 documents follow (PDSM-08, as PDSM-02).</summary>
    public static readonly FindingDefinition SimplifiedMetadata = new("FHIR-5614", Severity.Error, "ITI-105 DocumentReference metadata incomplete", [Dmp14]);

    /// <summary>An ITI-105 publication the simulated DMP did not accept with 201 and an id (PDSM-08).</summary>
    public static readonly FindingDefinition SimplifiedNotCreated = new("FHIR-5615", Severity.Error, "ITI-105 publication not answered 201 with an id", [Dmp14]);
}
