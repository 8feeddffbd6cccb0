namespace DuiConformance.Simulators.Insi;

/// <summary>
/// The traits of a <c>RECSANSVITALE</c> request (domain.md §2.2), as sent: the simulator matches on them, the checks
/// judge their form from the recorded bytes (INS-08).
/// </summary>
/// <param name="BirthName">NomNaissance.</param>
/// <param name="GivenName">Prenom (one given name per call).</param>
/// <param name="Sex">Sexe, <c>M</c> or <c>F</c>.</param>
/// <param name="BirthDate">DateNaissance.</param>
/// <param name="BirthPlace">LieuNaissance, optional.</param>
public sealed record InsiTraits(string BirthName, string GivenName, string Sex, DateOnly BirthDate, string? BirthPlace);
