using System.Text;

namespace DuiConformance.Core.Reporting;

/// <summary>
/// Makes text from evidence safe for the report files: hostile or broken input (a finding message quoting the DUI's
/// payload) must never break the markup or inject anything.
/// </summary>
internal static class SafeText
{
    /// <summary>
    /// Replaces what XML 1.0 and HTML forbid (C0 controls but tab, CR and LF; lone surrogates; U+FFFE/U+FFFF) by U+FFFD.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        StringBuilder? cleaned = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var valid = true;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    cleaned?.Append(c).Append(text[i + 1]);
                    i++;
                    continue;
                }

                valid = false;
            }
            else if (char.IsLowSurrogate(c) || (c < 0x20 && c is not ('\t' or '\n' or '\r')) || c is '\uFFFE' or '\uFFFF')
            {
                valid = false;
            }

            if (!valid && cleaned is null)
            {
                cleaned = new StringBuilder(text.Length).Append(text, 0, i);
            }

            cleaned?.Append(valid ? c : '\uFFFD');
        }

        return cleaned?.ToString() ?? text;
    }

    /// <summary>HTML-encodes text for element content and quoted attribute values (after <see cref="Clean"/>).</summary>
    public static string Html(string? text)
    {
        var clean = Clean(text);
        if (clean.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return clean;
        }

        var encoded = new StringBuilder(clean.Length + 16);
        foreach (var c in clean)
        {
            _ = c switch
            {
                '&' => encoded.Append("&amp;"),
                '<' => encoded.Append("&lt;"),
                '>' => encoded.Append("&gt;"),
                '"' => encoded.Append("&quot;"),
                '\'' => encoded.Append("&#39;"),
                _ => encoded.Append(c),
            };
        }

        return encoded.ToString();
    }

    /// <summary>
    /// Makes text safe inside a Markdown table cell or list item: one line, Markdown punctuation and pipes escaped, and
    /// angle brackets as entities so no HTML reaches a CI job summary.
    /// </summary>
    public static string Markdown(string? text)
    {
        var clean = Clean(text).Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ');
        var escaped = new StringBuilder(clean.Length + 16);
        foreach (var c in clean)
        {
            switch (c)
            {
                case '<':
                    escaped.Append("&lt;");
                    break;
                case '>':
                    escaped.Append("&gt;");
                    break;
                case '&':
                    escaped.Append("&amp;");
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#' or '~' or '!':
                    escaped.Append('\\').Append(c);
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
        }

        return escaped.ToString();
    }
}
