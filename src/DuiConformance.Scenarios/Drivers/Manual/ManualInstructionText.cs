namespace DuiConformance.Scenarios.Drivers.Manual;

/// <summary>
/// What a person reads for one action in one language: a one-line title, the steps to do in their DUI, in order, and
/// what the harness will observe on the wire (or that it will see nothing and trust the answer).
/// </summary>
/// <param name="Title">One line, shown in the step header.</param>
/// <param name="Steps">What to do, in order; printed numbered.</param>
/// <param name="Observation">What the harness will see.</param>
public sealed record ManualInstructionText(string Title, IReadOnlyList<string> Steps, string Observation);
