using System.Text;
using DuiConformance.Core.Evidence;
using DuiConformance.Simulators.Smtp;
using DuiConformance.Simulators.Tests.Support;

namespace DuiConformance.Simulators.Tests.Smtp;

/// <summary>The size limit a scenario sets (domain.md §4.5, DUI-MSS-10): announced in EHLO, enforced on MAIL and DATA.</summary>
public sealed class SmtpSizeLimitTests
{
    [Test]
    public async Task A_lowered_limit_is_announced_in_ehlo_and_enforced_on_mail_size()
    {
        await using var harness = SmtpSessionHarness.Start();
        harness.Context.SizeLimit.Set(4096);
        await harness.Client.ExpectAsync(SmtpSessionHarness.Greeting);

        await harness.Client.SendAsync("EHLO client.test");
        (await harness.Client.ReadReplyAsync()).ShouldContain("250-SIZE 4096");
        await harness.Client.RoundTripAsync("STARTTLS", "220 2.0.0 Ready to start TLS");
        await harness.Client.StartTlsAsync(harness.Certificate.Sha256Fingerprint);
        await harness.Client.SendAsync("EHLO client.test");
        (await harness.Client.ReadReplyAsync()).ShouldContain("250-SIZE 4096");
        await harness.Client.RoundTripAsync("AUTH PLAIN " + SmtpSessionHarness.PlainToken(), "235 2.7.0 Authentication successful");

        await harness.Client.RoundTripAsync($"MAIL FROM:<{SmtpSessionHarness.Sender}> SIZE=4097", "552 5.3.4 Message size exceeds fixed maximum message size");
        await harness.Client.RoundTripAsync($"MAIL FROM:<{SmtpSessionHarness.Sender}> SIZE=4096", $"250 2.1.0 Sender <{SmtpSessionHarness.Sender}> OK");
    }

    [Test]
    public async Task Data_over_a_lowered_limit_is_refused_with_552_and_not_stored()
    {
        await using var harness = SmtpSessionHarness.Start();
        await harness.AuthenticateAsync();
        harness.Context.SizeLimit.Set(100);
        await harness.Client.RoundTripAsync($"MAIL FROM:<{SmtpSessionHarness.Sender}>", $"250 2.1.0 Sender <{SmtpSessionHarness.Sender}> OK");
        await harness.Client.RoundTripAsync($"RCPT TO:<{SmtpSessionHarness.Recipient}>", $"250 2.1.5 Recipient <{SmtpSessionHarness.Recipient}> OK");
        await harness.Client.RoundTripAsync("DATA", "354 Start mail input; end with <CRLF>.<CRLF>");

        await harness.Client.SendRawAsync(Encoding.ASCII.GetBytes("Subject: big\r\n\r\n" + string.Concat(Enumerable.Repeat("0123456789\r\n", 20)) + ".\r\n"));

        await harness.Client.ExpectAsync("552 5.3.4 Message size exceeds fixed maximum message size");
        harness.Evidence.OfKind(EvidenceKinds.SmtpMessage).ShouldBeEmpty();
    }

    [Test]
    public void Clearing_the_scenario_limit_restores_the_configured_one()
    {
        var limit = new SmtpSizeLimit(10_485_760);
        limit.Set(2048);
        limit.Current.ShouldBe(2048);

        limit.Set(null);

        limit.Current.ShouldBe(10_485_760);
        Should.Throw<ArgumentOutOfRangeException>(() => limit.Set(0));
    }
}
