namespace DuiConformance.Simulators.Fhir;

/// <summary>
/// What the simulated DMP knows of a usager's DMP (PDSm4DMP TD0.2, domain.md §3.4, §3.6): whether it may be fed.
/// </summary>
public enum DmpStatus
{
    /// <summary>The DMP exists and is open: it may be fed.</summary>
    Active,

    /// <summary>The DMP exists but is closed (<c>Patient.active = false</c>): it must not be fed.</summary>
    Closed,

    /// <summary>No DMP for this INS (empty searchset): nothing may be fed.</summary>
    Absent,

    /// <summary>The DMP is open but the usager opposed its feeding by this professional (domain.md §3.6).</summary>
    Opposed,
}
