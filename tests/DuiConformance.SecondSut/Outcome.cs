namespace DuiConformance.SecondSut;

/// <summary>What an operation did: whether it worked, a French message, and the numbers it created (as hooks vars).</summary>
public sealed record Outcome(bool Ok, string Message, IReadOnlyDictionary<string, string> Vars)
{
    public static Outcome Fail(string message) => new(false, message, new Dictionary<string, string>());

    public static Outcome Done(string message, string? name = null, string? value = null) =>
        new(true, message, name is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [name] = value! });
}
