using System.Text;
using DuiConformance.Core.Checks;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;
using DuiConformance.Core.Outcomes;

namespace DuiConformance.Core.Tests.Checks.Mail;

/// <summary>mss.imap.tls-before-auth over IMAP transcripts (domain.md §8.5 MSS-02).</summary>
public sealed class ImapTlsBeforeAuthCheckTests
{
    private static (EvidenceItem Item, byte[] Content) Transcript(params string[] lines)
    {
        var content = Encoding.UTF8.GetBytes(string.Concat(lines.Select(line => "2026-01-01T00:00:00.000Z " + line + "\n")));
        var mail = TestEvidence.Mail(content, "ev-imap");
        return (mail.Item with { Kind = EvidenceKinds.ImapTranscript }, content);
    }

    private static CheckResult Run((EvidenceItem Item, byte[] Content) transcript) =>
        CheckCatalogue.Find("mss.imap.tls-before-auth").ShouldNotBeNull().Evaluate(EvidenceSet.Of(transcript));

    [Test]
    public void Starttls_then_authenticate_passes()
    {
        var result = Run(Transcript("C: A1 STARTTLS", "S: A1 OK Begin TLS negotiation now.", "* TLS established: Tls13 TLS_AES_256_GCM_SHA384",
            "C: A2 AUTHENTICATE ********", "S: A2 OK Logged in"));

        result.Outcome.ShouldBe(Outcome.Pass);
    }

    [Test]
    public void Login_before_tls_fails_with_imap_4401_on_its_line()
    {
        var result = Run(Transcript("S: * OK ready", "C: A1 LOGIN ********", "S: A1 NO [PRIVACYREQUIRED] TLS first"));

        var finding = result.Findings.ShouldHaveSingleItem();
        finding.Code.ShouldBe(ImapFindings.AuthBeforeTls.Code);
        finding.Location.Line.ShouldBe(2);
    }

    [Test]
    public void Tls_1_1_fails_with_imap_4402()
    {
        var result = Run(Transcript("* TLS established: Tls11 TLS_RSA_WITH_AES_128_CBC_SHA", "C: A1 AUTHENTICATE ********"));

        result.Findings.Select(finding => finding.Code).ShouldBe([ImapFindings.TlsVersion.Code]);
    }

    [Test]
    public void No_imap_session_is_a_skip_with_a_reason()
    {
        var result = CheckCatalogue.Find("mss.imap.tls-before-auth").ShouldNotBeNull().Evaluate(EvidenceSet.Of());

        result.Outcome.ShouldBe(Outcome.Skip);
        result.Reason.ShouldNotBeNullOrWhiteSpace();
    }
}
