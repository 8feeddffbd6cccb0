using System.Text;
using System.Text.RegularExpressions;

namespace DuiConformance.Simulators.Imap.Commands;

/// <summary>LIST/LSUB name matching (RFC 3501 §6.3.8): <c>*</c> matches anything, <c>%</c> anything but the delimiter <c>/</c>.</summary>
internal static class ImapMailboxPattern
{
    public const string Delimiter = "/";

    public static Regex Compile(string reference, string pattern)
    {
        var full = reference + pattern;
        var regex = new StringBuilder("^");
        foreach (var character in full)
        {
            regex.Append(character switch
            {
                '*' => ".*",
                '%' => "[^/]*",
                _ => Regex.Escape(character.ToString()),
            });
        }

        regex.Append('$');
        return new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
    }

    /// <summary>True when <paramref name="name"/> matches, INBOX in any case.</summary>
    public static bool Matches(Regex pattern, string name) =>
        pattern.IsMatch(name) || (name == Mail.StoredMailbox.Inbox && pattern.IsMatch("inbox")) || (name == Mail.StoredMailbox.Inbox && pattern.IsMatch("Inbox"));
}
