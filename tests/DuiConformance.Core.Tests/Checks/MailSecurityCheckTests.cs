using DuiConformance.Core.Checks;
using DuiConformance.Core.Checks.Mail;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;
using DuiConformance.Core.Outcomes;

namespace DuiConformance.Core.Tests.Checks;

/// <summary>DUI-SEC-02 (IMAP TLS before login) and DUI-SEC-03 (XOAUTH2 with a PSC token) from the operator's session facts.</summary>
public sealed class MailSecurityCheckTests
{
    [Test]
    public void Imap_login_after_starttls_in_tls_13_passes()
    {
        var result = Run("mss.imap.tls-before-login", Imap(("authMechanism", "XOAUTH2")));

        result.Outcome.ShouldBe(Outcome.Pass);
        result.EvidenceIds.ShouldBe(["ev-imap"]);
    }

    [Test]
    public void Imap_login_attempt_before_tls_is_reported_even_when_the_later_login_succeeded()
    {
        var result = Run("mss.imap.tls-before-login", Imap(("authMechanism", "LOGIN"), ("authBeforeTls", "true")));

        result.Outcome.ShouldBe(Outcome.Fail);
        result.Findings.Select(finding => finding.Code).ShouldBe([ImapSecurityFindings.LoginBeforeTls.Code]);
    }

    [TestCase("Tls11", "IMAP-4103")]
    [TestCase("Tls12", null)]
    public void Imap_tls_version_must_be_1_2_or_later(string protocol, string? code)
    {
        var result = Run("mss.imap.tls-before-login", Imap(("authMechanism", "PLAIN"), ("tlsProtocol", protocol)));

        result.Findings.Select(finding => finding.Code).ShouldBe(code is null ? [] : [code]);
    }

    [Test]
    public void Imap_login_without_tls_is_reported()
    {
        var result = Run("mss.imap.tls-before-login", Imap(("authMechanism", "LOGIN"), ("tls", "false")));

        result.Findings.Select(finding => finding.Code).ShouldBe([ImapSecurityFindings.NoTls.Code]);
    }

    [Test]
    public void Imap_sessions_without_any_login_leave_the_check_skipped()
    {
        Run("mss.imap.tls-before-login", Imap(("authMechanism", ""))).Outcome.ShouldBe(Outcome.Skip);
        Run("mss.imap.tls-before-login").Outcome.ShouldBe(Outcome.Skip);
    }

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

    // Note: mss.imap.tls-before-login is not in CheckCatalogue.All until a scenario reads mail over IMAP.
    private static CheckResult Run(string checkId, params (EvidenceItem Item, byte[] Content)[] evidence) =>
        (checkId == "mss.imap.tls-before-login" ? new ImapTlsBeforeLoginCheck() : CheckCatalogue.Find(checkId).ShouldNotBeNull()).Evaluate(EvidenceSet.Of(evidence));

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
