using DuiConformance.ReferenceDui.Storage;

namespace DuiConformance.ReferenceDui.Mss;

/// <summary>The MSSanté services of the DUI beyond plain sending: its tables, the checked outbox and the IMAP retrieval.</summary>
/// <param name="Store">Restrictions, oppositions, receipts and received messages.</param>
/// <param name="Outbox">Sends a document after the restriction, INS, opposition and size checks.</param>
/// <param name="Receiver">Retrieves and files the mailbox's messages and receipts.</param>
internal sealed record MssServices(MssStore Store, MssOutbox Outbox, MssReceiver Receiver);
