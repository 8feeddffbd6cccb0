using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Fhir.Profiles;

/// <summary>
/// One thing the profile checker found on an instance: the catalogue entry (FHIR-52xx / FHIR-53xx), where in the
/// instance (a FHIRPath such as <c>Bundle.entry[1].resource.context.facilityType</c>), which element definition it
/// bears on (e.g. <c>DocumentReference.context.facilityType</c>), the profile that defined it, and a French message.
/// </summary>
/// <param name="Definition">The finding definition.</param>
/// <param name="Path">FHIRPath location in the judged instance.</param>
/// <param name="ElementPath">The element definition path (resource type first), for grouping by requirement.</param>
/// <param name="Message">What is wrong, in French, with the expected value.</param>
/// <param name="Profile">Canonical URL of the profile (or value set) that defined the rule, when there is one.</param>
/// <param name="ResourceType">Type of the resource the element belongs to (e.g. <c>List</c> inside a Bundle).</param>
public sealed record ProfileIssue(FindingDefinition Definition, string Path, string ElementPath, string Message, string? Profile, string ResourceType)
{
    /// <summary>Severity of the finding definition.</summary>
    public Severity Severity => Definition.Severity;
}
