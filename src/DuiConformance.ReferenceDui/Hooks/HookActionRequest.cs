namespace DuiConformance.ReferenceDui.Hooks;

/// <summary>The body of <c>POST actions/{action}</c>: fixture fields and values, the step's parameters and the vars captured so far.</summary>
internal sealed record HookActionRequest(
    string? Scenario,
    string? Step,
    IReadOnlyDictionary<string, string>? Data,
    IReadOnlyDictionary<string, string>? Parameters,
    IReadOnlyDictionary<string, string>? Vars)
{
    public string Value(string key) => Data is not null && Data.TryGetValue(key, out var value) ? value : "";

    public string? Var(string name) => Vars is not null && Vars.TryGetValue(name, out var value) ? value : null;

    public string? Parameter(string name) => Parameters is not null && Parameters.TryGetValue(name, out var value) ? value : null;
}
