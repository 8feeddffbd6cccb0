using static DuiConformance.Core.Findings.MailSecurityRequirementIds;

namespace DuiConformance.Core.Findings;

/// <summary>
/// Finding codes for the revocation of the Pro Santé Connect token of the MSSanté IMAP sessions (band IMAP-46xx,
/// domain.md §4.2, §8.5 MSS-04). Codes are permanent.
/// </summary>
public static class ImapTokenRevocationFindings
{
    /// <summary>An IMAP AUTHENTICATE presented the revoked token again after the operator had refused it or closed its session.</summary>
    public static readonly FindingDefinition ImapRevokedTokenReused = new("IMAP-4601", Severity.Error, "IMAP AUTHENTICATE presents a revoked Pro Santé Connect token again", [Sec04]);

    /// <summary>After the revocation, no IMAP login succeeded with a fresh token although the DUI logged in with the revoked one before.</summary>
    public static readonly FindingDefinition ImapNoFreshToken = new("IMAP-4602", Severity.Error, "No IMAP login with a fresh Pro Santé Connect token after the revocation", [Sec04]);
}
