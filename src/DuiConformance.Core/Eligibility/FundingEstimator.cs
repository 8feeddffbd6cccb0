using System.Globalization;
using DuiConformance.Core.Organisations;

namespace DuiConformance.Core.Eligibility;

/// <summary>
/// Turns a campaign's funding rules and an organisation into a funding estimate per ESSMS and per project, each figure
/// traceable to its rule, its parameters and their source (issue 5; domain.md §7b). No figure lives in code.
/// </summary>
public static class FundingEstimator
{
    /// <summary>Estimates the funding of <paramref name="organisation"/> under <paramref name="ruleSet"/>.</summary>
    /// <param name="ruleSet">The campaign.</param>
    /// <param name="results">The evaluated rules (<see cref="EligibilityEvaluator.Evaluate(EligibilityRuleSet, IReadOnlyDictionary{string, Outcomes.Outcome}, Organisation?, string)"/>).</param>
    /// <param name="organisation">The project.</param>
    /// <param name="language"><c>fr</c> or <c>en</c>, for the formulas.</param>
    public static FundingEstimate Estimate(EligibilityRuleSet ruleSet, IReadOnlyList<EligibilityResult> results, Organisation organisation, string language)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(organisation);
        var byId = results.ToDictionary(result => result.Rule.Id, StringComparer.Ordinal);
        var admissibility = results.FirstOrDefault(result => result.Rule.Kind == EligibilityRuleKinds.GroupAdmissibility);
        var sonsLock = results.FirstOrDefault(result => result.Rule.Kind == EligibilityRuleKinds.SonsLock);
        var lines = new List<FundingLine>();
        foreach (var result in results.Where(result => result.Rule.Funding is not null))
        {
            var terms = result.Rule.Funding!;
            var route = OrganisationRules.Route(ruleSet, admissibility?.Rule, organisation);
            if (terms.Route is not null && (terms.Route == "national") != (route == "national"))
            {
                continue;
            }

            if (terms.PerProject is not null)
            {
                lines.Add(ProjectLine(ruleSet, result, terms, organisation, admissibility, language));
                continue;
            }

            for (var index = 0; index < organisation.Essms.Count; index++)
            {
                var essms = organisation.Essms[index];
                if (terms.Choice is not null && essms.DuiChoice != terms.Choice)
                {
                    continue;
                }

                lines.Add(EssmsLine(ruleSet, result, terms, organisation, essms, index + 1, admissibility, sonsLock, byId, language));
            }
        }

