namespace DuiConformance.Core.Eligibility;

/// <summary>
/// One named rule of a campaign rule set: a funding or a payment condition that depends on requirements of the
/// catalogue (DESIGN.md §5). Ids are <c>&lt;CAMPAIGN&gt;-&lt;NAME&gt;</c> and permanent.
/// </summary>
/// <param name="Id">Permanent id, e.g. <c>2025-ACQUISITION</c>.</param>
/// <param name="Kind">One of <see cref="EligibilityRuleKinds"/>: how the rule is evaluated.</param>
/// <param name="TitleFr">Title shown in French reports (the name of the funding or payment condition).</param>
/// <param name="TitleEn">Title shown in English reports.</param>
/// <param name="DescriptionFr">What the rule is and why it needs these requirements, in French.</param>
/// <param name="DescriptionEn">The same in English, when written; French is shown otherwise.</param>
/// <param name="Requires">The requirement ids the rule needs (all in the catalogue); may be empty for rules on the organisation only.</param>
/// <param name="Source">Where the rule comes from (instruction, seed document, domain.md section).</param>
public sealed record EligibilityRule(
    string Id,
    string Kind,
    string TitleFr,
    string TitleEn,
    string DescriptionFr,
    string? DescriptionEn,
    IReadOnlyList<string> Requires,
    string Source)
{
    /// <summary>
    /// For rule kinds that read the organisation: role → parameter id (e.g. <c>min-group</c> → <c>group-min-essms</c>).
    /// </summary>
    public IReadOnlyDictionary<string, string> Uses { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>How the rule turns into money when an organisation is given; <c>null</c> when it does not.</summary>
    public FundingTerms? Funding { get; init; }

    /// <summary>ESSMS the rule does not bind.</summary>
    public IReadOnlyList<RuleExemption> Exemptions { get; init; } = [];

    /// <summary>The title in the report language: English for <c>en</c>, French otherwise.</summary>
    public string Title(string language) => language == "en" ? TitleEn : TitleFr;

    /// <summary>The description in the report language; French when no English text was written.</summary>
    public string Description(string language) => language == "en" && DescriptionEn is not null ? DescriptionEn : DescriptionFr;
}
