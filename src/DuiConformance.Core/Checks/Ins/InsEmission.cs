using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Ins;

/// <summary>
/// One place where the DUI conveyed an INS (matricule + OID) or a patient identity: a CDA recordTarget, a FHIR Patient
/// or XDM metadata, with the traits sent alongside (domain.md §2.4).
/// </summary>
/// <param name="EvidenceId">The evidence item it was read from.</param>
/// <param name="Order">Position of that item in the evidence (recording order), to tell before from after.</param>
/// <param name="Channel"><c>CDA</c>, <c>FHIR</c> or <c>XDM</c>.</param>
/// <param name="Location">Where in the item.</param>
/// <param name="Document">A key of the document or message the emission belongs to (OID mixing is judged per document).</param>
/// <param name="Matricule">The INS matricule, or <c>null</c> when no INS was conveyed.</param>
/// <param name="Oid">The INS OID, or <c>null</c>.</param>
/// <param name="BirthName">Birth name sent (CDA family BR, FHIR officialName.family).</param>
/// <param name="FirstGivenName">The single given name sent (CDA given BR, FHIR officialName.given).</param>
/// <param name="GivenNames">The full list sent (CDA given without qualifier, FHIR birth-list-given-name).</param>
/// <param name="GivenCount">How many given names FHIR officialName carries (FR Core INS wants exactly one).</param>
/// <param name="BirthDate">Birth date, <c>yyyy-MM-dd</c>.</param>
/// <param name="Sex"><c>M</c>, <c>F</c>, or what was sent.</param>
/// <param name="BirthPlace">INSEE birth place (FHIR only).</param>
/// <param name="Status">The identity status the DUI declared (FHIR identityReliability; for a CDA, its bundle's Patient).</param>
public sealed record InsEmission(
    string EvidenceId,
    int Order,
    string Channel,
    FindingLocation Location,
    string Document,
    string? Matricule,
    string? Oid,
    string? BirthName,
    string? FirstGivenName,
    string? GivenNames,
    int GivenCount,
    string? BirthDate,
    string? Sex,
    string? BirthPlace,
    string? Status)
{
    /// <summary>True when an INS (matricule and INS OID) was conveyed.</summary>
    public bool HasIns => Matricule is not null;

    /// <summary>The person key used to relate emissions and INSi calls: birth name and birth date.</summary>
    public string PersonKey => InsPerson.Key(BirthName, BirthDate);
}
