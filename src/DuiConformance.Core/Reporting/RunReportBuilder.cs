using DuiConformance.Core.Eligibility;
using DuiConformance.Core.Findings;
using DuiConformance.Core.Outcomes;
using DuiConformance.Core.Requirements;

namespace DuiConformance.Core.Reporting;

/// <summary>
/// Turns the check results of a run into its report: requirement outcomes rolled up from their checks, eligibility
/// evaluated from the requirements, the overall outcome and the first-screen counts (DESIGN.md §2: checks →
/// requirements → eligibility rules).
/// </summary>
public static class RunReportBuilder
{
    /// <summary>Builds the report (the content of report.json, rendered by every writer).</summary>
    /// <exception cref="ArgumentException">
    /// The language is not <c>fr</c> or <c>en</c>, or a check verifies a requirement that is not in the catalogue (a
    /// wiring bug of the check catalogue, never the DUI's fault).
    /// </exception>
    public static RunReport Build(RunReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Language is not ("fr" or "en"))
        {
            throw new ArgumentException($"Report language '{input.Language}' is not supported (fr or en).", nameof(input));
        }

        EnsureKnownRequirements(input.Checks, input.Catalogue);
        var language = input.Language;
        var requirementOutcomes = RequirementOutcomes(input.Checks, input.Catalogue);
        var evaluated = EligibilityEvaluator.Evaluate(input.RuleSet, requirementOutcomes, input.Organisation, input.Language);

        // Note: without an organisation the rules on the group (admissibility, SONS lock, ceilings) say nothing about
        // the DUI; they are left out of the eligibility list and the funding section asks for the file instead.
        var eligibility = input.Organisation is null
            ? [.. evaluated.Where(result => EligibilityRuleKinds.RequirementKinds.Contains(result.Rule.Kind))]
            : evaluated;
        var overall = OverallOutcome(input.Checks, input.Scenarios, input.Catalogue);

        var checks = input.Checks.Select(run => new CheckReport(
            run.Definition.Id,
            run.Definition.Title(language),
            run.Result.Outcome.ToWireName(),
            run.Definition.Verifies,
            run.Scenario,
            [.. run.Result.Findings.Select(ToReport)],
            run.Result.EvidenceIds,
            run.Result.Reason)).ToList();

        var requirements = input.Catalogue.All.Select(requirement => new RequirementReport(
            requirement.Id,
            requirement.Title(language),
            requirement.Theme,
            requirement.Level.ToWireName(),
            requirement.OfficialRef,
            requirementOutcomes[requirement.Id].ToWireName(),
            [.. input.Checks.Where(run => run.Definition.Verifies.Contains(requirement.Id)).Select(run => run.Definition.Id).Distinct(StringComparer.Ordinal)],
            requirement.Verification.ToWireName(),
            requirement.NotTestedReason,
            requirement.AppliesTo)).ToList();
        var testedByHarness = input.Catalogue.All
            .Where(requirement => requirement.Verification == RequirementVerification.Automated)
            .Select(requirement => requirement.Id)
            .ToHashSet(StringComparer.Ordinal);

        var eligibilityReports = eligibility.Select(result => new EligibilityReport(
            result.Rule.Id,
            result.Rule.Title(language),
            result.Status.ToWireName(),
            result.Rule.Requires,
            result.BlockedBy,
            result.AtRiskBy,
            result.Rule.Source,
            result.Rule.Kind,
            result.Notes.Count == 0 ? null : result.Notes,
            result.Rule.Description(language))).ToList();

        var summary = new ReportSummary(
            ChecksPassed: input.Checks.Count(run => run.Result.Outcome == Outcome.Pass),
            ChecksFailed: input.Checks.Count(run => run.Result.Outcome == Outcome.Fail),
            ChecksSkipped: input.Checks.Count(run => run.Result.Outcome == Outcome.Skip),
            ChecksErrored: input.Checks.Count(run => run.Result.Outcome == Outcome.Error),
            RequirementsPassed: requirementOutcomes.Values.Count(outcome => outcome == Outcome.Pass),
            RequirementsFailed: requirementOutcomes.Values.Count(outcome => outcome == Outcome.Fail),
            RequirementsNotProven: requirementOutcomes.Count(pair => testedByHarness.Contains(pair.Key) && pair.Value is Outcome.Skip or Outcome.Error),
            RulesReady: eligibility.Count(result => result.Status == EligibilityStatus.Ready),
            RulesAtRisk: eligibility.Count(result => result.Status == EligibilityStatus.AtRisk),
            RulesBlocked: eligibility.Count(result => result.Status == EligibilityStatus.Blocked),
            RequirementsNotTested: requirementOutcomes.Count(pair => !testedByHarness.Contains(pair.Key) && pair.Value is Outcome.Skip or Outcome.Error));

