namespace DuiConformance.ReferenceDui.Hooks;

/// <summary>The answer to <c>POST actions/{action}</c>: whether the DUI did it, why not (French), and the ids it created.</summary>
internal sealed record HookActionResult(bool Succeeded, string? Message, IReadOnlyDictionary<string, string> Vars)
{
    public static HookActionResult Failed(string message) => new(false, message, new Dictionary<string, string>());

    public static HookActionResult Done(string? message, params (string Name, string Value)[] vars) =>
        new(true, message, vars.ToDictionary(pair => pair.Name, pair => pair.Value, StringComparer.Ordinal));
}
