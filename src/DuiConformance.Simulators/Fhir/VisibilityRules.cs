using Hl7.Fhir.Model;

namespace DuiConformance.Simulators.Fhir;

/// <summary>
/// The DMP's visibility and authorship rules on a metadata update (domain.md §3.5, §8.3 DMP-11, DMP-12): a document
/// already visible to the patient cannot be hidden from them (INVISIBLE_PATIENT added later is refused), and only the
/// author's organisation may mask a document or delete it (status <c>entered-in-error</c>).
/// </summary>
internal static class VisibilityRules
{
    /// <summary>TRE_A07: not visible to the patient.</summary>
    public const string InvisiblePatient = "INVISIBLE_PATIENT";

    /// <summary>Pro Santé Connect FINESS identifier system, and the national structure id system (1 + FINESS).</summary>
    private const string FinessSystem = "https://finess.esante.gouv.fr";
    private const string IdNatStSystem = "urn:oid:1.2.250.1.71.4.2.2";

    /// <summary>The refusal of changing <paramref name="before"/> into <paramref name="after"/>, or <c>null</c>.</summary>
    /// <param name="before">The stored version.</param>
    /// <param name="after">The patched version.</param>
    /// <param name="requesterFiness">The FINESS of the organisation the access token was issued to; <c>null</c> when unknown (no token required).</param>
    public static (FhirIssue Issue, int Status)? Check(DocumentReference before, DocumentReference after, string? requesterFiness)
    {
        var labelsBefore = Codes(before);
        var labelsAfter = Codes(after);
        if (labelsAfter.Contains(InvisiblePatient) && !labelsBefore.Contains(InvisiblePatient))
        {
            return (new FhirIssue(
                FhirSimulatorFindings.HideFromPatientRefused,
                OperationOutcome.IssueType.BusinessRule,
                "Ce document est déjà visible par le patient : il ne peut plus lui être masqué (INVISIBLE_PATIENT).",
                "DocumentReference.securityLabel"), 422);
        }

        var masking = !labelsBefore.SetEquals(labelsAfter);
        var deleting = after.Status == DocumentReferenceStatus.EnteredInError && before.Status != DocumentReferenceStatus.EnteredInError;
        var authors = AuthorFiness(before);
        if ((masking || deleting) && requesterFiness is not null && authors.Count > 0 && !authors.Contains(requesterFiness))
        {
            return (new FhirIssue(
                FhirSimulatorFindings.NotAuthorOrganisation,
                OperationOutcome.IssueType.Forbidden,
                $"Seule la structure auteur du document ({string.Join(", ", authors)}) peut le masquer ou le supprimer ; demande de la structure {requesterFiness}.",
                masking ? "DocumentReference.securityLabel" : "DocumentReference.status"), 403);
        }

        return null;
    }

    private static HashSet<string> Codes(DocumentReference document) =>
        [.. document.SecurityLabel.SelectMany(label => label.Coding).Select(coding => coding.Code).OfType<string>()];

    /// <summary>The FINESS of the document's custodian and author organisations (contained Organization, PractitionerRole.organization).</summary>
    private static HashSet<string> AuthorFiness(DocumentReference document)
    {
        var identifiers = new List<Identifier>();
        foreach (var contained in document.Contained)
        {
            switch (contained)
            {
                case Organization organisation:
                    identifiers.AddRange(organisation.Identifier);
                    break;
                case PractitionerRole { Organization.Identifier: { } organisation }:
                    identifiers.Add(organisation);
                    break;
                default:
                    break;
            }
        }

        var finess = new HashSet<string>(StringComparer.Ordinal);
        foreach (var identifier in identifiers)
        {
            if (identifier.Value is not { Length: > 0 } value)
            {
                continue;
            }

            if (identifier.System == FinessSystem)
            {
                finess.Add(value);
            }
            else if (identifier.System == IdNatStSystem && value.StartsWith('1'))
            {
                finess.Add(value[1..]);
            }
        }

        return finess;
    }
}
