namespace DuiConformance.Simulators.Imap.Commands;

/// <summary>Argument checks the handlers share; each failure is a <c>BAD</c> naming what was expected.</summary>
internal static class ImapArguments
{
    public static void Count(ImapCommand command, int count)
    {
        if (command.Arguments.Count != count)
        {
            throw ImapReplyException.Syntax($"Error in IMAP command {command.Name}: expected {count} argument(s).");
        }
    }

    public static void CountBetween(ImapCommand command, int minimum, int maximum)
    {
        if (command.Arguments.Count < minimum || command.Arguments.Count > maximum)
        {
            throw ImapReplyException.Syntax($"Error in IMAP command {command.Name}: wrong number of arguments.");
        }
    }

    public static string String(ImapCommand command, int index)
    {
        var token = command.Arguments[index];
        return token.IsString ? token.Text : throw ImapReplyException.Syntax($"Error in IMAP command {command.Name}: argument {index + 1} must be a string.");
    }

    public static string Atom(ImapCommand command, int index)
    {
        var token = command.Arguments[index];
        return token.Kind == ImapTokenKind.Atom ? token.Text : throw ImapReplyException.Syntax($"Error in IMAP command {command.Name}: argument {index + 1} must be an atom.");
    }

    /// <summary>A flag list <c>(\Seen $Label)</c> or a single flag; system flags other than the five are refused.</summary>
    public static IReadOnlyList<string> Flags(ImapToken token)
    {
        var items = token.Kind == ImapTokenKind.List ? token.Children : [token];
        var flags = new List<string>();
        foreach (var item in items)
        {
            if (item.Kind != ImapTokenKind.Atom)
            {
                throw ImapReplyException.Syntax("Error in IMAP command: flags must be atoms.");
            }

            var flag = item.Text;
            if (flag.StartsWith('\\'))
            {
                flag = ImapFlags.System.FirstOrDefault(system => string.Equals(system, flag, StringComparison.OrdinalIgnoreCase))
                    ?? throw ImapReplyException.Syntax($"Error in IMAP command: invalid system flag {flag}.");
            }

            flags.Add(flag);
        }

        return flags;
    }
}
