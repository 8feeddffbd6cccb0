using System.Globalization;
using System.Text;

namespace DuiConformance.Core.Validation;

/// <summary>
/// Whether an XDM <c>INDEX.HTM</c> is well-formed enough to be read as (X)HTML: every tag is terminated by <c>&gt;</c>,
/// and every end tag closes an element that is open. HTML's optional end tags (<c>p</c>, <c>li</c>, …) and void
/// elements (<c>br</c>, <c>img</c>, …) are accepted, as a browser accepts them (IHE ITI TF-1 §16: INDEX.HTM in XHTML,
/// read by people). This is the rule that separates the NIST ETT negative sample BadXHTML.zip from its valid twins.
/// </summary>
public static class XdmIndexRules
{
    private const int MaxProblems = 10;

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    /// <summary>The problems found, each with its 1-based line; empty when the markup is sound.</summary>
    public static IReadOnlyList<string> Problems(ReadOnlySpan<byte> content)
    {
        var text = Encoding.UTF8.GetString(content);
        var problems = new List<string>();
        var open = new List<string>();
        var i = 0;
        while (i < text.Length && problems.Count < MaxProblems)
        {
            var lt = text.IndexOf('<', i);
            if (lt < 0)
            {
                break;
            }

            if (string.CompareOrdinal(text, lt, "<!--", 0, 4) == 0)
            {
                var endComment = text.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                i = endComment < 0 ? text.Length : endComment + 3;
                continue;
            }

            var gt = text.IndexOf('>', lt + 1);
            var nextLt = text.IndexOf('<', lt + 1);
            if (gt < 0 || (nextLt >= 0 && nextLt < gt))
            {
                problems.Add(At(text, lt, $"balise non terminée « {Excerpt(text, lt)} »"));
                i = lt + 1;
                continue;
            }

            var tag = text[(lt + 1)..gt].Trim();
            i = gt + 1;
            if (tag.Length == 0 || tag[0] is '?' or '!')
            {
                continue;
            }

            if (tag[0] == '/')
            {
                var name = Name(tag[1..]);
                var index = open.FindLastIndex(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
                if (index < 0)
                {
                    problems.Add(At(text, lt, $"balise fermante </{name}> sans élément ouvert correspondant"));
                }
                else
                {
                    // Note: elements left open inside it are implicitly closed, as HTML allows for p, li, td…
                    open.RemoveRange(index, open.Count - index);
                }

                continue;
            }

            var opened = Name(tag);
            if (!tag.EndsWith('/') && !VoidElements.Contains(opened))
            {
                open.Add(opened);
            }
        }

        return problems;
    }

    private static string Name(string tag)
    {
        var end = 0;
        while (end < tag.Length && !char.IsWhiteSpace(tag[end]) && tag[end] != '/')
        {
            end++;
        }

        return tag[..end];
    }

    private static string Excerpt(string text, int at)
    {
        var end = Math.Min(text.Length, at + 30);
        var newline = text.IndexOfAny(['\r', '\n'], at);
        if (newline >= 0 && newline < end)
        {
            end = newline;
        }

        return text[at..end];
    }

    private static string At(string text, int offset, string message)
    {
        var line = 1;
        for (var k = 0; k < offset; k++)
        {
            if (text[k] == '\n')
            {
                line++;
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"ligne {line} : {message}");
    }
}
