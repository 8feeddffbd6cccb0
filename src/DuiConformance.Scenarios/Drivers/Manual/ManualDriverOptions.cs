namespace DuiConformance.Scenarios.Drivers.Manual;

/// <summary>How the manual driver talks to its operator and how long it waits.</summary>
public sealed record ManualDriverOptions
{
    /// <summary>Language of the instructions, <c>fr</c> (default) or <c>en</c>.</summary>
    public string Language { get; init; } = "fr";

    /// <summary>
    /// Longest wait for the proving traffic or an answer on one step; then the step fails. Default 30 minutes: an
    /// on-site visit leaves time to find a screen in an unfamiliar DUI, not to leave the harness waiting all day.
    /// </summary>
    public TimeSpan AnswerTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>How often a waiting step prints a reminder of what it waits for. Default 2 minutes.</summary>
    public TimeSpan ReminderInterval { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The services to configure in the DUI, printed before the first scenario.</summary>
    public IReadOnlyList<ConnectionFactGroup> ConnectionFacts { get; init; } = [];

    /// <summary>Clock for timeouts and reminders.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
