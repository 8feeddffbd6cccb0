namespace DuiConformance.ReferenceDui.Storage;

/// <summary>A message retrieved from the DUI's MSSanté mailbox and filed into a usager's record (or left unfiled).</summary>
/// <param name="Id">Local id (0 until stored).</param>
/// <param name="UsagerId">The usager it was filed to, or <c>null</c> when no usager matched.</param>
/// <param name="MessageId">The RFC 5322 Message-ID, without angle brackets.</param>
/// <param name="Sender">The sender's address.</param>
/// <param name="SenderLabel">How the sender is shown: the display name, or for a Mon espace santé sender the usager's name and INS (SC.MSS/UX.31).</param>
/// <param name="Subject">The subject as shown, with the <c>XDM/1.0/DDM+</c> prefix stripped (SC.MSS/UX.28).</param>
/// <param name="ReceivedAt">When the DUI retrieved it.</param>
/// <param name="MatchedBy">How the usager was found (INS of the CDA, address of the patient mailbox…), in French.</param>
/// <param name="CdaTitle">The title of the attached CDA document, when there is one.</param>
/// <param name="Cda">The attached CDA document's exact bytes, when there is one.</param>
internal sealed record ReceivedMessage(
    long Id,
    long? UsagerId,
    string MessageId,
    string Sender,
    string SenderLabel,
    string Subject,
    DateTimeOffset ReceivedAt,
    string MatchedBy,
    string? CdaTitle,
    byte[]? Cda);
