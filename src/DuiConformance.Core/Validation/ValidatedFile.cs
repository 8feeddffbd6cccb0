using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Validation;

/// <summary>
/// The verdict on one input file: what it was read as, the CDA documents judged inside it (entry names), the
/// schematrons applied, and every finding. The file fails when a finding has severity error.
/// </summary>
/// <param name="Path">The file as given.</param>
/// <param name="Kind">What it was read as: <c>cda</c>, <c>fhir</c>, <c>xdm</c>, <c>eml</c> or <c>unknown</c>.</param>
/// <param name="Documents">The CDA documents judged (entry names inside the file), or the FHIR resource (type/id).</param>
/// <param name="Schematrons">The schematron files applied, by file name.</param>
/// <param name="Findings">Every finding, in the order the rules produced them.</param>
public sealed record ValidatedFile(string Path, string Kind, IReadOnlyList<string> Documents, IReadOnlyList<string> Schematrons, IReadOnlyList<Finding> Findings)
{
    /// <summary>True when no finding has severity error.</summary>
    public bool Passed => !Findings.Any(f => f.Severity == Severity.Error);
}
