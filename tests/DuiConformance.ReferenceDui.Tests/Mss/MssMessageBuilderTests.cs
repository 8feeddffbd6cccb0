using System.IO.Compression;
using DuiConformance.ReferenceDui.Identity;
using DuiConformance.ReferenceDui.Mss;
using MimeKit;

namespace DuiConformance.ReferenceDui.Tests.Mss;

[Description("MSSanté headers and message structure (domain.md §4.4–4.5); requirements DUI-MSS-01..03.")]
public class MssMessageBuilderTests
{
    private static readonly MailboxAddress Recipient = new("Dr Paul GIRARD", "paul.girard@medecin.test-ci-sis.mssante.fr");

    private static MimeMessage Build(Usager usager)
    {
        var organisation = TestData.Organisation();
        var builder = new MssMessageBuilder(organisation, new XdmPackageBuilder(organisation));
        return builder.Build(usager, TestData.Document(usager, organisation), Recipient, TestData.Now);
    }

    [Test]
    public void A_message_with_a_qualified_dlu_carries_the_mss_headers()
    {
        var message = Build(TestData.QualifiedUsager());

        message.ShouldSatisfyAllConditions(
            () => message.Headers["X-MSS-NIL"].ShouldBe("DUICONF-REF-0001"),
            () => message.Headers["X-MSS-CODECDA"].ShouldBe("74207-2"),
            () => message.Headers["X-MSS-INS"].ShouldBe("O"));
    }

    [TestCase("PROV")]
    [TestCase("RECUP")]
    public void A_message_with_a_non_qualified_dlu_says_no_ins(string code)
    {
        IdentityStatusCodes.TryParse(code, out var status).ShouldBeTrue();
        var usager = status == IdentityStatus.Provisoire ? TestData.ProvisionalUsager() : TestData.QualifiedUsager(status);

        Build(usager).Headers["X-MSS-INS"].ShouldBe("N");
    }

    [Test]
    public void The_message_has_the_rfc5322_basics_and_a_mixed_body_with_the_xdm_zip()
    {
        var message = Build(TestData.QualifiedUsager());
        var mixed = message.Body.ShouldBeOfType<Multipart>();
        var text = mixed[0].ShouldBeOfType<TextPart>();
        var zip = mixed[1].ShouldBeOfType<MimePart>();

        message.ShouldSatisfyAllConditions(
            () => message.MessageId.ShouldEndWith("@ehpad-les-tilleuls.test-ci-sis.mssante.fr"),
            () => message.Date.ShouldBe(TestData.Now),
            () => message.From.Mailboxes.Single().Address.ShouldBe("secretariat@ehpad-les-tilleuls.test-ci-sis.mssante.fr"),
            () => message.To.Mailboxes.Single().Address.ShouldBe(Recipient.Address),
            () => message.Subject.ShouldBe("DLU MARTINEAU HELENE"),
            () => mixed.ContentType.MimeType.ShouldBe("multipart/mixed"),
            () => text.ContentType.MimeType.ShouldBe("text/plain"),
            () => text.Text.ShouldContain("MARTINEAU"),
            () => zip.ContentType.MimeType.ShouldBe("application/zip"),
            () => zip.FileName.ShouldBe("IHE_XDM.ZIP"),
            () => zip.ContentDisposition!.Disposition.ShouldBe(ContentDisposition.Attachment));
    }

    [Test]
    public void The_message_survives_a_round_trip_through_its_wire_form()
    {
        var message = Build(TestData.QualifiedUsager());
        using var wire = new MemoryStream();
        message.WriteTo(wire);
        wire.Position = 0;

        var parsed = MimeMessage.Load(wire);
        var attachment = parsed.Attachments.OfType<MimePart>().Single();
        using var content = new MemoryStream();
        attachment.Content!.DecodeTo(content);
        content.Position = 0;
        using var zip = new ZipArchive(content, ZipArchiveMode.Read);

        parsed.Headers["X-MSS-INS"].ShouldBe("O");
        zip.Entries.Select(e => e.FullName).ShouldContain("IHE_XDM/SUBSET01/METADATA.XML");
    }
}
