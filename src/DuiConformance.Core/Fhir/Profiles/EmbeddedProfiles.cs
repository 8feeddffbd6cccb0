using Hl7.Fhir.Model;

namespace DuiConformance.Core.Fhir.Profiles;

/// <summary>
/// The canonical URLs of our own definitions in <c>profiles/fhir/</c> (written from domain.md §2, §3.4–3.5; they are
/// not the official PDSm/FR Core artefacts) and which one applies by default to a resource that names no loaded
/// profile.
/// </summary>
public static class EmbeddedProfiles
{
    /// <summary>Base of our canonicals (the <c>.invalid</c> domain: never confused with an official one).</summary>
    public const string Base = "https://dui-conformance.invalid/fhir/StructureDefinition/";

    /// <summary>FR Core Patient (identity reliability, identifiers, names).</summary>
    public const string Patient = Base + "dui-fr-core-patient";

    /// <summary>FR Core Patient carrying an INS (domain.md §2.3–2.4).</summary>
    public const string PatientIns = Base + "dui-fr-core-patient-ins";

    /// <summary>PDSm comprehensive DocumentReference (domain.md §3.4).</summary>
    public const string DocumentReference = Base + "dui-pdsm-comprehensive-document-reference";

    /// <summary>PDSm SubmissionSet List (domain.md §3.4).</summary>
    public const string SubmissionSet = Base + "dui-pdsm-submissionset";

    /// <summary>PDSm ITI-65 Provide Document Bundle (domain.md §3.4).</summary>
    public const string ProvideDocumentBundle = Base + "dui-pdsm-provide-document-bundle";

    /// <summary>PDSm ITI-105 simplified publish DocumentReference (domain.md §3.4).</summary>
    public const string SimplifiedPublish = Base + "dui-pdsm-simplified-publish";

    private static readonly string[] InsOids = ["urn:oid:1.2.250.1.213.1.4.8", "urn:oid:1.2.250.1.213.1.4.9", "urn:oid:1.2.250.1.213.1.4.10", "urn:oid:1.2.250.1.213.1.4.11"];

    /// <summary>
    /// True when our profiles stand in for the declared profile <paramref name="canonical"/>: PDSm (and PDSm4DMP),
    /// IHE MHD and FR Core. Other families (TDDUI, Annuaire...) get no stand-in.
    /// </summary>
    public static bool StandsInFor(string? canonical) =>
        canonical is not null && (canonical.Contains("/ig/fhir/pdsm", StringComparison.Ordinal)
            || canonical.Contains("profiles.ihe.net/ITI/MHD", StringComparison.Ordinal)
            || canonical.Contains("hl7.fr/ig/fhir/core", StringComparison.Ordinal)
            || canonical.StartsWith(Base, StringComparison.Ordinal));

    /// <summary>Our profile for <paramref name="resource"/> by its type and shape, or <c>null</c> when we have none.</summary>
    public static string? DefaultFor(Resource resource) => resource switch
    {
        Bundle { Type: Bundle.BundleType.Transaction } => ProvideDocumentBundle,
        Hl7.Fhir.Model.DocumentReference reference when reference.Content.Any(content => content.Attachment?.Data is not null && content.Attachment.Url is null) => SimplifiedPublish,
        Hl7.Fhir.Model.DocumentReference => DocumentReference,
        List list when list.Code?.Coding.Any(coding => coding.Code == "submissionset") == true => SubmissionSet,
        Hl7.Fhir.Model.Patient patient when patient.Identifier.Any(identifier => InsOids.Contains(identifier.System, StringComparer.Ordinal)) => PatientIns,
        Hl7.Fhir.Model.Patient => Patient,
        _ => null,
    };
}
