using DuiConformance.Core.Checks;
using DuiConformance.Core.Checks.Mail;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;
using DuiConformance.Core.Outcomes;

namespace DuiConformance.Core.Tests.Checks;

/// <summary>DUI-SEC-03 (XOAUTH2 with a PSC token) from the operator's session facts; DUI-SEC-02 is ImapTlsBeforeAuthCheckTests.</summary>
public sealed class MailSecurityCheckTests
{
    [TestCase("XOAUTH2", null)]
    [TestCase("OAUTHBEARER", null)]
    [TestCase("PLAIN", "SMTP-3101")]
    [TestCase("", "SMTP-3101")]
    public void Smtp_submission_must_use_a_psc_token_mechanism(string mechanism, string? code)
    {
        var properties = new Dictionary<string, string>(TestEvidence.TlsSession) { [SmtpProperties.AuthMechanism] = mechanism };

        var result = Run("mss.auth.psc-token", TestEvidence.Mail(TestEvidence.Eml(null), properties: properties));

        result.Findings.Select(finding => finding.Code).ShouldBe(code is null ? [] : [code]);
        result.EvidenceIds.ShouldBe(["ev-mail"]);
    }

    [Test]
    public void Imap_password_login_fails_the_psc_token_check_while_smtp_xoauth2_passes()
    {
        var properties = new Dictionary<string, string>(TestEvidence.TlsSession) { [SmtpProperties.AuthMechanism] = "XOAUTH2" };

        var result = Run("mss.auth.psc-token", TestEvidence.Mail(TestEvidence.Eml(null), properties: properties), Imap(("authMechanism", "LOGIN")));

        result.Outcome.ShouldBe(Outcome.Fail);
        result.Findings.ShouldHaveSingleItem().Code.ShouldBe(ImapSecurityFindings.NotTokenAuthenticated.Code);
        result.EvidenceIds.ShouldBe(["ev-mail", "ev-imap"]);
    }

    [Test]
    public void Psc_token_check_is_skipped_with_neither_submission_nor_imap_login()
    {
        Run("mss.auth.psc-token", Imap(("authMechanism", ""))).Outcome.ShouldBe(Outcome.Skip);
    }

    private static CheckResult Run(string checkId, params (EvidenceItem Item, byte[] Content)[] evidence) =>
        CheckCatalogue.Find(checkId).ShouldNotBeNull().Evaluate(EvidenceSet.Of(evidence));

    private static (EvidenceItem Item, byte[] Content) Imap(params (string Name, string Value)[] overrides)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ImapProperties.Session] = "imap-test",
            [ImapProperties.Tls] = "true",
            [ImapProperties.TlsProtocol] = "Tls13",
            [ImapProperties.AuthBeforeTls] = "false",
            [ImapProperties.AuthMechanism] = string.Empty,
        };
        foreach (var (name, value) in overrides)
        {
            properties[name] = value;
        }

        byte[] content = [.. "* OK ready\r\n"u8];
        var item = new EvidenceItem("ev-imap", EvidenceKinds.ImapTranscript, EvidenceTags.Untagged("test"), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), "ev-imap", "text/plain", content.Length, DateTimeOffset.UnixEpoch, properties);
        return (item, content);
    }
}
