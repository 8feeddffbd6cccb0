namespace DuiConformance.ReferenceDui;

/// <summary>
/// The names of the deliberate defects the reference DUI can switch on (profiles/suts/reference-dui/defects.yaml).
/// Each one is a realistic mistake that exactly one requirement forbids.
/// </summary>
public static class ReferenceDuiDefects
{
    /// <summary>The IHE_XDM.ZIP attached to MSSanté messages has no METADATA.XML (must fail DUI-MSS-04).</summary>
    public const string XdmMissingMetadata = "xdm-missing-metadata";

    /// <summary>The CDA documents have no realmCode (must fail DUI-CDA-01).</summary>
    public const string CdaMissingRealm = "cda-missing-realm";

    /// <summary>The DocumentReference published to the DMP declares a wrong SHA-1 hash (must fail DUI-DMP-03).</summary>
    public const string DmpHashMismatch = "dmp-hash-mismatch";

    /// <summary>The INS is conveyed (CDA, FHIR, XDM) while the identity is only récupérée (must fail DUI-INS-03).</summary>
    public const string InsSentUnqualified = "ins-sent-unqualified";

    /// <summary>The given name exchanged is not the first birth given name of the INSi list (must fail DUI-INS-05).</summary>
    public const string FirstGivenNameNotFirst = "first-given-name-not-first";

    /// <summary>An INS retrieved from INSi with its production OID is emitted with the test OID .10 (must fail DUI-INS-02).</summary>
    public const string TestOidInProduction = "test-oid-in-production";

    /// <summary>An INSi verification returning another INS silently replaces the stored one (must fail DUI-INS-12).</summary>
    public const string StoredInsOverwrittenOnMismatch = "stored-ins-overwritten-on-mismatch";

    /// <summary>A new version of a document is published without relatesTo replaces (must fail DUI-DMP-10).</summary>
    public const string ReplacementWithoutRelatesTo = "replacement-without-relatesto";

    /// <summary>The masking PATCH also rewrites DocumentReference.date (must fail DUI-DMP-10).</summary>
    public const string PatchTouchesOtherElements = "patch-touches-other-elements";

    /// <summary>The DUI publishes without asking the DMP status first, so it feeds closed or absent DMPs (must fail DUI-DMP-09).</summary>
    public const string PublishesToClosedDmp = "publishes-to-closed-dmp";

    /// <summary>The DUI asks the DMP status but ignores the usager's opposition to feeding (must fail DUI-DMP-09).</summary>
    public const string FeedsDespiteOpposition = "feeds-despite-opposition";
    /// <summary>MSSanté messages never ask for a read receipt (no Disposition-Notification-To; must fail DUI-MSS-07).</summary>
    public const string NoReadReceiptRequest = "no-read-receipt-request";

    /// <summary>MSSanté submissions never ask for a delivery receipt (no NOTIFY on RCPT; must fail DUI-MSS-08).</summary>
    public const string NoDeliveryNotify = "no-delivery-notify";

    /// <summary>The Mon espace santé address is built from the 13-digit NIR without its key (must fail DUI-MES-01).</summary>
    public const string PatientAddressWithoutKey = "patient-address-without-key";

    /// <summary>A document marked INVISIBLE_PATIENT is still sent to the usager's Mon espace santé mailbox (must fail DUI-MES-02).</summary>
    public const string InvisibleDocumentToPatient = "invisible-document-to-patient";

    /// <summary>The mail client presents again a Pro Santé Connect token the operator refused as revoked (must fail DUI-SEC-04).</summary>
    public const string ReusesRevokedToken = "reuses-revoked-token";

    /// <summary>The XDM METADATA.XML patientId is the local IPP while the CDA carries the qualified INS (must fail DUI-MSS-05).</summary>
    public const string XdmMetadataWrongPatient = "xdm-metadata-wrong-patient";

    /// <summary>The operator's announced SIZE is ignored and a 552 refusal makes the DUI resubmit the same message (must fail DUI-MSS-10).</summary>
    public const string IgnoresSizeLimit = "ignores-size-limit";

    /// <summary>When the DMP refuses a submission (4xx/5xx with an OperationOutcome), the DUI says it was published (must fail DUI-DMP-13).</summary>
    public const string HidesDmpError = "hides-dmp-error";

    /// <summary>The ITI-105 simplified publication keeps an attachment.url next to the inline data (must fail DUI-DMP-14).</summary>
    public const string Iti105WithUrl = "iti105-with-url";

    /// <summary>Every defect name the reference DUI knows, in catalogue order.</summary>
    public static IReadOnlyList<string> Known { get; } =
        [XdmMissingMetadata, CdaMissingRealm, DmpHashMismatch, InsSentUnqualified, FirstGivenNameNotFirst, TestOidInProduction, StoredInsOverwrittenOnMismatch,
         ReplacementWithoutRelatesTo, PatchTouchesOtherElements, PublishesToClosedDmp, FeedsDespiteOpposition,

        NoReadReceiptRequest, NoDeliveryNotify, PatientAddressWithoutKey, InvisibleDocumentToPatient, ReusesRevokedToken,
        XdmMetadataWrongPatient, IgnoresSizeLimit, HidesDmpError, Iti105WithUrl];

    /// <summary>Throws when a name is not a known defect, listing the known ones.</summary>
    /// <exception cref="ArgumentException">A defect name is unknown.</exception>
    public static void Validate(IEnumerable<string> defects)
    {
        ArgumentNullException.ThrowIfNull(defects);
        var unknown = defects.Where(d => !Known.Contains(d, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"Défaut(s) inconnu(s) du DUI de référence : {string.Join(", ", unknown)}. "
                + $"Défauts connus : {string.Join(", ", Known)}.",
                nameof(defects));
        }
    }
}
