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
/// <param name="NotTestedReason">Why it is not tested; set only when <see cref="Verification"/> is <see cref="RequirementVerification.NotTested"/>.</param>
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
    /// <summary>The title in the report language: English for <c>en</c>, French otherwise.</summary>
    public string Title(string language) => language == "en" ? TitleEn : TitleFr;
}
