namespace DuiConformance.Core.Eligibility.Internal;

/// <summary>The <c>funding</c> block of a rule: parameter ids, never figures.</summary>
internal sealed class FundingYaml
{
    public string? Choice { get; set; }

    public string? Beneficiary { get; set; }

    public string? PerEssms { get; set; }

    public string? PerEssmsReduced { get; set; }

    public string? FullRateCount { get; set; }

    public string? ReducedFromGroupSize { get; set; }

    public string? PerProject { get; set; }

    public bool? Ceiling { get; set; }

    public bool? UseRequested { get; set; }

    public string? AtStartPercent { get; set; }

    public string? SecondPaymentRule { get; set; }

    public string? Route { get; set; }
}
