using static DuiConformance.Core.Findings.RequirementIds;

namespace DuiConformance.Core.Findings;

/// <summary>
/// Finding codes for messages submitted to the simulated MSSanté operator (band SMTP-3xxx, domain.md §4.4, §4.5,
/// §8.5). Codes are permanent.
/// </summary>
public static class MailFindings
{
    /// <summary>The message could not be parsed as MIME at all.</summary>
    public static readonly FindingDefinition Unreadable = new("SMTP-3001", Severity.Error, "Message is not readable MIME", [Mss02, Mss03, Mss04]);

    /// <summary>X-MSS-NIL missing (Réf#2 ECO.2.4.3).</summary>
    public static readonly FindingDefinition NilMissing = new("SMTP-3002", Severity.Error, "X-MSS-NIL header missing", [Mss01]);

    /// <summary>X-MSS-NIL present but empty.</summary>
    public static readonly FindingDefinition NilEmpty = new("SMTP-3003", Severity.Error, "X-MSS-NIL header empty", [Mss01]);

    /// <summary>A CDA is attached in IHE_XDM.ZIP but X-MSS-CODECDA is missing (ECO.2.4.1).</summary>
    public static readonly FindingDefinition CodeCdaMissing = new("SMTP-3004", Severity.Error, "X-MSS-CODECDA missing while a CDA is attached", [Mss02]);

    /// <summary>X-MSS-CODECDA differs from the codes of the attached CDA documents.</summary>
    public static readonly FindingDefinition CodeCdaMismatch = new("SMTP-3005", Severity.Error, "X-MSS-CODECDA differs from the attached CDA codes", [Mss02]);

    /// <summary>A CDA is attached but X-MSS-INS is missing (ECO.2.4.2).</summary>
    public static readonly FindingDefinition InsMissing = new("SMTP-3006", Severity.Error, "X-MSS-INS missing while a CDA is attached", [Mss02]);

    /// <summary>X-MSS-INS is not O/N, or says O without a qualified INS (or N with one).</summary>
    public static readonly FindingDefinition InsMismatch = new("SMTP-3007", Severity.Error, "X-MSS-INS inconsistent with the attached CDA", [Mss02]);

    /// <summary>X-MSS-CODECDA or X-MSS-INS present on a message that carries no CDA.</summary>
    public static readonly FindingDefinition HeaderWithoutCda = new("SMTP-3008", Severity.Error, "X-MSS-CODECDA/X-MSS-INS present without CDA", [Mss02]);

    /// <summary>Message-ID missing or repeated (RFC 5322 §3.6).</summary>
    public static readonly FindingDefinition MessageIdCount = new("SMTP-3010", Severity.Error, "Exactly one Message-ID required", [Mss03]);

    /// <summary>Message-ID is not a valid msg-id (RFC 5322 §3.6.4).</summary>
    public static readonly FindingDefinition MessageIdSyntax = new("SMTP-3011", Severity.Error, "Message-ID syntax invalid", [Mss03]);

    /// <summary>Date missing or repeated (RFC 5322 §3.6).</summary>
    public static readonly FindingDefinition DateCount = new("SMTP-3012", Severity.Error, "Exactly one Date required", [Mss03]);

    /// <summary>Date is not a valid date-time (RFC 5322 §3.3).</summary>
    public static readonly FindingDefinition DateSyntax = new("SMTP-3013", Severity.Error, "Date syntax invalid", [Mss03]);

    /// <summary>From missing or repeated (RFC 5322 §3.6).</summary>
    public static readonly FindingDefinition FromCount = new("SMTP-3014", Severity.Error, "Exactly one From required", [Mss03]);

    /// <summary>From is not a valid mailbox-list (RFC 5322 §3.6.2).</summary>
    public static readonly FindingDefinition FromSyntax = new("SMTP-3015", Severity.Error, "From syntax invalid", [Mss03]);

    /// <summary>The top-level body is not text/plain, multipart/alternative, or multipart/mixed starting with one of them.</summary>
    public static readonly FindingDefinition BodyStructure = new("SMTP-3016", Severity.Error, "Body structure not allowed", [Mss03]);

    /// <summary>The message was not received over TLS.</summary>
    public static readonly FindingDefinition NoTls = new("SMTP-3020", Severity.Error, "Message received without TLS", [Sec01]);

    /// <summary>The TLS protocol was older than 1.2 or unknown.</summary>
    public static readonly FindingDefinition TlsVersion = new("SMTP-3021", Severity.Error, "TLS version below 1.2", [Sec01]);

    /// <summary>The message was submitted without SMTP AUTH.</summary>
    public static readonly FindingDefinition NoAuth = new("SMTP-3022", Severity.Error, "Message submitted without AUTH", [Sec01]);

    /// <summary>AUTH was issued before TLS was established.</summary>
    public static readonly FindingDefinition AuthBeforeTls = new("SMTP-3023", Severity.Error, "AUTH issued before TLS", [Sec01]);

    /// <summary>A Mon espace santé address whose local part is not a 15-digit INS-NIR with its key (domain.md §4.1, MSS-07).</summary>
    public static readonly FindingDefinition PatientAddressInvalid = new("SMTP-3401", Severity.Error, "Patient mailbox address is not a valid INS-NIR", [MssRequirementIds.Mes01]);

    /// <summary>X-MSS-MES with another value than FIN, or repeated (Réf#2 ECO.2.2.8).</summary>
    public static readonly FindingDefinition MesValueInvalid = new("SMTP-3402", Severity.Error, "X-MSS-MES value is not FIN", [MssRequirementIds.Mes01]);

    /// <summary>X-MSS-MES on a message with no @patient.mssante.fr recipient (Réf#2 ECO.2.2.8).</summary>
    public static readonly FindingDefinition MesWithoutPatient = new("SMTP-3403", Severity.Error, "X-MSS-MES on a message to no patient mailbox", [MssRequirementIds.Mes01]);

    /// <summary>No Disposition-Notification-To although a read receipt was asked (RFC 8098 §2.1, MSS-12).</summary>
    public static readonly FindingDefinition ReadReceiptNotRequested = new("SMTP-3410", Severity.Error, "Read receipt not requested (no Disposition-Notification-To)", [MssRequirementIds.Mss07]);

    /// <summary>Disposition-Notification-To unusable: not one address, or not the envelope sender (RFC 8098 §2.1).</summary>
    public static readonly FindingDefinition ReadReceiptAddressInvalid = new("SMTP-3411", Severity.Error, "Disposition-Notification-To is not the sender's single address", [MssRequirementIds.Mss07]);

    /// <summary>A RCPT without NOTIFY=SUCCESS,FAILURE although a delivery receipt was asked (RFC 3461 §4.1, MSS-13).</summary>
    public static readonly FindingDefinition DeliveryNotifyMissing = new("SMTP-3420", Severity.Error, "RCPT without NOTIFY=SUCCESS,FAILURE", [MssRequirementIds.Mss08]);

    /// <summary>No ENVID on MAIL FROM, so the returned DSN cannot be correlated with the message (RFC 3461 §4.4, MSS-13).</summary>
    public static readonly FindingDefinition DeliveryEnvelopeIdMissing = new("SMTP-3421", Severity.Error, "MAIL FROM without ENVID", [MssRequirementIds.Mss08]);
}
