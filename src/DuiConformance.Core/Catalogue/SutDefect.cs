namespace DuiConformance.Core.Catalogue;

/// <summary>A defect the reference DUI can be switched into, and the requirements a run must then fail (DESIGN.md §4).</summary>
/// <param name="Name">Name given to <c>--sut-defect</c>.</param>
/// <param name="Description">What the DUI then does wrong.</param>
/// <param name="Requirements">Exactly the requirements that must fail; every other one must still pass.</param>
public sealed record SutDefect(string Name, string Description, IReadOnlyList<string> Requirements);
