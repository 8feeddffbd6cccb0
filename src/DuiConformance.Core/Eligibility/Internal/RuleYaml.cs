namespace DuiConformance.Core.Eligibility.Internal;

/// <summary>One entry of the <c>rules</c> list of a rule set file.</summary>
internal sealed class RuleYaml
{
    public string? Id { get; set; }

    public string? Kind { get; set; }

    public string? TitleFr { get; set; }

    public string? TitleEn { get; set; }

    public string? DescriptionFr { get; set; }

    public string? DescriptionEn { get; set; }

    public List<string>? Requires { get; set; }

    public string? Source { get; set; }

    public Dictionary<string, string>? Uses { get; set; }

    public FundingYaml? Funding { get; set; }

    public List<ExemptionYaml?>? Exemptions { get; set; }
}
