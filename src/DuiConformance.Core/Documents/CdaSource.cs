using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Documents;

/// <summary>Where a CDA document was found: the evidence item, the channel and the part inside it.</summary>
/// <param name="EvidenceId">The <c>fhir-request</c> or <c>smtp-message</c> evidence holding the document.</param>
/// <param name="Channel">How it travelled: <see cref="Iti65"/> (a Binary of an ITI-65 bundle) or <see cref="Xdm"/> (an IHE_XDM.ZIP mail attachment).</param>
/// <param name="Entry">The part: a bundle entry (<c>Bundle.entry[2]</c>) or <c>&lt;attachment&gt;!&lt;zip entry&gt;</c>.</param>
public sealed record CdaSource(string EvidenceId, string Channel, string Entry)
{
    /// <summary>Channel name of a CDA carried as a Binary in an ITI-65 transaction bundle (PDSm, domain.md §3.4).</summary>
    public const string Iti65 = "ITI-65";

    /// <summary>Channel name of a CDA carried in an IHE_XDM.ZIP attached to an MSSanté message (domain.md §4.3).</summary>
    public const string Xdm = "XDM";

    /// <summary>A location inside this document.</summary>
    public FindingLocation At(string? path, int? line = null, int? column = null) => new(EvidenceId, Entry, path, line, column);
}