        var estimate = input.Organisation is null ? null : FundingEstimator.Estimate(input.RuleSet, evaluated, input.Organisation, language);
        return new RunReport
        {
            Language = language,
            Tool = input.Tool,
            Sut = input.Sut,
            Campaign = input.Campaign,
            RunId = input.RunId,
            StartedAt = input.StartedAt,
            FinishedAt = input.FinishedAt,
            Outcome = overall.ToWireName(),
            Scenarios = input.Scenarios,
            Checks = checks,
            Requirements = requirements,
            Eligibility = eligibilityReports,
            Summary = summary,
            FixFirst = FixFirst(requirements, eligibilityReports),
            Organisation = estimate is null ? null : OrganisationFor(input.Organisation!, estimate),
            Funding = estimate is null ? null : FundingFor(estimate, input.Organisation!) with
            {
                Parameters = [.. estimate.Lines
                    .SelectMany(line => line.Parameters)
                    .Distinct(StringComparer.Ordinal)
                    .Select(input.RuleSet.Parameter)
                    .Select(parameter => new ParameterReport(parameter.Id, parameter.Value, parameter.Unit, parameter.Description(language), parameter.Source))],
            },
        };
    }

    /// <summary>
    /// The requirements that failed or are not proven and hold back at least one rule, the ones holding back the most
    /// rules first (then failed before not proven, then catalogue order).
    /// </summary>
    public static IReadOnlyList<FixFirstReport> FixFirst(IReadOnlyList<RequirementReport> requirements, IReadOnlyList<EligibilityReport> eligibility)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        ArgumentNullException.ThrowIfNull(eligibility);
        return [.. requirements
            .Select((requirement, index) => (requirement, index, Rules: eligibility
                .Where(rule => rule.BlockedBy.Contains(requirement.Id) || rule.AtRiskBy.Contains(requirement.Id))
                .Select(rule => rule.Id)
                .ToList()))
            .Where(entry => entry.Rules.Count > 0)
            .OrderByDescending(entry => entry.Rules.Count)
            .ThenBy(entry => entry.requirement.Outcome == "fail" ? 0 : 1)
            .ThenBy(entry => entry.index)
            .Select(entry => new FixFirstReport(entry.requirement.Id, entry.requirement.Title, entry.requirement.Outcome, entry.Rules))];
    }

    private static OrganisationReport OrganisationFor(Organisations.Organisation organisation, FundingEstimate estimate) => new(
        organisation.Name,
        Path.GetFileName(organisation.Source),
        organisation.Essms.Count,
        organisation.RegionCount,
        estimate.Route,
        organisation.FiledOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    private static FundingReport FundingFor(FundingEstimate estimate, Organisations.Organisation organisation)
    {
        var lines = estimate.Lines.Select(line => new FundingLineReport(
            line.RuleId, line.Finess, line.EssmsName, line.Beneficiary, line.AmountEur, line.AtStartEur, line.OnUsageTargetsEur,
            line.IsCeiling, line.Status, line.OnUsageTargetsStatus, line.Formula, line.Parameters, line.Source)).ToList();
        var perEssms = organisation.Essms.Select(essms =>
        {
            var own = estimate.Lines.Where(line => line.Finess == essms.Finess.Value).ToList();
            var single = new FundingEstimate(estimate.Campaign, estimate.Organisation, estimate.EssmsCount, estimate.Route, own);
            return new EssmsFundingReport(essms.Finess.Value, essms.Name, essms.Sector, essms.DuiChoice, single.OwnerTotalEur, single.EditorTotalEur, single.AtRiskEur);
        }).ToList();
        return new FundingReport(lines, perEssms, estimate.OwnerTotalEur, estimate.OwnerAtStartEur, estimate.OwnerOnUsageTargetsEur, estimate.EditorTotalEur, estimate.AtRiskEur);
    }

    /// <summary>
    /// The outcome of every requirement of the catalogue: the <see cref="OutcomeExtensions.Combine(IEnumerable{Outcome})"/>
    /// of what every check run that verifies it says about it, across scenarios; <see cref="Outcome.Skip"/> ("not
    /// proven") when no check run verifies it.
    /// </summary>
    public static IReadOnlyDictionary<string, Outcome> RequirementOutcomes(IReadOnlyList<CheckRun> checks, RequirementCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(catalogue);
        var outcomes = new Dictionary<string, Outcome>(StringComparer.Ordinal);
        foreach (var requirement in catalogue.All)
        {
            var verifying = checks.Where(run => run.Definition.Verifies.Contains(requirement.Id)).ToList();
            outcomes[requirement.Id] = verifying.Count == 0
                ? Outcome.Skip
                : verifying.Select(run => OutcomeFor(run, requirement.Id)).Combine();
        }

        return outcomes;
    }

    /// <summary>
    /// The overall outcome of a run: the worst of what the check runs say about the <see cref="RequirementLevel.Shall"/>
    /// requirements they verify (SHOULD/MAY never fail a run, STYLE.md rule 13); <see cref="Outcome.Error"/> when no
    /// check ran at all or a scenario reported a harness error (the verdict would otherwise rest on missing evidence).
    /// </summary>
    public static Outcome OverallOutcome(IReadOnlyList<CheckRun> checks, IReadOnlyList<ScenarioReport> scenarios, RequirementCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentNullException.ThrowIfNull(catalogue);
        if (checks.Count == 0)
        {
            return Outcome.Error;
        }

        var outcome = checks
            .SelectMany(run => run.Definition.Verifies
                .Where(id => catalogue.TryGet(id, out var requirement) && requirement.Level == RequirementLevel.Shall)
                .Select(id => OutcomeFor(run, id)))
            .Combine();
        return scenarios.Any(scenario => scenario.Outcome == Outcome.Error.ToWireName())
            ? outcome.Combine(Outcome.Error)
            : outcome;
    }

    /// <summary>What one check run says about one of the requirements it verifies.</summary>
    /// <remarks>
    /// A failed check that verifies several requirements fails only those its error findings name (a finding that names
    /// none fails them all): a check covering DUI-CDA-02 and its document identification must not fail both for a
    /// missing templateId. This keeps the defect catalogue's rule (DESIGN.md §4: a defect fails only its requirement).
    /// </remarks>
    internal static Outcome OutcomeFor(CheckRun run, string requirementId)
    {
        var outcome = run.Result.Outcome;
        if (outcome != Outcome.Fail || run.Definition.Verifies.Count <= 1)
        {
            return outcome;
        }

        var errors = run.Result.Findings.Where(finding => finding.Severity == Severity.Error).ToList();
        if (errors.Count == 0)
        {
            return Outcome.Fail;
        }

        return errors.Any(finding => finding.Requirements.Count == 0 || finding.Requirements.Contains(requirementId))
            ? Outcome.Fail
            : Outcome.Pass;
    }

    private static void EnsureKnownRequirements(IReadOnlyList<CheckRun> checks, RequirementCatalogue catalogue)
    {
        foreach (var run in checks)
        {
            foreach (var id in run.Definition.Verifies)
            {
                if (!catalogue.Contains(id))
                {
                    throw new ArgumentException($"Check '{run.Definition.Id}' verifies '{id}', which is not in the requirement catalogue ({catalogue.Source}).", nameof(checks));
                }
            }
        }
    }

    private static FindingReport ToReport(Finding finding) => new(
        finding.Code,
        SeverityWireName(finding.Severity),
        finding.Message,
        finding.Location.ToString(),
        finding.Location == FindingLocation.None
            ? null
            : new LocationReport(finding.Location.EvidenceId, finding.Location.Entry, finding.Location.Path, finding.Location.Line, finding.Location.Column));

    private static string SeverityWireName(Severity severity) => severity switch
    {
        Severity.Info => "info",
        Severity.Warning => "warning",
        Severity.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, $"Enum values have been added to {nameof(Severity)}: update {nameof(SeverityWireName)}."),
    };
}
