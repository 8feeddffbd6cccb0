namespace DuiConformance.Simulators.Smtp;

/// <summary>Who produced a transcript line.</summary>
public enum SmtpTranscriptDirection
{
    /// <summary>Sent by the client (the DUI); written <c>C:</c>.</summary>
    Client,

    /// <summary>Sent by the simulator; written <c>S:</c>.</summary>
    Server,

    /// <summary>An event of the session that is not a line on the wire (TLS established, DATA summary, fault); written <c>*</c>.</summary>
    Note,
}
