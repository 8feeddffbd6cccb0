namespace DuiConformance.Core.Eligibility;

/// <summary>An official text a rule set applies: its reference, date and where to read it.</summary>
/// <param name="Reference">The instruction number, e.g. <c>DNS/DGCS/CNSA/2025/40</c>.</param>
/// <param name="Date">The date it was signed.</param>
/// <param name="Title">Its title, when known.</param>
/// <param name="Url">Where it is published, when known.</param>
public sealed record InstructionReference(string Reference, DateOnly Date, string? Title, string? Url);
