using System.Globalization;
using DuiConformance.Core.Organisations;

namespace DuiConformance.Core.Eligibility;

/// <summary>
/// The rule kinds that read the organisation file: group admissibility (size, route, filing window), the SONS lock,
/// funding ceilings and per-ESSMS exemptions (domain.md §7, §7b). Every figure is read from the rule set's parameters.
/// </summary>
internal static class OrganisationRules
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string Text(string language, string french, string english) => language == "en" ? english : french;

    public static string Eur(decimal amount, string language) => language == "en"
        ? amount.ToString("#,0.##", CultureInfo.InvariantCulture) + " EUR"
        : amount.ToString("#,0.##", French) + " €";

    public static string Day(DateOnly date, string language) => language == "en"
        ? date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)
        : date.ToString("d MMMM yyyy", French);

    /// <summary>regional, multi-regional or national: the call a group files with (domain.md §7b Grouping).</summary>
    public static string Route(EligibilityRuleSet ruleSet, EligibilityRule? admissibility, Organisation organisation)
    {
        var nationalThreshold = admissibility is not null && admissibility.Uses.TryGetValue("national-threshold", out var id)
            ? ruleSet.Parameter(id).AsDecimal()
            : decimal.MaxValue;
        return organisation.RegionCount <= 1 ? "regional"
            : organisation.Essms.Count >= nationalThreshold ? "national"
            : "multi-regional";
    }

    public static EligibilityResult Apply(EligibilityRuleSet ruleSet, EligibilityResult result, Organisation organisation, string language) =>
        result.Rule.Kind switch
        {
            EligibilityRuleKinds.GroupAdmissibility => Admissibility(ruleSet, result, organisation, language),
            EligibilityRuleKinds.SonsLock => SonsLock(ruleSet, result, organisation, language),
            EligibilityRuleKinds.FundingCeiling => result with
            {
                Status = EligibilityStatus.Ready,
                Notes = [Text(language, "Plafond ouvert à tout projet recevable ; voir l'estimation.", "Ceiling open to every admissible project; see the estimate.")],
            },
            _ => Exemptions(ruleSet, result, organisation, language),
        };

    private static EligibilityResult Admissibility(EligibilityRuleSet ruleSet, EligibilityResult result, Organisation organisation, string language)
    {
        var rule = result.Rule;
        var notes = new List<string>();
        var status = EligibilityStatus.Ready;
        var count = organisation.Essms.Count;
        var minimumRole = organisation.IsCorsicaOrOverseas ? "min-group-corsica-overseas" : "min-group";
        var minimum = ruleSet.Parameter(rule.Uses[minimumRole]);
        var countText = count.ToString(CultureInfo.InvariantCulture);
        var minimumText = minimum.AsDecimal().ToString(CultureInfo.InvariantCulture);
        if (count < minimum.AsDecimal())
        {
            status = EligibilityStatus.Blocked;
            notes.Add(Text(
                language,
                $"Groupe de {countText} ESSMS, sous le minimum de {minimumText} ({minimum.Id} ; {minimum.Source}) : candidature non recevable, financement spécifique étudié au cas par cas.",
                $"Group of {countText} ESSMS, below the minimum of {minimumText} ({minimum.Id}; {minimum.Source}): application not admissible, specific funding studied case by case."));
        }
        else
        {
            notes.Add(Text(
                language,
                $"Groupe de {countText} ESSMS, au moins {minimumText} ({minimum.Id}) : taille recevable.",
                $"Group of {countText} ESSMS, at least {minimumText} ({minimum.Id}): admissible size."));
        }

        var route = Route(ruleSet, rule, organisation);
        var regions = organisation.RegionCount.ToString(CultureInfo.InvariantCulture);
        notes.Add(route switch
        {
            "regional" => Text(language, "Une seule région : appel à projets régional (ARS).", "One region: regional call (ARS)."),
            "national" => Text(language, $"{regions} régions et au moins {ruleSet.Parameter(rule.Uses["national-threshold"]).Value} ESSMS : appel à projets national (CNSA/DNS).", $"{regions} regions and at least {ruleSet.Parameter(rule.Uses["national-threshold"]).Value} ESSMS: national call (CNSA/DNS)."),
            _ => Text(language, $"{regions} régions et moins de {ruleSet.Parameter(rule.Uses["national-threshold"]).Value} ESSMS : projet multirégional déposé auprès d'une ARS.", $"{regions} regions and fewer than {ruleSet.Parameter(rule.Uses["national-threshold"]).Value} ESSMS: multi-regional project filed with an ARS."),
        });

        var (opensRole, closesRole) = route switch
        {
            "regional" => ("regional-opens", "regional-closes"),
            "national" => ("national-opens", "national-closes"),
            _ => ("regional-opens", "multiregional-closes"),
        };
        if (rule.Uses.TryGetValue(opensRole, out var opensId) && rule.Uses.TryGetValue(closesRole, out var closesId))
        {
            var opens = ruleSet.Parameter(opensId).AsDate();
            var closes = ruleSet.Parameter(closesId).AsDate();
            var window = Text(language, $"du {Day(opens, language)} au {Day(closes, language)} à minuit ({opensId}, {closesId})", $"from {Day(opens, language)} to {Day(closes, language)} midnight ({opensId}, {closesId})");
            if (organisation.FiledOn is not { } filed)
            {
                status = status == EligibilityStatus.Blocked ? status : EligibilityStatus.AtRisk;
                notes.Add(Text(language, $"Date de dépôt non donnée (filed_on) : le dossier doit être déposé {window}.", $"Filing date not given (filed_on): the file must be filed {window}."));
            }
            else if (filed < opens || filed > closes)
            {
                status = EligibilityStatus.Blocked;
                notes.Add(Text(language, $"Dépôt le {Day(filed, language)}, hors de la fenêtre {window} : dossier non recevable.", $"Filed on {Day(filed, language)}, outside the window {window}: file not admissible."));
            }
            else
            {
                notes.Add(Text(language, $"Dépôt le {Day(filed, language)}, dans la fenêtre {window}.", $"Filed on {Day(filed, language)}, within the window {window}."));
            }
        }
        else
        {
            notes.Add(Text(language, "Fenêtre de dépôt de cet appel non connue pour cette campagne (aucun paramètre daté).", "Filing window of this call not known for this campaign (no dated parameter)."));
        }

        return result with { Status = status, Notes = notes };
    }

    private static EligibilityResult SonsLock(EligibilityRuleSet ruleSet, EligibilityResult result, Organisation organisation, string language)
    {
        var lockParameter = ruleSet.Parameter(result.Rule.Uses["lock-date"]);
        var lockDate = lockParameter.AsDate();
        var notes = new List<string>();
        var statuses = new Dictionary<string, EligibilityStatus>(StringComparer.Ordinal);
        foreach (var essms in organisation.Essms.Where(essms => essms.SonsOrder && essms.DuiChoice == "acquisition"))
        {
            EligibilityStatus status;
            string note;
            if (essms.SonsValidatedOn is { } validated)
            {
                status = EligibilityStatus.Blocked;
                note = Text(language, $"{essms.Finess} ({essms.Name}) : prestation SONS validée le {Day(validated, language)} ; le bon de commande ne peut plus être annulé pour un financement d'acquisition.", $"{essms.Finess} ({essms.Name}): SONS service validated on {Day(validated, language)}; the order can no longer be cancelled for acquisition funding.");
            }
            else if (organisation.FiledOn is not { } filed)
            {
                status = EligibilityStatus.AtRisk;
                note = Text(language, $"{essms.Finess} ({essms.Name}) : bon SONS signé et acquisition demandée ; à annuler avant le {Day(lockDate, language)} ({lockParameter.Id}).", $"{essms.Finess} ({essms.Name}): SONS order signed and acquisition asked; cancel it before {Day(lockDate, language)} ({lockParameter.Id}).");
            }
            else if (filed >= lockDate)
            {
                status = EligibilityStatus.Blocked;
                note = Text(language, $"{essms.Finess} ({essms.Name}) : bon SONS signé, dépôt le {Day(filed, language)}, à partir du {Day(lockDate, language)} ({lockParameter.Id}) : plus d'acquisition, financement complémentaire à l'usage seulement.", $"{essms.Finess} ({essms.Name}): SONS order signed, filed on {Day(filed, language)}, from {Day(lockDate, language)} ({lockParameter.Id}): no acquisition, complementary usage funding only.");
            }
            else
            {
                status = EligibilityStatus.AtRisk;
                note = Text(language, $"{essms.Finess} ({essms.Name}) : bon SONS signé ; l'acquisition suppose de l'annuler avant le {Day(lockDate, language)} et avant la vérification d'aptitude.", $"{essms.Finess} ({essms.Name}): SONS order signed; acquisition requires cancelling it before {Day(lockDate, language)} and before the aptitude check.");
            }

            statuses[essms.Finess.Value] = status;
            notes.Add(note);
        }

        var overall = statuses.Values.Any(status => status == EligibilityStatus.Blocked) ? EligibilityStatus.Blocked
            : statuses.Count > 0 ? EligibilityStatus.AtRisk
            : EligibilityStatus.Ready;
        if (statuses.Count == 0)
        {
            notes.Add(Text(language, "Aucun ESSMS ne demande l'acquisition alors qu'il a signé un bon SONS.", "No ESSMS asks for acquisition while holding a SONS order."));
        }

        return result with { Status = overall, Notes = notes, EssmsStatuses = statuses };
    }

    private static EligibilityResult Exemptions(EligibilityRuleSet ruleSet, EligibilityResult result, Organisation organisation, string language)
    {
        if (result.Rule.Exemptions.Count == 0 && result.Rule.Kind != EligibilityRuleKinds.UsageTarget)
        {
            return result;
        }

        var statuses = new Dictionary<string, EligibilityStatus>(StringComparer.Ordinal);
        var notes = new List<string>();
        foreach (var essms in organisation.Essms)
        {
            var exemption = ExemptionFor(ruleSet, result.Rule, essms);
            statuses[essms.Finess.Value] = exemption is null ? result.Status
                : exemption.Relax ? (result.Status == EligibilityStatus.Blocked ? EligibilityStatus.AtRisk : result.Status)
                : EligibilityStatus.NotApplicable;
            if (exemption is { Relax: true })
            {
                notes.Add(Text(language, $"{essms.Finess} ({essms.Name}, {essms.Sector}) : une solution candidate au référencement suffit à la signature de la convention ({exemption.When} = {exemption.Is}) ; une exigence en échec met ce financement à risque sans le bloquer.", $"{essms.Finess} ({essms.Name}, {essms.Sector}): a referencing candidate suffices when the agreement is signed ({exemption.When} = {exemption.Is}); a failed requirement puts this funding at risk without blocking it."));
            }
            else if (exemption is not null)
            {
                notes.Add(Text(language, $"{essms.Finess} ({essms.Name}, {essms.Sector}) : non concerné ({exemption.When} = {exemption.Is}).", $"{essms.Finess} ({essms.Name}, {essms.Sector}): not bound ({exemption.When} = {exemption.Is})."));
            }
        }

        var status = statuses.Values.All(value => value == EligibilityStatus.NotApplicable) ? EligibilityStatus.NotApplicable : result.Status;
        return result with { Status = status, Notes = [.. notes, .. Denominators(ruleSet, result.Rule, organisation, statuses, language)], EssmsStatuses = statuses };
    }

    /// <summary>
    /// For a usage target: each bound ESSMS's denominator, reduced by the persons accompanied anonymously when the
    /// rule set says so (instruction 2025/40 §I.D), and the rate when the numerator is given.
    /// </summary>
    private static IEnumerable<string> Denominators(EligibilityRuleSet ruleSet, EligibilityRule rule, Organisation organisation, Dictionary<string, EligibilityStatus> statuses, string language)
    {
        if (rule.Kind != EligibilityRuleKinds.UsageTarget)
        {
            yield break;
        }

        var excludes = rule.Uses.TryGetValue("denominator-excludes-anonymous", out var flagId) && ruleSet.Parameter(flagId).AsBoolean();
        foreach (var essms in organisation.Essms.Where(essms => essms.Usagers is not null && statuses.GetValueOrDefault(essms.Finess.Value) != EligibilityStatus.NotApplicable))
        {
            var usagers = essms.Usagers!.Value;
            var anonymous = excludes ? essms.AnonymousUsagers ?? 0 : 0;
            var denominator = usagers - anonymous;
            var arithmetic = excludes
                ? $"{usagers.ToString(CultureInfo.InvariantCulture)} − {anonymous.ToString(CultureInfo.InvariantCulture)} = {denominator.ToString(CultureInfo.InvariantCulture)} ({flagId})"
                : denominator.ToString(CultureInfo.InvariantCulture);
            var rate = essms.DmpFedUsagers is { } fed && denominator > 0
                ? Text(language, $" ; taux = {fed.ToString(CultureInfo.InvariantCulture)} / {denominator.ToString(CultureInfo.InvariantCulture)} = {(100m * fed / denominator).ToString("0.#", French)} %", $"; rate = {fed.ToString(CultureInfo.InvariantCulture)} / {denominator.ToString(CultureInfo.InvariantCulture)} = {(100m * fed / denominator).ToString("0.#", CultureInfo.InvariantCulture)} %")
                : string.Empty;
            yield return Text(language, $"{essms.Finess} ({essms.Name}) : dénominateur {arithmetic}{rate}.", $"{essms.Finess} ({essms.Name}): denominator {arithmetic}{rate}.");
        }
    }

    public static RuleExemption? ExemptionFor(EligibilityRuleSet ruleSet, EligibilityRule rule, Essms essms) =>
        rule.Exemptions.FirstOrDefault(exemption =>
            exemption.Sector == essms.Sector
            && (exemption.SonsOrder is null || exemption.SonsOrder == essms.SonsOrder)
            && ruleSet.Parameter(exemption.When).Value == exemption.Is);
}
