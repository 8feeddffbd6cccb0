namespace DuiConformance.Scenarios.Definitions;

/// <summary>The three kinds of scenario step (issue 6 §1).</summary>
public enum StepKind
{
    /// <summary>The driver makes the DUI do something (create a usager, publish to the DMP…).</summary>
    Action,

    /// <summary>Wait for a simulator to record matching traffic, with a timeout.</summary>
    Expectation,

    /// <summary>Run named checks over the evidence recorded so far in this scenario.</summary>
    Check,
}
