namespace DuiConformance.Simulators.Imap;

/// <summary>The kinds of argument in an IMAP command (RFC 3501 §4).</summary>
public enum ImapTokenKind
{
    /// <summary>An atom, e.g. <c>INBOX</c>, <c>\Seen</c>, <c>1:*</c> or <c>BODY.PEEK[HEADER]&lt;0.100&gt;</c>.</summary>
    Atom,

    /// <summary>A quoted string, escapes removed.</summary>
    Quoted,

    /// <summary>A literal <c>{n}</c> followed by n octets.</summary>
    Literal,

    /// <summary>A parenthesized list.</summary>
    List,
}
