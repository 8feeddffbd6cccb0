namespace DuiConformance.Core.Eligibility;

/// <summary>The funding estimate of a project under one campaign: every line, and the totals a reader looks for.</summary>
/// <param name="Campaign">The rule set id.</param>
/// <param name="Organisation">The project's name.</param>
/// <param name="EssmsCount">How many ESSMS the group has.</param>
/// <param name="Route">regional, multi-regional or national (the call the group files with).</param>
/// <param name="Lines">Every figure, per rule and ESSMS, in rule then file order.</param>
public sealed record FundingEstimate(string Campaign, string Organisation, int EssmsCount, string Route, IReadOnlyList<FundingLine> Lines)
{
    /// <summary>Total for the project owner (maîtrise d'ouvrage), every line.</summary>
    public decimal OwnerTotalEur => Lines.Where(line => line.Beneficiary == "owner").Sum(line => line.AmountEur);

    /// <summary>Total for the editor (ceilings), every line.</summary>
    public decimal EditorTotalEur => Lines.Where(line => line.Beneficiary == "editor").Sum(line => line.AmountEur);

    /// <summary>Owner's money paid at the start.</summary>
    public decimal OwnerAtStartEur => Lines.Where(line => line.Beneficiary == "owner").Sum(line => line.AtStartEur);

    /// <summary>Owner's money paid on proof of the usage targets.</summary>
    public decimal OwnerOnUsageTargetsEur => Lines.Where(line => line.Beneficiary == "owner").Sum(line => line.OnUsageTargetsEur);

    /// <summary>Money (owner and editor) on lines that are not ready, or whose second payment is not ready.</summary>
    public decimal AtRiskEur => Lines.Sum(line => line.Status != "ready" ? line.AmountEur
        : line.OnUsageTargetsStatus is not (null or "ready" or "not-applicable") ? line.OnUsageTargetsEur
        : 0m);
}