        return new FundingEstimate(ruleSet.Id, organisation.Name, organisation.Essms.Count, OrganisationRules.Route(ruleSet, admissibility?.Rule, organisation), lines);
    }

    private static FundingLine EssmsLine(
        EligibilityRuleSet ruleSet,
        EligibilityResult result,
        FundingTerms terms,
        Organisation organisation,
        Essms essms,
        int rank,
        EligibilityResult? admissibility,
        EligibilityResult? sonsLock,
        Dictionary<string, EligibilityResult> byId,
        string language)
    {
        var used = new List<EligibilityParameter>();
        var full = Use(ruleSet, terms.PerEssms!, used);
        var amount = full.AsDecimal();
        var formula = $"{OrganisationRules.Eur(amount, language)} ({full.Id})";
        if (terms.PerEssmsReduced is not null)
        {
            var fromSize = Use(ruleSet, terms.ReducedFromGroupSize!, used).AsDecimal();
            var fullCount = Use(ruleSet, terms.FullRateCount!, used).AsDecimal();
            var rankText = rank.ToString(CultureInfo.InvariantCulture);
            var sizeText = organisation.Essms.Count.ToString(CultureInfo.InvariantCulture);
            if (organisation.Essms.Count >= fromSize && rank > fullCount)
            {
                var reduced = Use(ruleSet, terms.PerEssmsReduced, used);
                amount = reduced.AsDecimal();
                formula = OrganisationRules.Text(
                    language,
                    $"{OrganisationRules.Eur(amount, language)} ({reduced.Id}) : ESSMS n° {rankText} d'un groupe de {sizeText} (≥ {fromSize.ToString(CultureInfo.InvariantCulture)}), au-delà des {fullCount.ToString(CultureInfo.InvariantCulture)} premiers ({terms.FullRateCount})",
                    $"{OrganisationRules.Eur(amount, language)} ({reduced.Id}): ESSMS no. {rankText} of a group of {sizeText} (≥ {fromSize.ToString(CultureInfo.InvariantCulture)}), beyond the first {fullCount.ToString(CultureInfo.InvariantCulture)} ({terms.FullRateCount})");
            }
            else
            {
                formula += OrganisationRules.Text(language, $" : ESSMS n° {rankText} d'un groupe de {sizeText}, taux plein", $": ESSMS no. {rankText} of a group of {sizeText}, full rate");
            }
        }

        if (terms.UseRequested && essms.EquipmentRequestedEur is { } requested && requested < amount)
        {
            formula += OrganisationRules.Text(language, $" ; demandé {OrganisationRules.Eur(requested, language)}, sous le plafond", $"; asked {OrganisationRules.Eur(requested, language)}, below the ceiling");
            amount = requested;
        }

        var status = result.EssmsStatuses.TryGetValue(essms.Finess.Value, out var own) ? own : result.Status;

        // Note: an ESSMS exempt from a rule's requirements (e.g. PJM, not subject to referencing: instruction 2025/40
        // §I.A) still gets the money; the DUI's results simply do not condition it.
        if (status == EligibilityStatus.NotApplicable && OrganisationRules.ExemptionFor(ruleSet, result.Rule, essms) is { Relax: false })
        {
            status = EligibilityStatus.Ready;
        }

        if (result.Rule.Kind == EligibilityRuleKinds.FundingCeiling)
        {
            status = EligibilityStatus.Ready;
        }

        status = Worst(status, admissibility?.Status);
        if (terms.Choice == "acquisition" && sonsLock is not null && sonsLock.EssmsStatuses.TryGetValue(essms.Finess.Value, out var locked))
        {
            status = Worst(status, locked);
        }

        return Finish(ruleSet, result, terms, essms.Finess.Value, essms.Name, amount, formula, status, used, byId, essms, language);
    }

    private static FundingLine ProjectLine(EligibilityRuleSet ruleSet, EligibilityResult result, FundingTerms terms, Organisation organisation, EligibilityResult? admissibility, string language)
    {
        var used = new List<EligibilityParameter>();
        var perProject = Use(ruleSet, terms.PerProject!, used);
        var amount = perProject.AsDecimal();
        var formula = $"{OrganisationRules.Eur(amount, language)} ({perProject.Id})";
        if (terms.UseRequested && organisation.AmoaRequestedEur is { } requested && requested < amount)
        {
            formula += OrganisationRules.Text(language, $" ; demandé {OrganisationRules.Eur(requested, language)}, sous le plafond", $"; asked {OrganisationRules.Eur(requested, language)}, below the ceiling");
            amount = requested;
        }

        var status = Worst(result.Rule.Kind == EligibilityRuleKinds.FundingCeiling ? EligibilityStatus.Ready : result.Status, admissibility?.Status);
        return Finish(ruleSet, result, terms, null, null, amount, formula, status, used, new Dictionary<string, EligibilityResult>(StringComparer.Ordinal), null, language);
    }

    private static FundingLine Finish(
        EligibilityRuleSet ruleSet,
        EligibilityResult result,
        FundingTerms terms,
        string? finess,
        string? name,
        decimal amount,
        string formula,
        EligibilityStatus status,
        List<EligibilityParameter> used,
        Dictionary<string, EligibilityResult> byId,
        Essms? essms,
        string language)
    {
        var atStart = amount;
        var onTargets = 0m;
        string? onTargetsStatus = null;
        if (terms.AtStartPercent is not null)
        {
            var share = Use(ruleSet, terms.AtStartPercent, used);
            atStart = decimal.Round(amount * share.AsDecimal() / 100m, 2);
            onTargets = amount - atStart;
            formula += OrganisationRules.Text(
                language,
                $" ; {share.Value} % au démarrage ({share.Id}) = {OrganisationRules.Eur(atStart, language)}, le reste sur preuve des cibles d'usage = {OrganisationRules.Eur(onTargets, language)}",
                $"; {share.Value} % at start ({share.Id}) = {OrganisationRules.Eur(atStart, language)}, the rest on proof of the usage targets = {OrganisationRules.Eur(onTargets, language)}");
            if (terms.SecondPaymentRule is not null && byId.TryGetValue(terms.SecondPaymentRule, out var target))
            {
                var targetStatus = essms is not null && target.EssmsStatuses.TryGetValue(essms.Finess.Value, out var perEssms) ? perEssms : target.Status;
                onTargetsStatus = targetStatus.ToWireName();
            }
        }

        if (terms.Ceiling)
        {
            formula = OrganisationRules.Text(language, "jusqu'à ", "up to ") + formula;
        }

        return new FundingLine(
            result.Rule.Id,
            finess,
            name,
            terms.Beneficiary,
            amount,
            atStart,
            onTargets,
            terms.Ceiling,
            status.ToWireName(),
            onTargetsStatus,
            formula,
            [.. used.Select(parameter => parameter.Id).Distinct(StringComparer.Ordinal)],
            string.Join(" | ", used.Select(parameter => parameter.Source).Distinct(StringComparer.Ordinal)));
    }

    private static EligibilityParameter Use(EligibilityRuleSet ruleSet, string id, List<EligibilityParameter> used)
    {
        var parameter = ruleSet.Parameter(id);
        used.Add(parameter);
        return parameter;
    }

    private static EligibilityStatus Worst(EligibilityStatus status, EligibilityStatus? other) =>
        other is null ? status
        : status == EligibilityStatus.Blocked || other == EligibilityStatus.Blocked ? EligibilityStatus.Blocked
        : status == EligibilityStatus.AtRisk || other == EligibilityStatus.AtRisk ? EligibilityStatus.AtRisk
        : status;
}
