namespace DuiConformance.Core.Findings;

/// <summary>
/// The shared requirement ids (DUI-&lt;THEME&gt;-&lt;nn&gt;) that findings and checks refer to. They are permanent:
/// the requirement catalogue, the profiles and the reports use the same strings.
/// </summary>
public static class RequirementIds
{
    /// <summary>realmCode FR exactly once and typeId 2.16.840.1.113883.1.3/POCD_HD000040 (domain.md §8.2 CDA-01).</summary>
    public const string Cda01 = "DUI-CDA-01";

    /// <summary>CI-SIS header templateIds and document identification (CDA-02, CDA-03).</summary>
    public const string Cda02 = "DUI-CDA-02";

    /// <summary>Header participants: recordTarget, legalAuthenticator, documentationOf, relatedDocument, componentOf (CDA-04).</summary>
    public const string Cda03 = "DUI-CDA-03";

    /// <summary>DLU volet header and mandatory sections (CDA-07).</summary>
    public const string Cda04 = "DUI-CDA-04";

    /// <summary>ITI-65 transaction bundle structure (PDSM-01).</summary>
    public const string Dmp01 = "DUI-DMP-01";

    /// <summary>DocumentReference metadata (PDSM-02).</summary>
    public const string Dmp02 = "DUI-DMP-02";

    /// <summary>Attachment size and SHA-1 hash equal the Binary bytes; contentType, title, language (PDSM-03).</summary>
    public const string Dmp03 = "DUI-DMP-03";

    /// <summary>X-MSS-NIL on every message (MSS-05).</summary>
    public const string Mss01 = "DUI-MSS-01";

    /// <summary>X-MSS-CODECDA / X-MSS-INS consistent with the CDA in the XDM (MSS-06).</summary>
    public const string Mss02 = "DUI-MSS-02";

    /// <summary>RFC 5322 basics: Message-ID, Date, From, body structure (MSS-08).</summary>
    public const string Mss03 = "DUI-MSS-03";

    /// <summary>IHE_XDM.ZIP layout and integrity (MSS-09).</summary>
    public const string Mss04 = "DUI-MSS-04";

    /// <summary>SMTP submission upgraded with STARTTLS (TLS 1.2 or later) before AUTH (MSS-01).</summary>
    public const string Sec01 = "DUI-SEC-01";

    /// <summary>Every id above, in catalogue order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Cda01, Cda02, Cda03, Cda04, Dmp01, Dmp02, Dmp03, Mss01, Mss02, Mss03, Mss04, Sec01];
}
