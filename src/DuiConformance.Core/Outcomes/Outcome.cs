namespace DuiConformance.Core.Outcomes;

/// <summary>
/// The result of a check, a scenario, a requirement or a whole run.
/// Precedence when combining: <see cref="Error"/> &gt; <see cref="Fail"/> &gt; <see cref="Skip"/> &gt; <see cref="Pass"/> &gt; <see cref="Omit"/>.
/// </summary>
public enum Outcome
{
    /// <summary>Not applicable here (a capability the DUI does not declare); never counts against it.</summary>
    Omit,

    /// <summary>Everything the check looked at conforms.</summary>
    Pass,

    /// <summary>Nothing to judge was recorded (the DUI did not produce the exchange); the requirement is not proven.</summary>
    Skip,

    /// <summary>The DUI did something the requirement forbids: read the findings for what and where.</summary>
    Fail,

    /// <summary>The harness itself failed (port in use, browser did not start): never the DUI's fault, re-run.</summary>
    Error,
}
