using System.Globalization;
using DuiConformance.Core;
using DuiConformance.Scenarios.Definitions;
using DuiConformance.Scenarios.Yaml;

namespace DuiConformance.Scenarios.Drivers.Manual;

/// <summary>
/// The manual driver's instructions for every verb of <see cref="ActionVocabulary"/>, in French and English
/// (<c>profiles/manual/instructions.yaml</c>), and their rendering with a scenario's data.
/// </summary>
public sealed class ManualInstructionCatalogue
{
    /// <summary>The languages every instruction must have.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["fr", "en"];

    private readonly IReadOnlyDictionary<string, ManualInstruction> _instructions;
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> _labels;

    private ManualInstructionCatalogue(
        IReadOnlyDictionary<string, ManualInstruction> instructions,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> labels)
    {
        _instructions = instructions;
        _labels = labels;
    }

    /// <summary>The project's catalogue file.</summary>
    public static string DefaultPath => RepositoryLayout.Profile("manual", "instructions.yaml");

    /// <summary>Every instruction, by verb.</summary>
    public IReadOnlyDictionary<string, ManualInstruction> Instructions => _instructions;

    /// <summary>Loads a catalogue; refuses unknown verbs, missing verbs and missing languages with the line and column.</summary>
    /// <exception cref="HarnessException"><see cref="HarnessCodes.ManualInstructionsInvalid"/> when the file is missing or invalid.</exception>
    public static ManualInstructionCatalogue Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new HarnessException(HarnessCodes.ManualInstructionsInvalid, $"Catalogue des consignes du pilote manuel introuvable : '{path}'.");
        }

        try
        {
            var root = YamlNodeReader.Load(path);
            root.AllowOnly("labels", "actions");
            var instructions = new Dictionary<string, ManualInstruction>(StringComparer.Ordinal);
            var actions = root.Required("actions");
            foreach (var (action, node) in actions.Entries())
            {
                if (!ActionVocabulary.All.Contains(action))
                {
                    throw node.Error($"action inconnue '{action}' (connues : {string.Join(", ", ActionVocabulary.All.Order(StringComparer.Ordinal))})");
                }

                node.AllowOnly(["proof", .. Languages]);
                var texts = Languages.ToDictionary(language => language, language => ReadText(node.Required(language)), StringComparer.Ordinal);
                instructions[action] = new ManualInstruction(action, texts, ReadProof(node.Optional("proof")));
            }

            var missing = ActionVocabulary.All.Where(action => !instructions.ContainsKey(action)).Order(StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                throw actions.Error($"consignes manquantes pour : {string.Join(", ", missing)}");
            }

            return new ManualInstructionCatalogue(instructions, ReadLabels(root.Optional("labels")));
        }
        catch (YamlFormatException exception)
        {
            throw new HarnessException(HarnessCodes.ManualInstructionsInvalid, exception.Message, exception);
        }
    }

    /// <summary>
    /// The instruction of <paramref name="step"/> in <paramref name="language"/>, with the scenario's values filled in:
    /// <c>{usager.*}</c>, <c>{recipient}</c>, <c>{with.*}</c> (the step's parameters); an empty value prints as « — ».
    /// </summary>
    /// <exception cref="HarnessException"><see cref="HarnessCodes.ManualInstructionUnrenderable"/> when a placeholder names no value.</exception>
    public ManualInstructionText Render(ScenarioStep step, ScenarioData data, string language)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(data);
        var instruction = _instructions[step.Action ?? throw new ArgumentException("not an action step", nameof(step))];
        var text = instruction.Texts.TryGetValue(language, out var found) ? found : instruction.Texts["fr"];
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in data.Values)
        {
            values[key] = value;
        }

        foreach (var (key, value) in step.Parameters)
        {
            values["with." + key] = value;
        }

        var filled = new ScenarioData(values.ToDictionary(pair => pair.Key, pair => Display(pair.Key, pair.Value, language), StringComparer.Ordinal));
        try
        {
            return new ManualInstructionText(filled.Interpolate(text.Title), [.. text.Steps.Select(filled.Interpolate)], filled.Interpolate(text.Observation));
        }
        catch (KeyNotFoundException exception)
        {
            throw new HarnessException(HarnessCodes.ManualInstructionUnrenderable, $"Consigne « {step.Action} » de l'étape '{step.Id}' : {exception.Message}", exception);
        }
    }

    /// <summary>
    /// A value as a person reads it: « — » when empty, the catalogue's label when it has one (<c>VALI</c> → « validée
    /// (VALI) »), and in French an ISO date as <c>jj/mm/aaaa</c>.
    /// </summary>
    private string Display(string key, string value, string language)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "—";
        }

        if (_labels.TryGetValue(key, out var byValue) && byValue.TryGetValue(value, out var byLanguage))
        {
            return byLanguage.TryGetValue(language, out var label) ? label : byLanguage["fr"];
        }

        return language == "fr" && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
            : value;
    }

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> ReadLabels(YamlNodeReader? node)
    {
        var labels = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>>(StringComparer.Ordinal);
        foreach (var (key, values) in node?.Entries() ?? [])
        {
            var byValue = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
            foreach (var (value, texts) in values.Entries())
            {
                texts.AllowOnly([.. Languages]);
                byValue[value] = Languages.ToDictionary(language => language, texts.String, StringComparer.Ordinal);
            }

            labels[key] = byValue;
        }

        return labels;
    }

    private static ManualInstructionText ReadText(YamlNodeReader node)
    {
        node.AllowOnly("title", "steps", "observe");
        var steps = node.Required("steps").Scalars();
        if (steps.Count == 0)
        {
            throw node.Required("steps").Error("une consigne doit avoir au moins une étape");
        }

        return new ManualInstructionText(node.String("title"), steps, node.String("observe"));
    }

    private static EvidenceExpectation? ReadProof(YamlNodeReader? node)
    {
        if (node is null)
        {
            return null;
        }

        var properties = node.Entries().Where(entry => entry.Key != "kind").ToDictionary(entry => entry.Key, entry => entry.Value.Scalar(), StringComparer.Ordinal);
        return new EvidenceExpectation(node.String("kind"), properties, TimeSpan.Zero);
    }
}
