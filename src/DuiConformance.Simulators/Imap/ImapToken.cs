using System.Text;

namespace DuiConformance.Simulators.Imap;

/// <summary>One argument of an IMAP command.</summary>
/// <param name="Kind">What the token is.</param>
/// <param name="Text">The atom or string text (a literal decoded as UTF-8); empty for a list.</param>
/// <param name="Octets">The literal's exact octets, or <c>null</c> for other kinds.</param>
/// <param name="Children">The members of a list; empty otherwise.</param>
public sealed record ImapToken(ImapTokenKind Kind, string Text, byte[]? Octets, IReadOnlyList<ImapToken> Children)
{
    /// <summary>True for an atom, quoted string or literal: something that reads as an astring (RFC 3501 §9).</summary>
    public bool IsString => Kind is ImapTokenKind.Atom or ImapTokenKind.Quoted or ImapTokenKind.Literal;

    /// <summary>True for the atom <c>NIL</c>.</summary>
    public bool IsNil => Kind == ImapTokenKind.Atom && string.Equals(Text, "NIL", StringComparison.OrdinalIgnoreCase);

    /// <summary>An atom.</summary>
    public static ImapToken Atom(string text) => new(ImapTokenKind.Atom, text, null, []);

    /// <summary>A quoted string.</summary>
    public static ImapToken Quoted(string text) => new(ImapTokenKind.Quoted, text, null, []);

    /// <summary>A literal.</summary>
    public static ImapToken Literal(byte[] octets) => new(ImapTokenKind.Literal, Encoding.UTF8.GetString(octets), octets, []);

    /// <summary>A list.</summary>
    public static ImapToken List(IReadOnlyList<ImapToken> children) => new(ImapTokenKind.List, string.Empty, null, children);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        ImapTokenKind.Atom => Text,
        ImapTokenKind.Quoted => ImapString.Quote(Text),
        ImapTokenKind.Literal => "{" + Octets!.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}",
        ImapTokenKind.List => "(" + string.Join(' ', Children) + ")",
        _ => throw new InvalidOperationException($"Unknown {nameof(ImapTokenKind)} {Kind}."),
    };
}
