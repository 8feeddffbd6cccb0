namespace DuiConformance.Simulators.Imap.Commands;

/// <summary>The system flags a client may set (RFC 3501 §2.3.2; <c>\Recent</c> is the server's own).</summary>
internal static class ImapFlags
{
    public static readonly string[] System = ["\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft"];

    public const string FlagsLine = "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)";

    public const string PermanentFlagsLine = "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted.";
}
