using System.Globalization;
using System.Text;

namespace DuiConformance.Simulators.Smtp;

/// <summary>
/// Every line in and out of one SMTP session with its UTC time (STYLE.md rule 10). Texts are redacted before they are
/// added (<see cref="SmtpSecretRedactor"/>), so the transcript can be stored and shown as is.
/// </summary>
/// <remarks>
/// Message content is not copied line by line: it is stored whole as the <c>smtp-message</c> item, and the transcript
/// holds one note with its size. The transcript keeps at most <see cref="MaxLines"/> lines.
/// </remarks>
public sealed class SmtpTranscript
{
    /// <summary>Lines kept before the transcript stops growing (a client flooding NOOPs cannot exhaust memory).</summary>
    public const int MaxLines = 20_000;

    private readonly List<SmtpTranscriptLine> _lines = [];
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private bool _truncated;

    /// <summary>Creates an empty transcript stamped from <paramref name="time"/>.</summary>
    public SmtpTranscript(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <summary>A snapshot of the lines so far.</summary>
    public IReadOnlyList<SmtpTranscriptLine> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Adds a line the client sent (already redacted).</summary>
    public void Client(string text) => Add(SmtpTranscriptDirection.Client, text);

    /// <summary>Adds a line the server sent.</summary>
    public void Server(string text) => Add(SmtpTranscriptDirection.Server, text);

    /// <summary>Adds a session event.</summary>
    public void Note(string text) => Add(SmtpTranscriptDirection.Note, text);

    /// <summary>The transcript as UTF-8 text, one <c>&lt;time&gt; C:|S:|* &lt;text&gt;</c> line each, LF-terminated.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        foreach (var line in Lines)
        {
            var who = line.Direction switch
            {
                SmtpTranscriptDirection.Client => "C:",
                SmtpTranscriptDirection.Server => "S:",
                SmtpTranscriptDirection.Note => "*",
                _ => throw new InvalidOperationException($"Unknown {nameof(SmtpTranscriptDirection)} {line.Direction}."),
            };
            text.Append(line.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
                .Append(' ').Append(who).Append(' ').Append(line.Text).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// Makes client bytes printable for the transcript: printable ASCII is kept, any other octet becomes <c>\xNN</c>.
    /// </summary>
    public static string Printable(ReadOnlySpan<byte> octets)
    {
        var text = new StringBuilder(octets.Length);
        foreach (var octet in octets)
        {
            if (octet is >= 0x20 and <= 0x7E)
            {
                text.Append((char)octet);
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"\\x{octet:X2}");
            }
        }

        return text.ToString();
    }

    private void Add(SmtpTranscriptDirection direction, string text)
    {
        var at = _time.GetUtcNow();
        lock (_gate)
        {
            if (_lines.Count < MaxLines)
            {
                _lines.Add(new SmtpTranscriptLine(at, direction, text));
            }
            else if (!_truncated)
            {
                _truncated = true;
                _lines.Add(new SmtpTranscriptLine(at, SmtpTranscriptDirection.Note, "transcript truncated: too many lines"));
            }
        }
    }
}
