using System.Text;
using DuiConformance.ReferenceDui.Mss;
using MimeKit;

namespace DuiConformance.ReferenceDui.Tests.Mss;

/// <summary>Receipts (MDN RFC 8098, DSN RFC 3464), subjects and received CDA documents as the reference DUI reads them.</summary>
public sealed class MssReceiptReaderTests
{
    private static MultipartReport Report(string reportType, string partType, string fields)
    {
        var text = "From: <postmaster@test-ci-sis.mssante.fr>\r\nTo: <secretariat@ehpad.mssante.fr>\r\nSubject: receipt\r\nMIME-Version: 1.0\r\n"
            + $"Content-Type: multipart/report; report-type={reportType}; boundary=\"b\"\r\n\r\n"
            + "--b\r\nContent-Type: text/plain\r\n\r\nhuman\r\n"
            + $"--b\r\nContent-Type: {partType}\r\n\r\n{fields}\r\n--b--\r\n";
        var message = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        return message.Body.ShouldBeOfType<MultipartReport>();
    }

    [Test]
    public void An_mdn_is_matched_by_original_message_id_and_reads_processed()
    {
        var report = Report("disposition-notification", "message/disposition-notification",
            "Reporting-UA: sim\r\nFinal-Recipient: rfc822; dr.martin@ch-exemple.test-ci-sis.mssante.fr\r\n"
            + "Original-Message-ID: <ABC123@ehpad.mssante.fr>\r\nDisposition: automatic-action/MDN-sent-automatically; processed\r\n");

        var receipt = MssReceiptReader.Read(report, TestData.Now).ShouldHaveSingleItem();

        receipt.ShouldBe(new Storage.MssReceipt("ABC123@ehpad.mssante.fr", "dr.martin@ch-exemple.test-ci-sis.mssante.fr", MssReceiptReader.ReadKind, "traité", TestData.Now));
    }

    [Test]
    public void An_mdn_with_an_mssante_integration_error_shows_its_code_and_label()
    {
        MssReceiptReader.DispositionText("automatic-action/MDN-sent-automatically; processed/Error: 904^INS non concordant")
            .ShouldBe("erreur 904 (INS non concordant)");
    }

    [Test]
    public void A_dsn_is_matched_by_its_xtext_envelope_id_with_one_status_per_recipient()
    {
        var report = Report("delivery-status", "message/delivery-status",
            "Reporting-MTA: dns; test-ci-sis.mssante.fr\r\nOriginal-Envelope-Id: ABC+2B1@ehpad.mssante.fr\r\n\r\n"
            + "Final-Recipient: rfc822; dr.martin@ch-exemple.test-ci-sis.mssante.fr\r\nAction: delivered\r\nStatus: 2.0.0\r\n\r\n"
            + "Final-Recipient: rfc822; inconnu@ch-exemple.test-ci-sis.mssante.fr\r\nAction: failed\r\nStatus: 5.1.1\r\n");

        var receipts = MssReceiptReader.Read(report, TestData.Now);

        receipts.Select(r => (r.MessageId, r.Recipient, r.Kind, r.Status)).ShouldBe(
        [
            ("ABC+1@ehpad.mssante.fr", "dr.martin@ch-exemple.test-ci-sis.mssante.fr", MssReceiptReader.DeliveryKind, "remis"),
            ("ABC+1@ehpad.mssante.fr", "inconnu@ch-exemple.test-ci-sis.mssante.fr", MssReceiptReader.DeliveryKind, "échec de remise (5.1.1)"),
        ]);
    }

    [TestCase("XDM/1.0/DDM+Lettre de liaison MARTINEAU HELENE 17/05/1942", "Lettre de liaison MARTINEAU HELENE 17/05/1942")]
    [TestCase("Question sur mon traitement", "Question sur mon traitement")]
    [TestCase(null, "")]
    public void The_xdm_subject_prefix_is_hidden(string? subject, string shown) =>
        MssReceiver.DisplaySubject(subject).ShouldBe(shown);

    [Test]
    public void The_cda_of_the_discharge_fixture_is_found_with_its_patient_ins_and_title()
    {
        var message = MimeMessage.Load(Fixture("mss", "inbound", "discharge-ch-exemple.eml"));

        var found = ReceivedDocumentReader.Read(message).ShouldNotBeNull();

        found.ShouldSatisfyAllConditions(
            () => found.Ins.ShouldBe(TestData.QualifiedIns),
            () => found.Title.ShouldBe("Lettre de liaison à la sortie"),
            () => Encoding.UTF8.GetString(found.Bytes).ShouldStartWith("<?xml"));
    }

    [Test]
    public void A_message_without_xdm_has_no_cda()
    {
        ReceivedDocumentReader.Read(MimeMessage.Load(Fixture("mss", "inbound", "patient-question.eml"))).ShouldBeNull();
    }

    private static string Fixture(params string[] parts)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine([directory.FullName, "fixtures", .. parts]);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("fixture introuvable : " + string.Join('/', parts));
    }
}
