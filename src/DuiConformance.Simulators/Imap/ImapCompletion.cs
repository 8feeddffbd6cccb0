namespace DuiConformance.Simulators.Imap;

/// <summary>How a handler's command completed: the text after <c>&lt;tag&gt; OK</c>, and whether EXPUNGE responses may precede it.</summary>
/// <param name="Text">The completion text, with an optional leading response code such as <c>[READ-WRITE]</c>.</param>
/// <param name="AllowExpunge">False for FETCH, STORE and SEARCH by sequence number, which must not be followed by EXPUNGE (RFC 3501 §7.4.1).</param>
public sealed record ImapCompletion(string Text, bool AllowExpunge = true);
