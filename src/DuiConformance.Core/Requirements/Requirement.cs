namespace DuiConformance.Core.Requirements;

/// <summary>
/// One requirement of the catalogue (<c>profiles/requirements/requirements.csv</c>): what a DUI must do, with a
/// permanent id that checks verify and eligibility rules require (DESIGN.md §3, STYLE.md rule 16).
/// </summary>
/// <param name="Id">Permanent id <c>DUI-&lt;THEME&gt;-&lt;nn&gt;</c>; a retired id is never reused.</param>
/// <param name="Theme">The theme segment of the id: INS, CDA, DMP, MES, MSS, ANN, PSC or SEC.</param>
/// <param name="Level">How binding it is; only <see cref="RequirementLevel.Shall"/> decides the run's outcome.</param>
/// <param name="TitleFr">Title shown in French reports.</param>
/// <param name="TitleEn">Title shown in English reports.</param>
/// <param name="OfficialRef">
/// The official Ségur referencing identifier when one is known (e.g. <c>SC.MSS/CONF.16</c>), several separated by
/// <c>;</c>; <c>null</c> when unknown. <see cref="Source"/> says when the mapping comes from a third party.
/// </param>
/// <param name="Source">Where the requirement comes from, e.g. <c>domain.md §8.2 CDA-01</c>.</param>
/// <param name="Verification">How the harness proves it.</param>
/// <param name="NotTestedReason">
/// Why no check tests it: required when <see cref="Verification"/> is <see cref="RequirementVerification.NotTested"/>,
/// and for <see cref="RequirementVerification.Manual"/> it says what a person must attest; never set for automated ones.
/// </param>
public sealed record Requirement(
    string Id,
    string Theme,
    RequirementLevel Level,
    string TitleFr,
    string TitleEn,
    string? OfficialRef,
    string Source,
    RequirementVerification Verification,
    string? NotTestedReason)
{
    /// <summary>
    /// Which DUIs it concerns (the <c>applies_to</c> column, <see cref="RequirementApplicability"/>): <c>all</c>, or a
    /// sector (<c>pa</c>, <c>ph</c>, <c>ahi</c>, <c>pjm</c>), a setting (<c>domicile</c>, <c>etablissement</c>) or a
    /// capability (<c>dmp</c>, <c>mss</c>, <c>mes</c>, <c>ins</c>).
    /// </summary>
    public IReadOnlyList<string> AppliesTo { get; init; } = [RequirementApplicability.All];

    /// <summary>The section of domain.md the requirement comes from (e.g. <c>§8.2 CDA-01</c>), when written.</summary>
    public string? DomainSection { get; init; }

    /// <summary>The file the requirement was read from (one catalogue may span several CSV files).</summary>
    public string? File { get; init; }

    /// <summary>The title in the report language: English for <c>en</c>, French otherwise.</summary>
    public string Title(string language) => language == "en" ? TitleEn : TitleFr;
}
