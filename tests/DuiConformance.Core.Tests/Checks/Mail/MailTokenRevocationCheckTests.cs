using System.Security.Cryptography;
using DuiConformance.Core.Checks;
using DuiConformance.Core.Checks.Mail;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;
using DuiConformance.Core.Outcomes;

namespace DuiConformance.Core.Tests.Checks.Mail;

/// <summary>DUI-SEC-04 (domain.md §8.5 MSS-04) from the operator's token attempts and the harness's revocation, in recording order.</summary>
public sealed class MailTokenRevocationCheckTests
{
    private const string Revoked = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string Fresh = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    private int _next;

    [SetUp]
    public void ResetIds() => _next = 0;

    [Test]
    public void Refused_once_then_a_fresh_token_on_both_protocols_passes()
    {
        var result = Run(
            Attempt("smtp", "s1", Revoked, accepted: true),
            Attempt("imap", "i1", Revoked, accepted: true),
            Revocation(Revoked),
            Attempt("smtp", "s2", Revoked, accepted: false),
            Attempt("smtp", "s2", Fresh, accepted: true),
            Attempt("imap", "i2", Fresh, accepted: true));

        result.Outcome.ShouldBe(Outcome.Pass);
        result.EvidenceIds.ShouldBe(["ev-3", "ev-4", "ev-5", "ev-6"], ignoreOrder: true);
    }

    [Test]
    public void Presenting_the_revoked_token_again_after_its_refusal_fails_with_smtp_3601_and_no_fresh_login_with_3603_and_4602()
    {
        var result = Run(
            Attempt("smtp", "s1", Revoked, accepted: true),
            Attempt("imap", "i1", Revoked, accepted: true),
            Revocation(Revoked),
            Attempt("smtp", "s2", Revoked, accepted: false),
            Attempt("smtp", "s2", Revoked, accepted: false));

        result.Outcome.ShouldBe(Outcome.Fail);
        result.Findings.Select(finding => finding.Code).ShouldBe(["SMTP-3601", "IMAP-4602", "SMTP-3603"], ignoreOrder: true);
        result.Findings.ShouldAllBe(finding => finding.Requirements.Contains("DUI-SEC-04"));
        result.Findings.Single(finding => finding.Code == "SMTP-3601").Location.EvidenceId.ShouldBe("ev-5");
    }

    [Test]
    public void A_session_closed_for_revocation_is_the_notice_so_imap_presenting_the_token_next_fails_with_4601()
    {
        var result = Run(
            Attempt("imap", "i1", Revoked, accepted: true),
            Revocation(Revoked),
            Transcript(EvidenceKinds.ImapTranscript, "i1", "TokenRevoked"),
            Attempt("imap", "i2", Revoked, accepted: false),
            Attempt("imap", "i2", Fresh, accepted: true));

        result.Findings.Select(finding => finding.Code).ShouldBe(["IMAP-4601"]);
    }

    [Test]
    public void A_message_submitted_after_the_revocation_in_the_revoked_session_fails_with_3602()
    {
        var result = Run(
            Attempt("smtp", "s1", Revoked, accepted: true),
            Revocation(Revoked),
            Message("s1"),
            Attempt("smtp", "s2", Fresh, accepted: true));

        result.Findings.Select(finding => finding.Code).ShouldBe(["SMTP-3602"]);
    }

    [Test]
    public void Without_a_revocation_or_with_a_revoked_token_that_never_served_the_check_is_skipped()
    {
        Run(Attempt("smtp", "s1", Revoked, accepted: true)).Outcome.ShouldBe(Outcome.Skip);
        Run(Revocation(Revoked), Attempt("smtp", "s1", Fresh, accepted: true)).Outcome.ShouldBe(Outcome.Skip);
        Run(Revocation(Revoked)).Outcome.ShouldBe(Outcome.Skip);
    }

    [Test]
    public void Findings_name_the_token_by_jti_never_by_value()
    {
        var result = Run(Attempt("smtp", "s1", Revoked, accepted: true), Revocation(Revoked));

        var finding = result.Findings.ShouldHaveSingleItem();
        finding.Code.ShouldBe(SmtpTokenRevocationFindings.SmtpNoFreshToken.Code);
        finding.Message.ShouldContain("jti jti-" + Revoked[..4]);
    }

    private static CheckResult Run(params (EvidenceItem Item, byte[] Content)[] evidence) =>
        CheckCatalogue.Find("mss.auth.token-revocation").ShouldNotBeNull().Evaluate(EvidenceSet.Of(evidence));

    private (EvidenceItem Item, byte[] Content) Attempt(string protocol, string session, string hash, bool accepted) =>
        Item(EvidenceKinds.MailAuth, new Dictionary<string, string>
        {
            [MailAuthProperties.Protocol] = protocol,
            [MailAuthProperties.Session] = session,
            [MailAuthProperties.Mechanism] = "XOAUTH2",
            [MailAuthProperties.TokenId] = "jti-" + hash[..4],
            [MailAuthProperties.TokenHash] = hash,
            [MailAuthProperties.Result] = accepted ? MailAuthProperties.Accepted : MailAuthProperties.Refused,
            [MailAuthProperties.Reason] = accepted ? string.Empty : "jeton refusé : Jeton révoqué auprès de Pro Santé Connect.",
        });

    private (EvidenceItem Item, byte[] Content) Revocation(string hash) =>
        Item(EvidenceKinds.PscRevocation, new Dictionary<string, string>
        {
            [MailAuthProperties.TokenId] = "jti-" + hash[..4],
            [MailAuthProperties.TokenHash] = hash,
            [MailAuthProperties.RevokedBy] = "harness",
        });

    private (EvidenceItem Item, byte[] Content) Transcript(string kind, string session, string end) =>
        Item(kind, new Dictionary<string, string> { [ImapProperties.Session] = session, [ImapProperties.End] = end });

    private (EvidenceItem Item, byte[] Content) Message(string session) =>
        Item(EvidenceKinds.SmtpMessage, new Dictionary<string, string>(TestEvidence.TlsSession) { [SmtpProperties.Session] = session, [SmtpProperties.AuthMechanism] = "XOAUTH2" });

    private (EvidenceItem Item, byte[] Content) Item(string kind, Dictionary<string, string> properties)
    {
        _next++;
        byte[] content = [.. "{}"u8];
        var id = "ev-" + _next.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (new EvidenceItem(id, kind, EvidenceTags.Untagged("test"), Convert.ToHexStringLower(SHA256.HashData(content)), id, "application/json", content.Length, DateTimeOffset.UnixEpoch, properties), content);
    }
}
