namespace DuiConformance.Core.Findings;

/// <summary>
/// A permanent entry of the finding catalogue (STYLE.md rule 11): the code never changes meaning and is never reused.
/// </summary>
/// <param name="Code">Banded code, e.g. <c>CDA-1001</c> (CDA-1xxx, XDM-2xxx, SMTP-3xxx, IMAP-4xxx, FHIR-5xxx, WEB-6xxx, HARNESS-9xxx).</param>
/// <param name="Severity">Default severity; changing it is a release-noted behaviour change.</param>
/// <param name="Title">Short English title, for the catalogue listing.</param>
/// <param name="Requirements">The <c>DUI-*</c> requirement ids this finding is evidence against.</param>
public sealed record FindingDefinition(string Code, Severity Severity, string Title, IReadOnlyList<string> Requirements)
{
    /// <summary>Creates a finding of this definition with its default severity.</summary>
    public Finding At(FindingLocation location, string message) => new(Code, Severity, message, location, Requirements);
}
