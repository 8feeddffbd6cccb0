using System.Text;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Checks.Mail;

/// <summary>IMAP sessions upgraded to TLS 1.2 or later before any authentication (DUI-SEC-02).</summary>
public sealed class ImapTlsBeforeAuthCheck : ICheck
{
    /// <inheritdoc />
    public CheckDefinition Definition { get; } = new(
        Id: "mss.imap.tls-before-auth",
        TitleFr: "IMAP : TLS 1.2 ou plus avant toute authentification",
        TitleEn: "IMAP: TLS 1.2 or later before any authentication",
        Verifies: [MssRequirementIds.Sec02],
        Inputs: [EvidenceKinds.ImapTranscript],
        Description: """
            Dans chaque session IMAP du DUI avec l'opérateur simulé (transcription enregistrée), la connexion passe en
            TLS (STARTTLS sur 143, ou TLS implicite sur 993) avant toute commande `LOGIN` ou `AUTHENTICATE`, et le
            protocole négocié est TLS 1.2 ou 1.3.

            Source : `SC.MSS/CONF.06`, RFC 3501 §6.2.1, RFC 8314 (domain.md §4.2, §8.5 **MSS-02**).
            """);

    /// <inheritdoc />
    public CheckResult Evaluate(EvidenceSet evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var items = evidence.OfKind(EvidenceKinds.ImapTranscript).ToList();
        if (items.Count == 0)
        {
            return CheckResult.Skip("Aucune session IMAP avec l'opérateur MSSanté simulé.");
        }

        var findings = new List<Finding>();
        foreach (var item in items)
        {
            findings.AddRange(Judge(item, Encoding.UTF8.GetString(evidence.Content(item).Span)));
        }

        return CheckResult.FromFindings(findings, [.. items.Select(item => item.Id)]);
    }

    /// <summary>The findings for one transcript (<c>&lt;time&gt; C:|S:|* &lt;text&gt;</c> lines).</summary>
    public static IReadOnlyList<Finding> Judge(EvidenceItem item, string transcript)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(transcript);
        var findings = new List<Finding>();
        var tls = false;
        var lineNumber = 0;
        foreach (var line in transcript.Split('\n'))
        {
            lineNumber++;
            var note = line.IndexOf(" * TLS established: ", StringComparison.Ordinal);
            if (note >= 0)
            {
                tls = true;
                var protocol = line[(note + 20)..].Split(' ')[0];
                if (protocol is not ("Tls12" or "Tls13"))
                {
                    findings.Add(ImapFindings.TlsVersion.At(new FindingLocation(item.Id, null, null, lineNumber),
                        $"Protocole TLS négocié « {protocol} » : TLS 1.2 ou 1.3 exigé (SC.MSS/CONF.06)."));
                }

                continue;
            }

            var client = line.IndexOf(" C: ", StringComparison.Ordinal);
            if (client < 0 || tls)
            {
                continue;
            }

            var words = line[(client + 4)..].Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= 2 && (words[1].Equals("LOGIN", StringComparison.OrdinalIgnoreCase) || words[1].Equals("AUTHENTICATE", StringComparison.OrdinalIgnoreCase)))
            {
                findings.Add(ImapFindings.AuthBeforeTls.At(new FindingLocation(item.Id, null, null, lineNumber),
                    $"Commande {words[1].ToUpperInvariant()} envoyée avant l'établissement de TLS : les identifiants circulent en clair (RFC 3501 §6.2.1, SC.MSS/CONF.06)."));
            }
        }

        return findings;
    }
}
