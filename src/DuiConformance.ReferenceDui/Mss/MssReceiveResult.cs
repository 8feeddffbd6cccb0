namespace DuiConformance.ReferenceDui.Mss;

/// <summary>What one retrieval of the MSSanté mailbox did, for the user.</summary>
/// <param name="Succeeded">False when the mailbox could not be read (the message says why).</param>
/// <param name="Filed">Messages filed into a usager's record.</param>
/// <param name="Unfiled">Messages kept aside because no usager matched.</param>
/// <param name="Receipts">Read and delivery receipts matched to sent messages.</param>
/// <param name="Message">The French summary or error shown to the user.</param>
internal sealed record MssReceiveResult(bool Succeeded, int Filed, int Unfiled, int Receipts, string Message);
