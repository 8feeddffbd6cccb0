using DuiConformance.Scenarios.Definitions;

namespace DuiConformance.Scenarios.Drivers.Manual;

/// <summary>
/// The instruction of one action verb, as declared in <c>profiles/manual/instructions.yaml</c>: its text per language
/// (with placeholders still in it) and the traffic that proves the action by default.
/// </summary>
/// <param name="Action">A verb of <see cref="ActionVocabulary"/>.</param>
/// <param name="Texts">Text templates by language (<c>fr</c>, <c>en</c>).</param>
/// <param name="Proof">Traffic that proves the action when the scenario has no expectation right after it; <c>null</c> when nothing on the wire shows it.</param>
public sealed record ManualInstruction(string Action, IReadOnlyDictionary<string, ManualInstructionText> Texts, EvidenceExpectation? Proof);
