namespace DuiConformance.Simulators.Imap;

/// <summary>
/// Thrown by a command handler to refuse a command: the session loop (the only place that catches it) writes
/// <c>&lt;tag&gt; NO</c> or <c>&lt;tag&gt; BAD</c> and goes on (STYLE.md rule 7). It is the client's behaviour, not a fault.
/// </summary>
public sealed class ImapReplyException : Exception
{
    /// <summary>Creates the refusal.</summary>
    /// <param name="bad">True for <c>BAD</c> (protocol or syntax error), false for <c>NO</c> (operational refusal).</param>
    /// <param name="text">The human text, with an optional leading response code such as <c>[TRYCREATE]</c>.</param>
    public ImapReplyException(bool bad, string text)
        : base(text)
    {
        Bad = bad;
        Text = text;
    }

    /// <summary>True for <c>BAD</c>, false for <c>NO</c>.</summary>
    public bool Bad { get; }

    /// <summary>The reply text after the status.</summary>
    public string Text { get; }

    /// <summary>A <c>BAD</c> refusal: the command is malformed or not allowed now.</summary>
    public static ImapReplyException Syntax(string text) => new(true, text);

    /// <summary>A <c>NO</c> refusal: the command is valid but cannot be carried out.</summary>
    public static ImapReplyException No(string text) => new(false, text);
}
