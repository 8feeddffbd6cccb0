namespace DuiConformance.Core.Findings;

/// <summary>
/// The MSSanté and patient-messaging requirement ids of profiles/requirements/catalogue-mss.csv that the receipt,
/// restriction and patient-mailbox checks verify (domain.md §8.5 MSS-07, MSS-11, MSS-12, MSS-13). Permanent, like
/// <see cref="RequirementIds"/>.
/// </summary>
public static class MssRequirementIds
{
    /// <summary>MASQUE_PS never sent to a professional mailbox (MSS-11).</summary>
    public const string Mss06 = "DUI-MSS-06";

    /// <summary>Read receipt requested with Disposition-Notification-To (MSS-12).</summary>
    public const string Mss07 = "DUI-MSS-07";

    /// <summary>Delivery receipt requested with NOTIFY=SUCCESS,FAILURE (MSS-13).</summary>
    public const string Mss08 = "DUI-MSS-08";

    /// <summary>Patient mailbox address is a valid INS-NIR, X-MSS-MES rules (MSS-07).</summary>
    public const string Mes01 = "DUI-MES-01";

    /// <summary>INVISIBLE_PATIENT never sent to @patient.mssante.fr (MSS-11).</summary>
    public const string Mes02 = "DUI-MES-02";

    /// <summary>IMAP with STARTTLS or implicit TLS, TLS 1.2 or later, never an authentication before TLS (MSS-02).</summary>
    public const string Sec02 = "DUI-SEC-02";

    /// <summary>XDM METADATA.XML as ebRIM SubmitObjectsRequest with conforming metadata, as for the DMP (MSS-10).</summary>
    public const string Mss05 = "DUI-MSS-05";

    /// <summary>Message size checked before sending, the operator's 552 refusal shown to the user (MSS-15).</summary>
    public const string Mss10 = "DUI-MSS-10";

    /// <summary>Every id above, in catalogue order.</summary>
    public static IReadOnlyList<string> All { get; } = [Mss06, Mss07, Mss08, Mes01, Mes02, Sec02, Mss05,
        Mss10];
}
