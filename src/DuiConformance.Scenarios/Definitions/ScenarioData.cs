using System.Text.RegularExpressions;

namespace DuiConformance.Scenarios.Definitions;

/// <summary>
/// The values a scenario's actions use: flat keys such as <c>usager.birthName</c> (from a fixture document) or
/// <c>recipient</c>, plus <c>vars.*</c> captured while the scenario runs. Placeholders <c>{key}</c> are interpolated
/// from here.
/// </summary>
public sealed partial class ScenarioData
{
    private readonly Dictionary<string, string> _values;

    /// <summary>Creates data from initial values.</summary>
    public ScenarioData(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = new Dictionary<string, string>(values, StringComparer.Ordinal);
    }

    /// <summary>Every value, including captured variables.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>A copy for one run, so captured variables never leak between scenarios or runs.</summary>
    public ScenarioData Clone() => new(_values);

    /// <summary>Stores a variable captured during the run as <c>vars.&lt;name&gt;</c>.</summary>
    public void Capture(string name, string value) => _values["vars." + name] = value;

    /// <summary>Makes an action's <c>with:</c> parameter available to the UI map as <c>{with.&lt;name&gt;}</c> (replaced by the next action's).</summary>
    public void SetParameter(string name, string value) => _values["with." + name] = value;

    /// <summary>Replaces every <c>{key}</c> in <paramref name="template"/>; an unknown key is an error, not an empty string.</summary>
    /// <exception cref="KeyNotFoundException">A placeholder names no known value.</exception>
    public string Interpolate(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return Placeholder().Replace(template, match =>
        {
            var key = match.Groups[1].Value;
            return _values.TryGetValue(key, out var value)
                ? value
                : throw new KeyNotFoundException($"la valeur '{{{key}}}' n'est pas définie (connues : {string.Join(", ", _values.Keys.Order(StringComparer.Ordinal))})");
        });
    }

    [GeneratedRegex(@"\{([A-Za-z0-9_.\-]+)\}")]
    private static partial Regex Placeholder();
}
