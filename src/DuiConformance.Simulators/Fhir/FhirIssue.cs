using DuiConformance.Core.Findings;
using Hl7.Fhir.Model;

namespace DuiConformance.Simulators.Fhir;

/// <summary>One problem to report in an OperationOutcome: its finding code, FHIR issue type, message and FHIRPath.</summary>
/// <param name="Finding">The finding definition whose code goes in <c>issue.details.coding</c>.</param>
/// <param name="Type">The FHIR issue type (<c>structure</c>, <c>invalid</c>, <c>not-supported</c>, <c>too-costly</c>…).</param>
/// <param name="Message">What is wrong, in French (the DUI may show it to its user).</param>
/// <param name="Expression">FHIRPath of the offending element (<c>Bundle.entry[0].request</c>), or <c>null</c> for the whole body.</param>
public sealed record FhirIssue(FindingDefinition Finding, OperationOutcome.IssueType Type, string Message, string? Expression = null)
{
    /// <summary>The OperationOutcome issue (severity error) carrying the finding code and FHIRPath (STYLE.md rule 25).</summary>
    public OperationOutcome.IssueComponent ToIssueComponent()
    {
        var details = new CodeableConcept(FhirSimulatorFindings.System, Finding.Code, Finding.Title) { Text = Message };
        var issue = new OperationOutcome.IssueComponent
        {
            Severity = OperationOutcome.IssueSeverity.Error,
            Code = Type,
            Details = details,
            Diagnostics = Message,
        };
        if (Expression is not null)
        {
            issue.Expression = [Expression];
        }

        return issue;
    }

    /// <summary>An OperationOutcome holding the given issues.</summary>
    public static OperationOutcome ToOperationOutcome(IEnumerable<FhirIssue> issues) =>
        new() { Issue = [.. issues.Select(issue => issue.ToIssueComponent())] };
}
