using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Mail;

/// <summary>
/// Reads SMTP transcripts for the size limit (RFC 1870): the <c>SIZE</c> the server announced, the <c>SIZE=</c> each
/// <c>MAIL FROM</c> declared, the octets sent after <c>DATA</c> and the <c>552</c> refusals; then judges them
/// (domain.md §4.5, §8.5 MSS-15, DUI-MSS-10).
/// </summary>
public static partial class SmtpSizeRules
{
    /// <summary>The transactions of one transcript (the simulator's <c>&lt;time&gt; C:|S:|* &lt;text&gt;</c> lines), in order.</summary>
    public static IReadOnlyList<SmtpSizeAttempt> Read(string transcriptId, string transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        var attempts = new List<SmtpSizeAttempt>();
        long? announced = null;
        SmtpSizeAttempt? open = null;
        var lineNumber = 0;
        foreach (var raw in transcript.Split('\n'))
        {
            lineNumber++;
            var space = raw.IndexOf(' ', StringComparison.Ordinal);
            var text = space < 0 ? raw : raw[(space + 1)..];
            if (text.StartsWith("S: ", StringComparison.Ordinal))
            {
                var reply = text[3..];
                if (SizeLine().Match(reply) is { Success: true } size)
                {
                    // Note: RFC 1870 §4 — "SIZE" without a number, or SIZE 0, announces no fixed limit.
                    announced = size.Groups[1].Success && long.TryParse(size.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0 ? limit : null;
                }
                else if (open is not null && reply.StartsWith("552", StringComparison.Ordinal))
                {
                    open = open with { RefusedForSize = true };
                }
            }
            else if (text.StartsWith("C: ", StringComparison.Ordinal))
            {
                var command = text[3..];
                if (command.StartsWith("MAIL FROM:", StringComparison.OrdinalIgnoreCase))
                {
                    Close(attempts, ref open);
                    var declared = DeclaredSize().Match(command) is { Success: true } found
                        && long.TryParse(found.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var octets) ? octets : (long?)null;
                    open = new SmtpSizeAttempt(transcriptId, lineNumber, announced, declared, null, false);
                }
                else if (command.StartsWith("RSET", StringComparison.OrdinalIgnoreCase) || command.StartsWith("EHLO", StringComparison.OrdinalIgnoreCase) || command.StartsWith("HELO", StringComparison.OrdinalIgnoreCase))
                {
                    Close(attempts, ref open);
                }
            }
            else if (text.StartsWith("* DATA: ", StringComparison.Ordinal) && open is not null
                && DataNote().Match(text) is { Success: true } data
                && long.TryParse(data.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var sent))
            {
                open = open with { DataOctets = sent };
            }
        }

        Close(attempts, ref open);
        return attempts;
    }

    /// <summary>Every finding over the transactions of one scenario: resubmissions after 552, over-size declarations and data.</summary>
    public static IReadOnlyList<Finding> Judge(IReadOnlyList<SmtpSizeAttempt> attempts)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        var findings = new List<Finding>();
        foreach (var attempt in attempts.Where(attempt => attempt.Announced is not null))
        {
            if (attempt.Declared > attempt.Announced)
            {
                findings.Add(SmtpSizeFindings.DeclaredOverAnnounced.At(At(attempt), string.Create(CultureInfo.InvariantCulture,
                    $"MAIL FROM déclare SIZE={attempt.Declared} alors que l'opérateur annonce SIZE {attempt.Announced} : la taille n'a pas été contrôlée avant l'envoi (MSS/va1.13).")));
            }
            else if (attempt.Declared is null && attempt.DataOctets > attempt.Announced)
            {
                findings.Add(SmtpSizeFindings.OverSizeDataSent.At(At(attempt), string.Create(CultureInfo.InvariantCulture,
                    $"{attempt.DataOctets} octets transmis après DATA, sans SIZE= sur MAIL FROM, alors que l'opérateur annonce SIZE {attempt.Announced} (RFC 1870 §6.1).")));
            }
        }

        // Note: the same size refused again is the same message resubmitted; a refusal for size is permanent (5xx,
        // RFC 5321 §4.2.1), so a second attempt can only fail the same way — the user must be told instead.
        foreach (var group in attempts.Where(attempt => attempt.RefusedForSize || attempt.OverSize).GroupBy(attempt => attempt.Size))
        {
            foreach (var again in group.Skip(1))
            {
                var first = group.First();
                findings.Add(SmtpSizeFindings.ResubmittedAfter552.At(At(again), string.Create(CultureInfo.InvariantCulture,
                    $"Message trop volumineux ({Describe(again.Size)}) soumis de nouveau après le refus 552 de l'opérateur (première tentative : ligne {first.Line} de {first.TranscriptId}).")));
            }
        }

        return findings;
    }

    /// <summary>Reads every transcript of the scenario and judges them; skip when no SMTP session was recorded.</summary>
    public static CheckResult Evaluate(EvidenceSet evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var transcripts = evidence.OfKind(EvidenceKinds.SmtpTranscript).ToList();
        if (transcripts.Count == 0)
        {
            return CheckResult.Skip("Aucune session SMTP enregistrée par l'opérateur MSSanté simulé.");
        }

        var attempts = transcripts.SelectMany(item => Read(item.Id, Encoding.UTF8.GetString(evidence.Content(item).Span))).ToList();
        return CheckResult.FromFindings(Judge(attempts), [.. transcripts.Select(item => item.Id)]);
    }

    private static void Close(List<SmtpSizeAttempt> attempts, ref SmtpSizeAttempt? open)
    {
        if (open is not null)
        {
            attempts.Add(open);
            open = null;
        }
    }

    private static FindingLocation At(SmtpSizeAttempt attempt) => new(attempt.TranscriptId, null, "MAIL FROM", attempt.Line);

    private static string Describe(long? size) => size is { } octets ? string.Create(CultureInfo.InvariantCulture, $"{octets} octets") : "taille non déclarée";

    [GeneratedRegex(@"^250[- ]SIZE(?: (\d+))?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SizeLine();

    [GeneratedRegex(@"\sSIZE=(\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeclaredSize();

    [GeneratedRegex(@"^\* DATA: (\d+) octets", RegexOptions.CultureInvariant)]
    private static partial Regex DataNote();
}
