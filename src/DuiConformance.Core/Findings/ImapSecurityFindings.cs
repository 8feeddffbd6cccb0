using static DuiConformance.Core.Findings.MailSecurityRequirementIds;

namespace DuiConformance.Core.Findings;

/// <summary>Finding codes for IMAP session security at the simulated MSSanté operator (band IMAP-41xx, domain.md §4.2, §8.5 MSS-02/03). Codes are permanent.</summary>
public static class ImapSecurityFindings
{
    /// <summary>LOGIN or AUTHENTICATE was sent before TLS: the secret may have crossed the network in clear.</summary>
    public static readonly FindingDefinition LoginBeforeTls = new("IMAP-4101", Severity.Error, "IMAP LOGIN/AUTHENTICATE before TLS", [Sec02]);

    /// <summary>The client logged in on a session without TLS.</summary>
    public static readonly FindingDefinition NoTls = new("IMAP-4102", Severity.Error, "IMAP login without TLS", [Sec02]);

    /// <summary>The session's TLS version is below 1.2.</summary>
    public static readonly FindingDefinition TlsVersion = new("IMAP-4103", Severity.Error, "IMAP TLS version below 1.2", [Sec02]);

    /// <summary>The client logged in by password (LOGIN, PLAIN) instead of XOAUTH2/OAUTHBEARER with a Pro Santé Connect token.</summary>
    public static readonly FindingDefinition NotTokenAuthenticated = new("IMAP-4110", Severity.Error, "IMAP login not with a Pro Santé Connect token", [Sec03]);
}
