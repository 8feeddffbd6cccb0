using static DuiConformance.Core.Findings.DmpRequirementIds;

namespace DuiConformance.Core.Findings;

/// <summary>
/// Findings of the DMP checks beyond ITI-65 structure (domain.md §8.3 DMP-09, §8.4 PDSM-09..11). Codes FHIR-5965..5969
/// (the FHIR-595x/596x band is shared with the FHIR simulator's refusals, which use FHIR-5950..5964). Permanent.
/// </summary>
public static class DmpFindings
{
    /// <summary>An ITI-67 query without patient (or patient.identifier) and status (PDSM-09).</summary>
    public static readonly FindingDefinition SearchCriteria = new("FHIR-5965", Severity.Error, "ITI-67 query without patient and status", [Dmp14]);

    /// <summary>A metadata PATCH that is not <c>PATCH [base]/DocumentReference?identifier=system|value</c> (PDSM-10).</summary>
    public static readonly FindingDefinition PatchNotConditional = new("FHIR-5966", Severity.Error, "Metadata PATCH not conditional on identifier", [Dmp10]);

    /// <summary>A metadata PATCH touching another element than status, securityLabel or isArchived, or unreadable (PDSM-10).</summary>
    public static readonly FindingDefinition PatchElement = new("FHIR-5967", Severity.Error, "Metadata PATCH touches an element that may not change", [Dmp10]);

    /// <summary>A new version (CDA relatedDocument RPLC or versionNumber &gt; 1) without relatesTo replaces and a target (PDSM-11).</summary>
    public static readonly FindingDefinition Replacement = new("FHIR-5968", Severity.Error, "Replacement without relatesTo replaces and a target", [Dmp10]);

    /// <summary>A DMP fed without asking its status first, or although it was absent, closed or opposed (DMP-09).</summary>
    public static readonly FindingDefinition FeedingStatus = new("FHIR-5969", Severity.Error, "DMP fed without a status check or while not open to feeding", [Dmp09]);
}
