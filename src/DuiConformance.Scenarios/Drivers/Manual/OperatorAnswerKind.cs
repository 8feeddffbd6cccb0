namespace DuiConformance.Scenarios.Drivers.Manual;

/// <summary>What a line typed by the operator of the manual driver means.</summary>
public enum OperatorAnswerKind
{
    /// <summary><c>o</c> (oui, fait) or <c>y</c>: the person did the action in their DUI.</summary>
    Done,

    /// <summary><c>n</c> followed by a reason: the DUI cannot do it.</summary>
    Impossible,

    /// <summary><c>p</c> (passer) or <c>s</c> (skip): the step is not performed, and is reported as skipped.</summary>
    Skip,

    /// <summary><c>?</c> or <c>h</c>: show the instruction again, the answers and the connection facts.</summary>
    Help,

    /// <summary>Anything else: the question is asked again.</summary>
    Unknown,
}
