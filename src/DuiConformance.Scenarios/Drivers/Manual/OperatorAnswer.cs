namespace DuiConformance.Scenarios.Drivers.Manual;

/// <summary>One line typed by the operator, understood: its kind, and the text after the letter (the reason of <c>n</c>, a note after <c>o</c>).</summary>
/// <param name="Kind">What the line means.</param>
/// <param name="Text">What follows the answer letter, trimmed; empty when nothing.</param>
/// <param name="Line">The line as typed.</param>
public sealed record OperatorAnswer(OperatorAnswerKind Kind, string Text, string Line)
{
    /// <summary>
    /// Reads a line. French letters and English ones are both understood whatever the language
    /// (<c>o</c>/<c>y</c> done, <c>n</c> impossible, <c>p</c>/<c>s</c> skip, <c>?</c>/<c>h</c> help), as are the words
    /// <c>oui</c>, <c>fait</c>, <c>yes</c>, <c>done</c>, <c>non</c>, <c>no</c>, <c>passer</c>, <c>skip</c>, <c>aide</c>, <c>help</c>; case is ignored.
    /// </summary>
    public static OperatorAnswer Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var trimmed = line.Trim();
        var split = trimmed.IndexOfAny([' ', '\t', ':']);
        var word = (split < 0 ? trimmed : trimmed[..split]).ToLowerInvariant();
        var rest = split < 0 ? string.Empty : trimmed[(split + 1)..].Trim().TrimStart(':').Trim();
        var kind = word switch
        {
            "o" or "y" or "oui" or "yes" or "fait" or "done" or "ok" => OperatorAnswerKind.Done,
            "n" or "non" or "no" or "impossible" => OperatorAnswerKind.Impossible,
            "p" or "s" or "passer" or "skip" => OperatorAnswerKind.Skip,
            "?" or "h" or "aide" or "help" => OperatorAnswerKind.Help,
            _ => OperatorAnswerKind.Unknown,
        };
        return new OperatorAnswer(kind, kind == OperatorAnswerKind.Unknown ? trimmed : rest, line);
    }

    /// <summary>The name written in evidence (<c>done</c>, <c>impossible</c>, <c>skip</c>, <c>help</c>, <c>unknown</c>).</summary>
    public string WireName => Kind switch
    {
        OperatorAnswerKind.Done => "done",
        OperatorAnswerKind.Impossible => "impossible",
        OperatorAnswerKind.Skip => "skip",
        OperatorAnswerKind.Help => "help",
        _ => "unknown",
    };
}
