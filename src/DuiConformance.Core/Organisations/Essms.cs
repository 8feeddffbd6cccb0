namespace DuiConformance.Core.Organisations;

/// <summary>
/// One ESSMS (établissement ou service social ou médico-social) of a project, as the organisation file lists it: what
/// the funding rules need to know about it (domain.md §7, §7b).
/// </summary>
/// <param name="Line">The line of the organisation file it was read from (for messages).</param>
/// <param name="Finess">Its own FINESS géographique.</param>
/// <param name="Name">Its name.</param>
/// <param name="Category">Its FINESS category (code or label, e.g. <c>500</c> or <c>EHPAD</c>), as written.</param>
/// <param name="Sector">One of <see cref="Organisation.Sectors"/>: <c>pa</c>, <c>ph</c>, <c>ahi</c>, <c>pjm</c> or <c>autre</c>.</param>
/// <param name="Region">Its region, as written (compared case-insensitively to count the regions of a project).</param>
/// <param name="SonsOrder">True when it signed a SONS purchase order (bon de commande) with its editor.</param>
/// <param name="SonsValidatedOn">When the SONS service was validated (vérification d'aptitude filed with the ASP), if it was.</param>
/// <param name="DuiChoice"><c>acquisition</c> (a new conforming DUI) or <c>upgrade</c> (bringing the existing DUI up to the Ségur version).</param>
/// <param name="EquipmentRequestedEur">Equipment and infrastructure funding asked for, when any.</param>
/// <param name="Usagers">Persons accompanied (usage-target denominators), when given.</param>
/// <param name="AnonymousUsagers">Of them, persons accompanied anonymously, when given.</param>
/// <param name="DmpFedUsagers">Persons whose DMP / Mon espace santé was fed (usage-target numerator), when given.</param>
public sealed record Essms(
    int Line,
    FinessNumber Finess,
    string Name,
    string Category,
    string Sector,
    string Region,
    bool SonsOrder,
    DateOnly? SonsValidatedOn,
    string DuiChoice,
    decimal? EquipmentRequestedEur,
    int? Usagers,
    int? AnonymousUsagers,
    int? DmpFedUsagers);
