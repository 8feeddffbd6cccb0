using DuiConformance.Core.Checks;
using DuiConformance.Core.Eligibility;
using DuiConformance.Core.Requirements;

namespace DuiConformance.Core.Reporting;

/// <summary>
/// The same report in the other language, for report.html's language switch: titles of requirements, checks and rules
/// are looked up again in the catalogue, the check catalogue and the campaign's rule set; what only exists in the
/// report's language (scenario titles, finding messages, funding arithmetic) stays as it is.
/// </summary>
public static class ReportTranslator
{
    /// <summary>The report with its language and the titles it can find switched to <paramref name="language"/>.</summary>
    /// <param name="report">The report.</param>
    /// <param name="language"><c>fr</c> or <c>en</c>.</param>
    /// <param name="catalogue">The requirement catalogue, or <c>null</c> to read the default one (titles stay when it cannot be read).</param>
    /// <param name="ruleSet">The campaign's rule set, or <c>null</c> to read the default one for the report's campaign.</param>
    public static RunReport Translate(RunReport report, string language, RequirementCatalogue? catalogue = null, EligibilityRuleSet? ruleSet = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        catalogue ??= TryLoad(RequirementCatalogue.LoadDefault);
        if (catalogue is not null && ruleSet is null)
        {
            ruleSet = TryLoad(() => EligibilityRuleSet.Load(EligibilityRuleSet.DefaultPath(report.Campaign), catalogue));
        }

        string RequirementTitle(string id, string title) =>
            catalogue is not null && catalogue.TryGet(id, out var requirement) ? requirement.Title(language) : title;

        string RuleTitle(string id, string title) =>
            ruleSet?.Rules.FirstOrDefault(rule => rule.Id == id)?.Title(language) ?? title;

        string? RuleDescription(string id, string? description) =>
            ruleSet?.Rules.FirstOrDefault(rule => rule.Id == id)?.Description(language) ?? description;

        return report with
        {
            Language = language,
            Requirements = [.. report.Requirements.Select(requirement => requirement with { Title = RequirementTitle(requirement.Id, requirement.Title) })],
            Checks = [.. report.Checks.Select(check => check with { Title = CheckCatalogue.Find(check.Id)?.Definition.Title(language) ?? check.Title })],
            Eligibility = [.. report.Eligibility.Select(rule => rule with { Title = RuleTitle(rule.Id, rule.Title), Description = RuleDescription(rule.Id, rule.Description) })],
            FixFirst = report.FixFirst?.Select(entry => entry with { Title = RequirementTitle(entry.Requirement, entry.Title) }).ToList(),
        };
    }

    private static T? TryLoad<T>(Func<T> load)
        where T : class
    {
        try
        {
            return load();
        }
        catch (Exception exception) when (exception is HarnessException or DirectoryNotFoundException or ArgumentException or IOException)
        {
            // Note: re-rendering a report away from the project (no profiles/) keeps the report's own titles.
            return null;
        }
    }
}
