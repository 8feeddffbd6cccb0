using System.Text;
using DuiConformance.Core.Checks;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;
using DuiConformance.Core.Outcomes;

namespace DuiConformance.Core.Tests.Checks.Mail;

/// <summary>mss.size-limit over SMTP transcripts (domain.md §4.5, §8.5 MSS-15, DUI-MSS-10).</summary>
public sealed class MssSizeLimitCheckTests
{
    private static readonly string[] SecuredSession =
    [
        "S: 220 localhost ESMTP ready",
        "C: EHLO dui.test",
        "S: 250-localhost Hello dui.test",
        "S: 250-SIZE 4096",
        "S: 250 STARTTLS",
        "C: STARTTLS",
        "S: 220 2.0.0 Ready to start TLS",
        "* TLS established: Tls13",
        "C: EHLO dui.test",
        "S: 250-localhost Hello dui.test",
        "S: 250-SIZE 4096",
        "S: 250 AUTH PLAIN LOGIN XOAUTH2",
        "C: AUTH XOAUTH2 ********",
        "S: 235 2.7.0 Authentication successful",
    ];

    private static (EvidenceItem Item, byte[] Content) Transcript(string id, params string[] lines)
    {
        var content = Encoding.UTF8.GetBytes(string.Concat(lines.Select(line => "2026-01-01T00:00:00.000Z " + line + "\n")));
        var mail = TestEvidence.Mail(content, id);
        return (mail.Item with { Kind = EvidenceKinds.SmtpTranscript }, content);
    }

    private static CheckResult Run(params (EvidenceItem Item, byte[] Content)[] transcripts) =>
        CheckCatalogue.Find("mss.size-limit").ShouldNotBeNull().Evaluate(EvidenceSet.Of(transcripts));

    private static string[] Session(params string[] lines) => [.. SecuredSession, .. lines, "C: QUIT", "S: 221 2.0.0 closing"];

    [Test]
    public void A_dui_that_quits_without_mail_after_reading_the_size_passes()
    {
        var result = Run(Transcript("ev-1", Session()));

        result.Outcome.ShouldBe(Outcome.Pass);
        result.EvidenceIds.ShouldBe(["ev-1"]);
    }

    [Test]
    public void One_552_at_mail_without_a_retry_passes_with_a_warning_that_the_size_was_not_checked()
    {
        var result = Run(Transcript("ev-1", Session(
            "C: MAIL FROM:<a@x.mssante.fr> SIZE=25000 BODY=8BITMIME",
            "S: 552 5.3.4 Message size exceeds fixed maximum message size",
            "C: RSET",
            "S: 250 2.0.0 OK")));

        result.Outcome.ShouldNotBe(Outcome.Fail);
        var finding = result.Findings.ShouldHaveSingleItem();
        finding.Code.ShouldBe(SmtpSizeFindings.DeclaredOverAnnounced.Code);
        finding.Severity.ShouldBe(Severity.Warning);
        finding.Location.Line.ShouldBe(15);
    }

    [Test]
    public void The_same_message_resubmitted_after_552_fails_with_smtp_3501_once_per_retry()
    {
        string[] attempt = ["C: MAIL FROM:<a@x.mssante.fr> SIZE=25000", "S: 552 5.3.4 Message size exceeds fixed maximum message size", "C: RSET", "S: 250 2.0.0 OK"];

        var result = Run(Transcript("ev-1", Session([.. attempt, .. attempt])), Transcript("ev-2", Session(attempt)));

        result.Outcome.ShouldBe(Outcome.Fail);
        result.Findings.Where(finding => finding.Code == SmtpSizeFindings.ResubmittedAfter552.Code).Select(finding => finding.Location.EvidenceId).ShouldBe(["ev-1", "ev-2"]);
        result.Findings.Count(finding => finding.Code == SmtpSizeFindings.DeclaredOverAnnounced.Code).ShouldBe(3);
    }

    [Test]
    public void Over_size_data_without_a_size_declaration_is_a_warning_and_a_second_one_fails()
    {
        string[] attempt =
        [
            "C: MAIL FROM:<a@x.mssante.fr>", "S: 250 2.1.0 Sender OK", "C: RCPT TO:<b@y.mssante.fr>", "S: 250 2.1.5 Recipient OK",
            "C: DATA", "S: 354 Start mail input", "* DATA: 30000 octets in 400 lines; bareLf=false", "S: 552 5.3.4 Message size exceeds fixed maximum message size",
        ];

        var once = Run(Transcript("ev-1", Session(attempt)));
        var twice = Run(Transcript("ev-1", Session([.. attempt, .. attempt])));

        once.Findings.ShouldHaveSingleItem().Code.ShouldBe(SmtpSizeFindings.OverSizeDataSent.Code);
        twice.Outcome.ShouldBe(Outcome.Fail);
        twice.Findings.Select(finding => finding.Code).ShouldContain(SmtpSizeFindings.ResubmittedAfter552.Code);
    }

    [Test]
    public void Two_messages_within_the_limit_pass()
    {
        string[] send = ["C: MAIL FROM:<a@x.mssante.fr> SIZE=2000", "S: 250 2.1.0 Sender OK", "C: DATA", "* DATA: 2000 octets in 30 lines", "S: 250 2.0.0 OK queued as ev-9"];

        var result = Run(Transcript("ev-1", Session([.. send, .. send])));

        result.Outcome.ShouldBe(Outcome.Pass);
        result.Findings.ShouldBeEmpty();
    }

    [Test]
    public void Without_any_smtp_session_the_check_skips_with_a_reason()
    {
        var result = CheckCatalogue.Find("mss.size-limit").ShouldNotBeNull().Evaluate(EvidenceSet.Of());

        result.Outcome.ShouldBe(Outcome.Skip);
        result.Reason.ShouldNotBeNullOrWhiteSpace();
    }

    [Test]
    public void Reading_a_transcript_keeps_the_size_announced_last_and_ignores_an_unlimited_size()
    {
        var attempts = DuiConformance.Core.Checks.Mail.SmtpSizeRules.Read("ev-1",
            "t S: 250-SIZE 4096\nt C: MAIL FROM:<a@b.fr> SIZE=10\nt S: 250 OK\nt C: RSET\nt S: 250-SIZE\nt C: MAIL FROM:<a@b.fr>\n");

        attempts.Select(attempt => attempt.Announced).ShouldBe([4096L, null]);
        attempts.Select(attempt => attempt.Declared).ShouldBe([10L, null]);
    }
}
