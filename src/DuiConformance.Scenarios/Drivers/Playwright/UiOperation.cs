namespace DuiConformance.Scenarios.Drivers.Playwright;

/// <summary>One operation of a UI map action; string values may hold <c>{placeholders}</c>.</summary>
/// <param name="Kind">What to do.</param>
/// <param name="Target">The label, role, text, test id or path the operation addresses.</param>
/// <param name="Name">For <see cref="UiOperationKind.Click"/>: the accessible name.</param>
/// <param name="Value">For fill/select: the value; for read: the variable name.</param>
/// <param name="Source">File and line, for error messages.</param>
public sealed record UiOperation(UiOperationKind Kind, string Target, string? Name, string? Value, string Source)
{
    /// <summary>A short French description for step messages.</summary>
    public string Describe() => Kind switch
    {
        UiOperationKind.Goto => $"ouvrir {Target}",
        UiOperationKind.Fill => $"saisir « {Target} »",
        UiOperationKind.Select => $"choisir dans « {Target} »",
        UiOperationKind.Check => $"cocher « {Target} »",
        UiOperationKind.Click => $"cliquer sur {Target} « {Name} »",
        UiOperationKind.ExpectText => $"attendre le texte « {Target} »",
        UiOperationKind.ExpectStatus => $"attendre le message d'état « {Target} »",
        UiOperationKind.Read => $"lire [data-testid={Target}]",
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, $"Enum values have been added to {nameof(UiOperationKind)}."),
    };
}
