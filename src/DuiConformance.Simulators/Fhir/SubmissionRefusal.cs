using System.Globalization;
using Hl7.Fhir.Model;

namespace DuiConformance.Simulators.Fhir;

/// <summary>
/// A refusal the simulated DMP gives to the next document submission (ITI-65 or ITI-105) whatever its content, as the
/// real DMP does for its own business rules: an HTTP status (400–599) and an OperationOutcome whose issue carries
/// <see cref="Code"/> (system <see cref="CodeSystem"/>) and <see cref="Diagnostics"/> (PDSm, domain.md §3.4, PDSM-07).
/// </summary>
/// <param name="Status">The HTTP status, 400–599.</param>
/// <param name="Code">The refusal code, shown to the DUI in <c>issue.details.coding.code</c>.</param>
/// <param name="Diagnostics">The refusal text, in French, in <c>issue.diagnostics</c> and <c>issue.details.text</c>.</param>
public sealed record SubmissionRefusal(int Status, string Code, string Diagnostics)
{
    /// <summary>The coding system of the refusal codes a scenario asks for.</summary>
    public const string CodeSystem = "urn:dui-conformance:dmp-refusal";

    /// <summary>
    /// Reads <c>"&lt;status&gt; &lt;code&gt; &lt;diagnostics…&gt;"</c>, e.g. <c>422 DMP-AUTEUR-INCONNU L'auteur n'est pas connu du RPPS.</c>
    /// </summary>
    /// <exception cref="FormatException">The text has no status 400–599, no code or no diagnostics.</exception>
    public static SubmissionRefusal Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length < 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var status)
            || status is < 400 or > 599)
        {
            throw new FormatException($"Refus attendu sous la forme « <statut HTTP 400–599> <code> <diagnostic> », reçu « {text} ».");
        }

        return new SubmissionRefusal(status, parts[1], parts[2]);
    }

    /// <summary>The OperationOutcome the simulator answers with.</summary>
    public OperationOutcome ToOperationOutcome() => new()
    {
        Issue =
        [
            new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Error,
                Code = OperationOutcome.IssueType.BusinessRule,
                Details = new CodeableConcept(CodeSystem, Code) { Text = Diagnostics },
                Diagnostics = Diagnostics,
            },
        ],
    };
}
