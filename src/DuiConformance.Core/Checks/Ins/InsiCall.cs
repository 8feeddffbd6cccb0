namespace DuiConformance.Core.Checks.Ins;

/// <summary>
/// One recorded call to the simulated INSi and its answer (domain.md §2.2), as the INS checks need them: the request
/// traits, the client-certificate fact, and the answer's code, INS and TIQ.
/// </summary>
/// <param name="RequestId">Evidence id of the request.</param>
/// <param name="Order">Position of the response (or of the request when unanswered) in the evidence.</param>
/// <param name="BirthName">NomNaissance sent.</param>
/// <param name="GivenName">Prenom sent.</param>
/// <param name="Sex">Sexe sent.</param>
/// <param name="BirthDate">DateNaissance sent.</param>
/// <param name="CodeCr">00, 01, 02, or empty (fault, no answer).</param>
/// <param name="Matricule">INSACTIF matricule on 00.</param>
/// <param name="Oid">INSACTIF OID on 00.</param>
/// <param name="TiqBirthName">TIQ NomNaissance on 00.</param>
/// <param name="TiqGivenNames">TIQ ListePrenom on 00.</param>
/// <param name="TiqSex">TIQ Sexe on 00.</param>
/// <param name="TiqBirthDate">TIQ DateNaissance on 00.</param>
/// <param name="TiqBirthPlace">TIQ LieuNaissance on 00.</param>
public sealed record InsiCall(
    string RequestId,
    int Order,
    string? BirthName,
    string? GivenName,
    string? Sex,
    string? BirthDate,
    string CodeCr,
    string? Matricule,
    string? Oid,
    string? TiqBirthName,
    string? TiqGivenNames,
    string? TiqSex,
    string? TiqBirthDate,
    string? TiqBirthPlace)
{
    /// <summary>The person the request was about.</summary>
    public string PersonKey => InsPerson.Key(BirthName, BirthDate);
}
