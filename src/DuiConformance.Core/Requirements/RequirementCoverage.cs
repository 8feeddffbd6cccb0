using System.Globalization;
using System.Text;
using DuiConformance.Core.Checks;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DuiConformance.Core.Requirements;

/// <summary>
/// The requirement → checks → scenarios table (<c>dui-conformance catalogue coverage</c>, issue 5): every requirement
/// of the catalogue with the checks that verify it and the scenarios that run them, and the wiring errors that make a
/// report lie (a requirement neither tested nor explained, a check or scenario naming an unknown requirement).
/// </summary>
public sealed class RequirementCoverage
{
    private RequirementCoverage(IReadOnlyList<CoverageRow> rows, IReadOnlyList<string> problems)
    {
        Rows = rows;
        Problems = problems;
    }

    /// <summary>One row per requirement, in catalogue order.</summary>
    public IReadOnlyList<CoverageRow> Rows { get; }

    /// <summary>
    /// What is wrong with the wiring, one sentence each: a requirement with neither a check nor a stated reason, a
    /// check or a scenario that names a requirement the catalogue does not hold, a scenario running an unknown check.
    /// Empty when the catalogue, the checks and the scenarios agree.
    /// </summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Builds the table.</summary>
    public static RequirementCoverage Build(RequirementCatalogue catalogue, IEnumerable<CheckDefinition> checks, IEnumerable<ScenarioCoverageEntry> scenarios)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(scenarios);
        var checkList = checks.ToList();
        var scenarioList = scenarios.ToList();
        var problems = new List<string>();
        foreach (var check in checkList)
        {
            problems.AddRange(check.Verifies
                .Where(id => !catalogue.Contains(id))
                .Select(id => $"check '{check.Id}' verifies '{id}', which is not in the requirement catalogue"));
        }

        var knownChecks = checkList.Select(check => check.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var scenario in scenarioList)
        {
            problems.AddRange(scenario.Verifies
                .Where(id => !catalogue.Contains(id))
                .Select(id => $"scenario '{scenario.Id}' ({scenario.File}) verifies '{id}', which is not in the requirement catalogue"));
            problems.AddRange(scenario.Checks
                .Where(id => !knownChecks.Contains(id))
                .Select(id => $"scenario '{scenario.Id}' ({scenario.File}) runs check '{id}', which is not in CheckCatalogue"));
        }

        var rows = new List<CoverageRow>();
        foreach (var requirement in catalogue.All)
        {
            var verifying = checkList.Where(check => check.Verifies.Contains(requirement.Id)).Select(check => check.Id).ToList();
            var inScenarios = scenarioList
                .Where(scenario => scenario.Verifies.Contains(requirement.Id) || scenario.Checks.Any(verifying.Contains))
                .Select(scenario => scenario.Id)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var row = new CoverageRow(requirement, verifying, inScenarios);
            if (!row.IsAccountedFor)
            {
                problems.Add($"requirement '{requirement.Id}' ({requirement.File}) is '{requirement.Verification.ToWireName()}' but has neither a check nor a stated reason (not_tested_reason)");
            }

            if (requirement.Verification == RequirementVerification.NotTested && verifying.Count > 0)
            {
                problems.Add($"requirement '{requirement.Id}' is marked not-tested but checks verify it ({string.Join(", ", verifying)}): mark it automated");
            }

            rows.Add(row);
        }

        return new RequirementCoverage(rows, problems);
    }

    /// <summary>
    /// The table as CSV (RFC 4180, UTF-8): <c>requirement,theme,level,verification,checks,scenarios,reason,domain_section,applies_to</c>;
    /// lists inside a field are separated by <c>;</c>.
    /// </summary>
    public string ToCsv()
    {
        var csv = new StringBuilder();
        csv.Append("requirement,theme,level,verification,checks,scenarios,reason,domain_section,applies_to\n");
        foreach (var row in Rows)
        {
            var requirement = row.Requirement;
            string[] fields =
            [
                requirement.Id,
                requirement.Theme,
                requirement.Level.ToWireName(),
                requirement.Verification.ToWireName(),
                string.Join(';', row.Checks),
                string.Join(';', row.Scenarios),
                requirement.NotTestedReason ?? string.Empty,
                requirement.DomainSection ?? string.Empty,
                string.Join(';', requirement.AppliesTo),
            ];
            csv.Append(string.Join(',', fields.Select(Quote))).Append('\n');
        }

        return csv.ToString();
    }

    /// <summary>
    /// Reads what every <c>*.yaml</c> scenario of a folder covers (its <c>id</c>, <c>verifies</c> and the ids of its
    /// <c>check</c> steps), without running the full scenario loader.
    /// </summary>
    /// <exception cref="HarnessException">A file is not readable YAML or has no id (code <see cref="RequirementCatalogue.LoadErrorCode"/>).</exception>
    public static IReadOnlyList<ScenarioCoverageEntry> ReadScenarios(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var entries = new List<ScenarioCoverageEntry>();
        foreach (var file in Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var stream = new YamlStream();
            try
            {
                using var reader = new StreamReader(file, Encoding.UTF8);
                stream.Load(reader);
            }
            catch (YamlException exception)
            {
                throw new HarnessException(RequirementCatalogue.LoadErrorCode, string.Create(CultureInfo.InvariantCulture, $"{file}:{exception.Start.Line}: {exception.Message}"), exception);
            }

            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                continue;
            }

            var id = Scalar(root, "id") ?? throw new HarnessException(RequirementCatalogue.LoadErrorCode, $"{file}: the scenario has no 'id'");
            var verifies = Sequence(root, "verifies").OfType<YamlScalarNode>().Select(node => node.Value ?? string.Empty).ToList();
            var checks = new List<string>();
            foreach (var step in Sequence(root, "steps").OfType<YamlMappingNode>())
            {
                if (step.Children.TryGetValue(new YamlScalarNode("check"), out var checkNode))
                {
                    checks.AddRange(checkNode switch
                    {
                        YamlSequenceNode sequence => sequence.OfType<YamlScalarNode>().Select(node => node.Value ?? string.Empty),
                        YamlScalarNode scalar => [scalar.Value ?? string.Empty],
                        _ => [],
                    });
                }
            }

            entries.Add(new ScenarioCoverageEntry(id, file, verifies, [.. checks.Distinct(StringComparer.Ordinal)]));
        }

        return entries;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    private static IEnumerable<YamlNode> Sequence(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlSequenceNode sequence ? sequence : [];

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
