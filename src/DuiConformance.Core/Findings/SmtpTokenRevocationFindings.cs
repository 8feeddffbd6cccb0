using static DuiConformance.Core.Findings.MailSecurityRequirementIds;

namespace DuiConformance.Core.Findings;

/// <summary>
/// Finding codes for the revocation of the Pro Santé Connect token of the MSSanté SMTP sessions (band SMTP-36xx,
/// domain.md §4.2, §8.5 MSS-04). Codes are permanent.
/// </summary>
public static class SmtpTokenRevocationFindings
{
    /// <summary>An SMTP AUTH presented the revoked token again after the operator had refused it or closed its session.</summary>
    public static readonly FindingDefinition SmtpRevokedTokenReused = new("SMTP-3601", Severity.Error, "SMTP AUTH presents a revoked Pro Santé Connect token again", [Sec04]);

    /// <summary>A message was submitted after the revocation in a session authenticated by the revoked token.</summary>
    public static readonly FindingDefinition SmtpSessionContinued = new("SMTP-3602", Severity.Error, "SMTP session continued after its Pro Santé Connect token was revoked", [Sec04]);

    /// <summary>After the revocation, no SMTP AUTH succeeded with a fresh token although the DUI submitted with the revoked one before.</summary>
    public static readonly FindingDefinition SmtpNoFreshToken = new("SMTP-3603", Severity.Error, "No SMTP authentication with a fresh Pro Santé Connect token after the revocation", [Sec04]);
}
