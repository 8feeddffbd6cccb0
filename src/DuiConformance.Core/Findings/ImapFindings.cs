namespace DuiConformance.Core.Findings;

/// <summary>
/// Finding codes for the DUI's IMAP sessions with the simulated MSSanté operator (band IMAP-4xxx, domain.md §4.2,
/// §8.5 MSS-02). Codes are permanent.
/// </summary>
public static class ImapFindings
{
    /// <summary>The client authenticated (LOGIN or AUTHENTICATE) before TLS was established, or without TLS at all.</summary>
    public static readonly FindingDefinition AuthBeforeTls = new("IMAP-4401", Severity.Error, "IMAP authentication before TLS", [MssRequirementIds.Sec02]);

    /// <summary>The TLS protocol negotiated was older than TLS 1.2, or unknown.</summary>
    public static readonly FindingDefinition TlsVersion = new("IMAP-4402", Severity.Error, "IMAP TLS version below 1.2", [MssRequirementIds.Sec02]);
}
