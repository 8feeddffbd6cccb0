namespace DuiConformance.ReferenceDui.Storage;

/// <summary>A receipt matched to a message the DUI sent: a read receipt (MDN, RFC 8098) or a delivery receipt (DSN, RFC 3464).</summary>
/// <param name="MessageId">The sent message's Message-ID (MDN Original-Message-ID, DSN Original-Envelope-Id).</param>
/// <param name="Recipient">The recipient the receipt is about.</param>
/// <param name="Kind">"lecture" (MDN) or "remise" (DSN).</param>
/// <param name="Status">What it says, in French (e.g. "traité", "erreur 904 …", "remis").</param>
/// <param name="At">When the DUI retrieved it.</param>
internal sealed record MssReceipt(string MessageId, string Recipient, string Kind, string Status, DateTimeOffset At);
