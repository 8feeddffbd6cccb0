namespace DuiConformance.Core;

/// <summary>
/// A fault of the harness itself (a port in use, the browser failing to start, a fixture missing): it becomes
/// <see cref="Outcomes.Outcome.Error"/>, never a failure of the DUI (STYLE.md rule 15).
/// </summary>
public sealed class HarnessException : Exception
{
    /// <summary>Creates the exception with its permanent <c>HARNESS-9xxx</c> code.</summary>
    public HarnessException(string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        Data["code"] = code;
    }

    /// <summary>The permanent <c>HARNESS-9xxx</c> code: what kind of environment fault to look for.</summary>
    public string Code { get; }
}
