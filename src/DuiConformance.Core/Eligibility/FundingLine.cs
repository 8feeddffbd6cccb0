namespace DuiConformance.Core.Eligibility;

/// <summary>
/// One figure of a funding estimate: what one rule gives one ESSMS (or the whole project), with the parameters and
/// arithmetic behind it so a reader can trace it to the rule set and its source (issue 5, DESIGN.md §5).
/// </summary>
/// <param name="RuleId">The rule that gives it.</param>
/// <param name="Finess">The ESSMS's FINESS; <c>null</c> for a per-project amount (AMOA).</param>
/// <param name="EssmsName">The ESSMS's name; <c>null</c> for a per-project amount.</param>
/// <param name="Beneficiary"><c>owner</c> (maîtrise d'ouvrage) or <c>editor</c>.</param>
/// <param name="AmountEur">The estimate in euros (a ceiling when <paramref name="IsCeiling"/>).</param>
/// <param name="AtStartEur">Paid at the start of the project.</param>
/// <param name="OnUsageTargetsEur">Paid on proof that the usage targets are reached.</param>
/// <param name="IsCeiling">True when the amount is a ceiling ("jusqu'à").</param>
/// <param name="Status">ready, at-risk, blocked or not-applicable: whether this money is within reach.</param>
/// <param name="OnUsageTargetsStatus">The status of the usage target the second payment depends on, when there is one.</param>
/// <param name="Formula">The arithmetic, with each figure and the parameter it comes from, in the report language.</param>
/// <param name="Parameters">Ids of the parameters used.</param>
/// <param name="Source">The sources of those parameters.</param>
public sealed record FundingLine(
    string RuleId,
    string? Finess,
    string? EssmsName,
    string Beneficiary,
    decimal AmountEur,
    decimal AtStartEur,
    decimal OnUsageTargetsEur,
    bool IsCeiling,
    string Status,
    string? OnUsageTargetsStatus,
    string Formula,
    IReadOnlyList<string> Parameters,
    string Source);
