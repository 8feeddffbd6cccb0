namespace DuiConformance.ReferenceDui.Storage;

/// <summary>One attempt to share a document: where (DMP, or MSSanté to a recipient), when, and how it ended.</summary>
internal sealed record DocumentEvent(string Channel, DateTimeOffset At, bool Succeeded, string Detail);
