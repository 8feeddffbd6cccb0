using static DuiConformance.Core.Findings.MailSecurityRequirementIds;

namespace DuiConformance.Core.Findings;

/// <summary>Finding codes for SMTP submission authentication by Pro Santé Connect token (band SMTP-31xx, domain.md §4.2, §8.5 MSS-03). Codes are permanent.</summary>
public static class SmtpTokenFindings
{
    /// <summary>The message was submitted in a session authenticated by password (PLAIN, LOGIN) or not at all, not by XOAUTH2/OAUTHBEARER.</summary>
    public static readonly FindingDefinition NotTokenAuthenticated = new("SMTP-3101", Severity.Error, "SMTP submission not authenticated with a Pro Santé Connect token", [Sec03]);
}
