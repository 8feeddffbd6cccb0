namespace DuiConformance.Simulators.Psc;

/// <summary>The verdict of <see cref="PscTokenValidator.Validate"/> on one bearer token.</summary>
/// <param name="Error">Why the token is refused, or <see cref="PscTokenError.None"/>.</param>
/// <param name="Description">A French sentence for the <c>error_description</c> / OperationOutcome; empty when valid.</param>
/// <param name="Principal">Who the token speaks for, when valid.</param>
public sealed record PscTokenValidation(PscTokenError Error, string Description, PscPrincipal? Principal)
{
    /// <summary>True when the token may be accepted (<see cref="Principal"/> is then set).</summary>
    public bool IsValid => Error == PscTokenError.None && Principal is not null;

    internal static PscTokenValidation Refused(PscTokenError error, string description) => new(error, description, null);
}
