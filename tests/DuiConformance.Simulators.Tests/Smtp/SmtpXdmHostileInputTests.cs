using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using DuiConformance.Core.Checks;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;
using DuiConformance.Core.Outcomes;
using DuiConformance.Simulators.Tests.Support;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace DuiConformance.Simulators.Tests.Smtp;

/// <summary>
/// Issue 3 §6: hostile IHE_XDM.ZIP attachments submitted through the real SMTP server with MailKit. The operator files
/// them (it accepts mail, it does not judge it), stays up, and the checks report a finding instead of throwing.
/// </summary>
[Category("Network")]
public sealed class SmtpXdmHostileInputTests
{
    private TemporaryEvidence _evidence = null!;
    private RunningSimulators _simulators = null!;

    [SetUp]
    public async Task StartSimulators()
    {
        _evidence = new TemporaryEvidence();
        _simulators = await SimulatorHost.StartAsync(new SimulatorHostOptions(), _evidence.Store, CancellationToken.None).WithTimeout("simulators start");
    }

    [TearDown]
    public async Task StopSimulators()
    {
        await _simulators.DisposeAsync().AsTask().WithTimeout("simulators stop");
        _evidence.Dispose();
    }

    private static IEnumerable<TestCaseData> HostileArchives()
    {
        yield return new TestCaseData("zip-bomb", ZipBomb(), XdmFindings.Limits.Code).SetName("A_zip_bomb_of_30_MiB_of_zeros_is_filed_and_reported_XDM_2003");
        yield return new TestCaseData("dot-dot", Xdm(("../../EVIL.TXT", "zip slip")), XdmFindings.UnsafePath.Code).SetName("A_dot_dot_entry_is_filed_and_reported_XDM_2004");
        yield return new TestCaseData("absolute", Xdm(("/etc/cron.d/evil", "zip slip")), XdmFindings.UnsafePath.Code).SetName("An_absolute_entry_is_filed_and_reported_XDM_2004");
        yield return new TestCaseData("backslash", Xdm(("..\\..\\EVIL.TXT", "zip slip")), XdmFindings.UnsafePath.Code).SetName("A_backslash_entry_is_filed_and_reported_XDM_2004");
        var whole = Xdm();
        yield return new TestCaseData("truncated", whole[..(whole.Length * 2 / 3)], XdmFindings.NotAZip.Code).SetName("A_truncated_zip_is_filed_and_reported_XDM_2002");
        yield return new TestCaseData("not-a-zip", Encoding.ASCII.GetBytes("This is not a zip archive, only text.\r\n"), XdmFindings.NotAZip.Code).SetName("A_text_file_named_IHE_XDM_ZIP_is_filed_and_reported_XDM_2002");
    }

    [TestCaseSource(nameof(HostileArchives))]
    public async Task Hostile_xdm_attachment_is_accepted_filed_and_judged_without_throwing(string name, byte[] archive, string expectedCode)
    {
        using (var client = await ConnectAsync())
        {
            await client.SendAsync(Message(name, archive)).WithTimeout("send hostile");

            // Note: the same connection goes on; the server did not fall over on the previous message.
            await client.SendAsync(Message(name + "-after", Xdm())).WithTimeout("send after");
            await client.DisconnectAsync(true).WithTimeout("quit");
        }

        var messages = _evidence.OfKind(EvidenceKinds.SmtpMessage);
        messages.Count.ShouldBe(2);
        var stored = _simulators.MailStore.Mailbox("dr.martin@ch-exemple.test-ci-sis.mssante.fr").InboxFolder.Messages;
        stored.Count.ShouldBe(2);

        var hostile = EvidenceSet.Of((messages[0], _evidence.Store.ReadContent(messages[0])));
        var layout = CheckCatalogue.Find("mss.xdm.layout").ShouldNotBeNull().Evaluate(hostile);
        layout.Outcome.ShouldBe(Outcome.Fail);
        layout.Findings.Select(finding => finding.Code).ShouldContain(expectedCode);
        foreach (var check in CheckCatalogue.All)
        {
            check.Evaluate(hostile).Outcome.ShouldNotBe(Outcome.Error, check.Definition.Id);
        }

        // Note: a fresh connection still gets the greeting: the listener survived.
        using var again = await ConnectAsync();
        again.IsConnected.ShouldBeTrue();
    }

    private async Task<SmtpClient> ConnectAsync()
    {
        var client = new SmtpClient
        {
            Timeout = (int)TaskTimeouts.Network.TotalMilliseconds,
            ServerCertificateValidationCallback = (_, certificate, _, _) => certificate is not null
                && Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256)) == _simulators.Certificate.Sha256Fingerprint,
        };
        await client.ConnectAsync(_simulators.SmtpHost, _simulators.SmtpPort, SecureSocketOptions.StartTls).WithTimeout("connect");
        await client.AuthenticateAsync(new SaslMechanismOAuth2(_simulators.Mailboxes[0].Address, _simulators.IssueTestToken().AccessToken)).WithTimeout("auth");
        return client;
    }

    private static MimeMessage Message(string name, byte[] archive)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(SimulatorHostOptions.DefaultMailboxAddress));
        message.To.Add(MailboxAddress.Parse("dr.martin@ch-exemple.test-ci-sis.mssante.fr"));
        message.Subject = "XDM hostile " + name;
        message.Headers.Add("X-MSS-NIL", "TEST-NIL-0001");
        var body = new BodyBuilder { TextBody = "Pièce jointe de test." };
        body.Attachments.Add("IHE_XDM.ZIP", archive, new ContentType("application", "zip"));
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>A minimal XDM layout with the given extra entries (names written as given, unchecked).</summary>
    private static byte[] Xdm(params (string Name, string Content)[] extra)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in new[] { ("INDEX.HTM", "<html><body>index</body></html>"), ("README.TXT", "readme") }.Concat(extra))
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return buffer.ToArray();
    }

    /// <summary>30 MiB of zeros in one entry: about 30 KiB compressed, a ratio far over XdmReadLimits' 100.</summary>
    private static byte[] ZipBomb()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var stream = zip.CreateEntry("IHE_XDM/SUBSET01/BOMB.XML", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var index = 0; index < 30; index++)
            {
                stream.Write(zeros);
            }
        }

        return buffer.ToArray();
    }
}
