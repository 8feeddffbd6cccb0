using System.Text.RegularExpressions;
using DuiConformance.Scenarios.Yaml;

namespace DuiConformance.Scenarios.Definitions;

/// <summary>
/// Loads scenario files. A file with an error is refused with its line and column (<see cref="YamlFormatException"/>):
/// unknown keys, unknown actions, unknown check ids, duplicate step ids and missing fixtures are all errors.
/// </summary>
public sealed partial class ScenarioLoader
{
    private readonly string _fixturesDirectory;
    private readonly IReadOnlySet<string> _knownChecks;

    /// <summary>Creates a loader resolving fixture paths under <paramref name="fixturesDirectory"/>.</summary>
    /// <param name="fixturesDirectory">The project's <c>fixtures/</c> folder.</param>
    /// <param name="knownChecks">Check ids a <c>check:</c> step may name.</param>
    public ScenarioLoader(string fixturesDirectory, IEnumerable<string> knownChecks)
    {
        _fixturesDirectory = fixturesDirectory;
        _knownChecks = new HashSet<string>(knownChecks, StringComparer.Ordinal);
    }

    /// <summary>Loads every <c>*.yaml</c> of a folder, ordered by file name.</summary>
    public IReadOnlyList<ScenarioDefinition> LoadDirectory(string directory)
    {
        var scenarios = Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal).Select(Load).ToList();
        var duplicate = scenarios.GroupBy(scenario => scenario.Id, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new YamlFormatException(Path.GetFileName(duplicate.Last().SourceFile), 1, 1, $"l'identifiant de scénario '{duplicate.Key}' est déjà utilisé");
        }

        return scenarios;
    }

    /// <summary>Loads one scenario file.</summary>
    public ScenarioDefinition Load(string path)
    {
        var root = YamlNodeReader.Load(path);
        root.AllowOnly("id", "title", "description", "verifies", "data", "steps");
        var id = root.String("id");
        if (!ScenarioId().IsMatch(id))
        {
            throw root.Required("id").Error($"identifiant de scénario invalide '{id}' (minuscules, chiffres et tirets)");
        }

        var title = root.Required("title");
        title.AllowOnly("fr", "en");
        var verifies = root.Optional("verifies")?.Scalars() ?? [];
        var data = ReadData(root.Optional("data"));
        var steps = root.Required("steps").Items().Select(ReadStep).ToList();
        if (steps.Count == 0)
        {
            throw root.Required("steps").Error("un scénario doit avoir au moins une étape");
        }

        var duplicate = steps.GroupBy(step => step.Id, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw root.Required("steps").Error($"l'identifiant d'étape '{duplicate.Key}' est utilisé deux fois");
        }

        return new ScenarioDefinition(id, title.String("fr"), title.OptionalString("en") ?? title.String("fr"), verifies, data, steps, path);
    }

    private ScenarioData ReadData(YamlNodeReader? node)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is null)
        {
            return new ScenarioData(values);
        }

        node.AllowOnly("fixtures", "values");
        foreach (var (name, fixture) in node.Optional("fixtures")?.Entries() ?? [])
        {
            var relative = fixture.Scalar();
            var full = Path.GetFullPath(Path.Combine(_fixturesDirectory, relative));
            if (!full.StartsWith(Path.GetFullPath(_fixturesDirectory), StringComparison.Ordinal) || !File.Exists(full))
            {
                throw fixture.Error($"fixture introuvable sous fixtures/ : '{relative}'");
            }

            foreach (var (field, value) in YamlNodeReader.Load(full).Entries())
            {
                values[name + "." + field] = value.IsSequence ? string.Join(' ', value.Scalars()) : value.Scalar();
            }
        }

        foreach (var (name, value) in node.Optional("values")?.Entries() ?? [])
        {
            values[name] = value.Scalar();
        }

        return new ScenarioData(values);
    }

    private ScenarioStep ReadStep(YamlNodeReader node)
    {
        node.AllowOnly("id", "action", "with", "expect", "check", "title");
        var id = node.String("id");
        var kinds = new[] { "action", "expect", "check" }.Where(key => node.Optional(key) is not null).ToList();
        if (kinds.Count != 1)
        {
            throw node.Error($"l'étape '{id}' doit avoir exactement une clé parmi action, expect, check");
        }

        switch (kinds[0])
        {
            case "action":
                var action = node.String("action");
                if (!ActionVocabulary.All.Contains(action))
                {
                    throw node.Required("action").Error($"action inconnue '{action}' (connues : {string.Join(", ", ActionVocabulary.All.Order(StringComparer.Ordinal))})");
                }

                var parameters = (node.Optional("with")?.Entries() ?? []).ToDictionary(entry => entry.Key, entry => entry.Value.Scalar(), StringComparer.Ordinal);
                return new ScenarioStep(id, StepKind.Action, action, parameters, null, []);

            case "expect":
                var expect = node.Required("expect");
                var kind = expect.String("kind");
                var timeout = expect.Optional("timeout")?.Duration() ?? TimeSpan.FromSeconds(30);
                var properties = expect.Entries()
                    .Where(entry => entry.Key is not "kind" and not "timeout" and not "absent")
                    .ToDictionary(entry => entry.Key, entry => entry.Value.Scalar(), StringComparer.Ordinal);
                return new ScenarioStep(id, StepKind.Expectation, null, new Dictionary<string, string>(), new EvidenceExpectation(kind, properties, timeout, ReadAbsent(expect)), []);

            default:
                var checkNode = node.Required("check");
                var checks = checkNode.Scalars();
                var unknown = checks.FirstOrDefault(check => !_knownChecks.Contains(check));
                if (unknown is not null)
                {
                    throw checkNode.Error($"contrôle inconnu '{unknown}'");
                }

                return new ScenarioStep(id, StepKind.Check, null, new Dictionary<string, string>(), null, checks);
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex ScenarioId();

    private static bool ReadAbsent(YamlNodeReader expect)
    {
        var node = expect.Optional("absent");
        return node?.Scalar() switch
        {
            null or "false" => false,
            "true" => true,
            _ => throw node.Error("absent vaut true ou false"),
        };
    }
}
