namespace DuiConformance.Core.Findings;

/// <summary>The MSSanté security requirements (profiles/requirements/catalogue-mss.csv) that checks on the operator's evidence verify.</summary>
public static class MailSecurityRequirementIds
{
    /// <summary>IMAP: STARTTLS or implicit TLS, TLS 1.2 or later, never LOGIN before TLS (MSS-02).</summary>
    public const string Sec02 = "DUI-SEC-02";

    /// <summary>MSSanté: SASL XOAUTH2 authentication with a valid Pro Santé Connect token (MSS-03).</summary>
    public const string Sec03 = "DUI-SEC-03";

    /// <summary>MSSanté: after the PSC token is revoked the session stops and the stale token is not reused (MSS-04).</summary>
    public const string Sec04 = "DUI-SEC-04";

    /// <summary>Every id above, in catalogue order.</summary>
    public static IReadOnlyList<string> All { get; } = [Sec02, Sec03, Sec04];
}
