using System.Globalization;
using DuiConformance.Scenarios.Definitions;
using DuiConformance.Scenarios.Yaml;

namespace DuiConformance.Scenarios.Drivers.Playwright;

/// <summary>
/// How to perform each action on one SUT's web UI (<c>profiles/suts/&lt;sut&gt;/ui-map.yaml</c>): a list of primitive
/// operations per action, with locators by role and label so the map survives cosmetic changes of the pages.
/// </summary>
public sealed class UiMap
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<UiOperation>> _actions;

    private UiMap(string sut, IReadOnlyDictionary<string, IReadOnlyList<UiOperation>> actions)
    {
        Sut = sut;
        _actions = actions;
    }

    /// <summary>The SUT this map drives.</summary>
    public string Sut { get; }

    /// <summary>The actions this map knows.</summary>
    public IEnumerable<string> Actions => _actions.Keys;

    /// <summary>The operations of an action, or null when the map does not support it.</summary>
    public IReadOnlyList<UiOperation>? For(string action) => _actions.TryGetValue(action, out var operations) ? operations : null;

    /// <summary>Loads a UI map; an error names its line and column.</summary>
    public static UiMap Load(string path)
    {
        var root = YamlNodeReader.Load(path);
        root.AllowOnly("sut", "actions");
        var actions = new Dictionary<string, IReadOnlyList<UiOperation>>(StringComparer.Ordinal);
        foreach (var (action, operations) in root.Required("actions").Entries())
        {
            if (!ActionVocabulary.All.Contains(action))
            {
                throw operations.Error($"action inconnue '{action}'");
            }

            actions[action] = [.. operations.Items().Select(ReadOperation)];
        }

        return new UiMap(root.String("sut"), actions);
    }

    private static UiOperation ReadOperation(YamlNodeReader node)
    {
        var entries = node.Entries();
        if (entries.Count != 1)
        {
            throw node.Error("une opération est un dictionnaire d'une seule clé (goto, fill, select, check, click, expectText, expectStatus, read)");
        }

        var (verb, value) = entries[0];
        var source = string.Create(CultureInfo.InvariantCulture, $"{node.File}:{node.Node.Start.Line}");
        switch (verb)
        {
            case "goto":
                return new UiOperation(UiOperationKind.Goto, value.Scalar(), null, null, source);
            case "expectText":
                return new UiOperation(UiOperationKind.ExpectText, value.Scalar(), null, null, source);
            case "expectStatus":
                return new UiOperation(UiOperationKind.ExpectStatus, value.Scalar(), null, null, source);
            case "fill":
                value.AllowOnly("label", "value");
                return new UiOperation(UiOperationKind.Fill, value.String("label"), null, value.String("value"), source);
            case "select":
                value.AllowOnly("label", "value");
                return new UiOperation(UiOperationKind.Select, value.String("label"), null, value.String("value"), source);
            case "check":
                value.AllowOnly("label");
                return new UiOperation(UiOperationKind.Check, value.String("label"), null, null, source);
            case "click":
                value.AllowOnly("role", "name");
                return new UiOperation(UiOperationKind.Click, value.String("role"), value.String("name"), null, source);
            case "read":
                value.AllowOnly("testId", "into");
                return new UiOperation(UiOperationKind.Read, value.String("testId"), null, value.String("into"), source);
            default:
                throw node.Error($"opération inconnue '{verb}' (goto, fill, select, check, click, expectText, expectStatus, read)");
        }
    }
}
