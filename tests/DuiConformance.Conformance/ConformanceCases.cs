using DuiConformance.Core;
using DuiConformance.Core.Checks;
using DuiConformance.Scenarios.Definitions;

namespace DuiConformance.Conformance;

/// <summary>
/// One NUnit test case per scenario of <c>profiles/scenarios/</c>, named after the scenario id, carrying the
/// requirements it verifies as <c>Requirement</c> properties and as categories (so
/// <c>dotnet test --filter TestCategory=DUI-INS-09</c> selects them), and its theme(s) as <c>Theme</c> properties.
/// </summary>
public static class ConformanceCases
{
    /// <summary>Every scenario as a test case (argument: the scenario id).</summary>
    public static IEnumerable<TestCaseData> All()
    {
        var checks = CheckCatalogue.All.Select(check => check.Definition.Id).ToList();
        foreach (var scenario in new ScenarioLoader(RepositoryLayout.Fixtures, checks).LoadDirectory(RepositoryLayout.Profile("scenarios")))
        {
            var data = new TestCaseData(scenario.Id).SetName(scenario.Id).SetDescription(scenario.TitleFr);
            foreach (var requirement in scenario.Verifies)
            {
                data = data.SetProperty("Requirement", requirement).SetCategory(requirement);
            }

            foreach (var theme in scenario.Verifies.Select(requirement => requirement.Split('-')[1]).Distinct(StringComparer.Ordinal))
            {
                data = data.SetProperty("Theme", theme);
            }

            yield return data;
        }
    }
}
