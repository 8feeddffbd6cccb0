namespace DuiConformance.Scenarios.Drivers.Manual;

/// <summary>One question of the manual driver, as a script answering it sees it.</summary>
/// <param name="Scenario">The scenario id from the last scenario banner.</param>
/// <param name="Action">The action verb from the step header.</param>
/// <param name="Header">The step header line.</param>
/// <param name="Lines">Every line printed since the header (the numbered instructions, the observation, the legend).</param>
/// <param name="Attempt">1 for the first question of the step, 2 and more when it is asked again (after <c>?</c> or an answer not understood).</param>
public sealed record ManualPrompt(string Scenario, string Action, string Header, IReadOnlyList<string> Lines, int Attempt);
