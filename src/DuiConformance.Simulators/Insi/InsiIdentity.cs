namespace DuiConformance.Simulators.Insi;

/// <summary>
/// A person the simulated INSi knows: the five reference traits (TIQ), the active INS and the earlier ones (domain.md
/// §2.1, §2.2). Synthetic, read from <c>fixtures/identities/*.yaml</c>.
/// </summary>
/// <param name="BirthName">NomNaissance, upper case.</param>
/// <param name="GivenNames">ListePrenom, in civil-status order; the first is the one exchanges carry (domain.md §2.4).</param>
/// <param name="Sex"><c>M</c> or <c>F</c>.</param>
/// <param name="BirthDate">DateNaissance.</param>
/// <param name="BirthPlace">LieuNaissance, an INSEE code.</param>
/// <param name="Ins">The active INS (INSACTIF).</param>
/// <param name="History">Earlier INS of the same person (INSHISTO).</param>
/// <param name="Source">The fixture file it was read from, for messages.</param>
public sealed record InsiIdentity(
    string BirthName,
    IReadOnlyList<string> GivenNames,
    string Sex,
    DateOnly BirthDate,
    string BirthPlace,
    InsiIns Ins,
    IReadOnlyList<InsiIns> History,
    string Source);
