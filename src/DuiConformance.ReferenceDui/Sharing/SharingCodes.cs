namespace DuiConformance.ReferenceDui.Sharing;

/// <summary>
/// The metadata codes the DUI declares when it shares a DLU, in both spellings: the OID used by XDS/XDM
/// (domain.md §3.3) and the canonical URL used by FHIR PDSm (as in the ANS PDSm examples, domain.md §3.4).
/// </summary>
internal static class SharingCodes
{
    /// <summary>One coded value in its XDS and FHIR spellings.</summary>
    public sealed record Code(string Value, string Display, string Oid, string FhirSystem);

    /// <summary>typeCode: the CDA code, LOINC 74207-2.</summary>
    public static readonly Code Type = new("74207-2", "Dossier de liaison d'urgence", "2.16.840.1.113883.6.1", "http://loinc.org");

    /// <summary>classCode (TRE_A03-ClasseDocument, JDV_J06/J57): 11, synthèse.</summary>
    public static readonly Code Class = new("11", "Synthèse", "1.2.250.1.213.1.1.4.1",
        "https://mos.esante.gouv.fr/NOS/TRE_A03-ClasseDocument/FHIR/TRE-A03-ClasseDocument");

    /// <summary>formatCode (TRE_A06-FormatCodeComplementaire, JDV_J10/J60) of the DLU volet.</summary>
    public static readonly Code Format = new("urn:asip:ci-sis:dlu:2015", "Document de liaison d'urgence", "1.2.250.1.213.1.1.4.2.282",
        "https://mos.esante.gouv.fr/NOS/TRE_A06-FormatCodeComplementaire/FHIR/TRE-A06-FormatCodeComplementaire");

    /// <summary>healthcareFacilityTypeCode / facilityType (TRE_R02-SecteurActivite, JDV_J02/J61): SA17, as in the CDA.</summary>
    public static readonly Code FacilityType = new("SA17", "Etablissement pour personnes âgées", "1.2.250.1.71.4.2.4",
        "https://mos.esante.gouv.fr/NOS/TRE_R02-SecteurActivite/FHIR/TRE-R02-SecteurActivite");

    /// <summary>practiceSettingCode (TRE_A01-CadreExercice, JDV_J04/J62): ESSMS, as in the CDA.</summary>
    public static readonly Code PracticeSetting = new("ESSMS", "Etablissement ou Service Social ou Médico-Social", "1.2.250.1.213.1.1.4.9",
        "https://mos.esante.gouv.fr/NOS/TRE_A01-CadreExercice/FHIR/TRE-A01-CadreExercice");

    /// <summary>confidentialityCode / securityLabel: N (normal), HL7 v3 Confidentiality.</summary>
    public static readonly Code Confidentiality = new("N", "Normal", "2.16.840.1.113883.5.25",
        "http://terminology.hl7.org/CodeSystem/v3-Confidentiality");

    /// <summary>SubmissionSet contentTypeCode / designationType: the establishment's sector, TRE_R02 SA17.</summary>
    public static readonly Code ContentType = FacilityType;

    /// <summary>XDS / MHD MIME type of a CDA document.</summary>
    public const string CdaMimeType = "text/xml";

    /// <summary>Language of the documents.</summary>
    public const string Language = "fr-FR";

    /// <summary>OID of TRE_A07-StatutVisibiliteDocument (domain.md §3.5).</summary>
    public const string VisibilityOid = "1.2.250.1.213.1.1.4.13";

    /// <summary>Not visible to the patient (TRE_A07).</summary>
    public static readonly Code InvisiblePatient = new("INVISIBLE_PATIENT", "Non visible par le patient", VisibilityOid,
        "https://mos.esante.gouv.fr/NOS/TRE_A07-StatutVisibiliteDocument/FHIR/TRE-A07-StatutVisibiliteDocument");

    /// <summary>Hidden from health professionals (TRE_A07).</summary>
    public static readonly Code MaskedFromProfessionals = new("MASQUE_PS", "Masqué aux professionnels de santé", VisibilityOid,
        "https://mos.esante.gouv.fr/NOS/TRE_A07-StatutVisibiliteDocument/FHIR/TRE-A07-StatutVisibiliteDocument");

    /// <summary>The TRE_A07 code of a restriction value, or <c>null</c> for none or an unknown value.</summary>
    public static Code? Visibility(string? restriction) => restriction switch
    {
        "INVISIBLE_PATIENT" => InvisiblePatient,
        "MASQUE_PS" => MaskedFromProfessionals,
        _ => null,
    };
}
