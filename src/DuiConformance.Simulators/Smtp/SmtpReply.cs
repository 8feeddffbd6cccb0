using System.Globalization;
using System.Text;

namespace DuiConformance.Simulators.Smtp;

/// <summary>
/// One SMTP reply (RFC 5321 §4.2): a three-digit code, an optional RFC 3463 enhanced status code and one or more text lines.
/// </summary>
/// <param name="Code">The reply code, 200–599; its first digit says success (2), intermediate (3), transient (4) or permanent (5) failure.</param>
/// <param name="EnhancedStatus">The RFC 3463 enhanced status code such as <c>5.5.1</c>, or <c>null</c> for the replies that must not carry one (greeting, EHLO/HELO, 334, 354: RFC 2034 §3).</param>
/// <param name="Lines">The text lines; more than one line makes a multi-line reply (<c>250-…</c> then <c>250 …</c>).</param>
public sealed record SmtpReply(int Code, string? EnhancedStatus, IReadOnlyList<string> Lines)
{
    /// <summary>A single-line reply.</summary>
    public SmtpReply(int code, string? enhancedStatus, string text)
        : this(code, enhancedStatus, [text])
    {
    }

    /// <summary>True for 4xx and 5xx replies: the command was refused.</summary>
    public bool IsError => Code >= 400;

    /// <summary>The reply lines exactly as written on the wire, each without its CRLF.</summary>
    public IEnumerable<string> WireLines()
    {
        var lines = Lines.Count == 0 ? [string.Empty] : Lines;
        for (var index = 0; index < lines.Count; index++)
        {
            var separator = index < lines.Count - 1 ? '-' : ' ';
            var status = EnhancedStatus is null ? string.Empty : EnhancedStatus + " ";
            yield return string.Create(CultureInfo.InvariantCulture, $"{Code}{separator}{status}{lines[index]}");
        }
    }

    /// <summary>The reply as wire text, every line ended by CRLF.</summary>
    public string ToWireString()
    {
        var text = new StringBuilder();
        foreach (var line in WireLines())
        {
            text.Append(line).Append("\r\n");
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(" / ", WireLines());
}
