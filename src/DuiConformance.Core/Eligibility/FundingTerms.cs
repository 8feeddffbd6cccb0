namespace DuiConformance.Core.Eligibility;

/// <summary>
/// How a rule turns into money when an organisation is given (the <c>funding</c> block of a rule): each field names a
/// parameter of the rule set, so every figure stays a dated, sourced parameter (domain.md §7b, DESIGN.md §5).
/// </summary>
/// <param name="Choice">Only ESSMS with this DUI choice (<c>acquisition</c>, <c>upgrade</c>) are funded; <c>null</c> for all.</param>
/// <param name="Beneficiary"><c>owner</c> (maîtrise d'ouvrage) or <c>editor</c> (éditeur).</param>
/// <param name="PerEssms">Parameter: amount per ESSMS at the full rate.</param>
/// <param name="PerEssmsReduced">Parameter: amount per ESSMS beyond <paramref name="FullRateCount"/>, when the group is large enough.</param>
/// <param name="FullRateCount">Parameter: how many ESSMS (in file order) get the full rate in a large group.</param>
/// <param name="ReducedFromGroupSize">Parameter: the group size from which the reduced rate applies (e.g. 50).</param>
/// <param name="PerProject">Parameter: amount per project (instead of per ESSMS).</param>
/// <param name="Ceiling">True when the amount is a ceiling ("jusqu'à"): the estimate is the ceiling, or what was asked when lower.</param>
/// <param name="UseRequested">True when what the organisation asked for (equipment, AMOA) caps the estimate.</param>
/// <param name="AtStartPercent">Parameter: share paid at the start; the rest is paid on proof of the usage targets.</param>
/// <param name="SecondPaymentRule">The rule (usage target) the second payment depends on.</param>
public sealed record FundingTerms(
    string? Choice,
    string Beneficiary,
    string? PerEssms,
    string? PerEssmsReduced,
    string? FullRateCount,
    string? ReducedFromGroupSize,
    string? PerProject,
    bool Ceiling,
    bool UseRequested,
    string? AtStartPercent,
    string? SecondPaymentRule)
{
    /// <summary><c>national</c> or <c>ars</c> (regional and multi-regional calls): only projects on that route get it; <c>null</c> for all.</summary>
    public string? Route { get; init; }

    /// <summary>Every parameter id the terms name.</summary>
    public IEnumerable<string> ParameterIds =>
        new[] { PerEssms, PerEssmsReduced, FullRateCount, ReducedFromGroupSize, PerProject, AtStartPercent }.OfType<string>();
}
