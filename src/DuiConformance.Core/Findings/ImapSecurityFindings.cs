using static DuiConformance.Core.Findings.MailSecurityRequirementIds;

namespace DuiConformance.Core.Findings;

/// <summary>
/// Finding codes for IMAP session security at the simulated MSSanté operator (band IMAP-41xx, domain.md §4.2, §8.5
/// MSS-03). Codes are permanent; IMAP-4101..4103 are retired (TLS before login is judged by ImapFindings, IMAP-44xx).
/// </summary>
public static class ImapSecurityFindings
{
    /// <summary>The client logged in by password (LOGIN, PLAIN) instead of XOAUTH2/OAUTHBEARER with a Pro Santé Connect token.</summary>
    public static readonly FindingDefinition NotTokenAuthenticated = new("IMAP-4110", Severity.Error, "IMAP login not with a Pro Santé Connect token", [Sec03]);
}
