namespace DuiConformance.Core.Findings;

/// <summary>
/// Finding codes for the operator's message size limit (band SMTP-35xx, domain.md §4.5, §8.5 MSS-15, <c>MSS/va1.13</c>).
/// Codes are permanent.
/// </summary>
public static class SmtpSizeFindings
{
    /// <summary>A message the operator refused for its size (552) was submitted again: a retry loop the refusal does not call for.</summary>
    public static readonly FindingDefinition ResubmittedAfter552 = new("SMTP-3501", Severity.Error, "Over-size message submitted again after the operator's 552", [MssRequirementIds.Mss10]);

    /// <summary>MAIL FROM declared a SIZE above the limit the server announced in the same session: the size was not checked before sending.</summary>
    public static readonly FindingDefinition DeclaredOverAnnounced = new("SMTP-3502", Severity.Warning, "MAIL FROM SIZE above the announced limit", [MssRequirementIds.Mss10]);

    /// <summary>A message over the announced limit was transmitted whole in DATA without a SIZE declaration (RFC 1870 §6.1 lets the server refuse at MAIL instead).</summary>
    public static readonly FindingDefinition OverSizeDataSent = new("SMTP-3503", Severity.Warning, "Over-size message transmitted in DATA", [MssRequirementIds.Mss10]);
}
