namespace DuiConformance.Scenarios.Definitions;

/// <summary>One step of a scenario.</summary>
/// <param name="Id">Step id, unique in its scenario; stamped on the evidence recorded during the step.</param>
/// <param name="Kind">What the step does.</param>
/// <param name="Action">For <see cref="StepKind.Action"/>: a verb of <see cref="ActionVocabulary"/>.</param>
/// <param name="Parameters">For actions: extra values (<c>with:</c>), available to the driver.</param>
/// <param name="Expect">For <see cref="StepKind.Expectation"/>: the traffic to wait for.</param>
/// <param name="Checks">For <see cref="StepKind.Check"/>: the check ids to run.</param>
public sealed record ScenarioStep(
    string Id,
    StepKind Kind,
    string? Action,
    IReadOnlyDictionary<string, string> Parameters,
    EvidenceExpectation? Expect,
    IReadOnlyList<string> Checks);
