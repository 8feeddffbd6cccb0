using System.Text;
using DuiConformance.Core.Checks;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;
using DuiConformance.Core.Outcomes;

namespace DuiConformance.Core.Tests.Checks.Mail;

/// <summary>The receipt, patient-mailbox and restriction checks (domain.md §8.5 MSS-07, MSS-11, MSS-12, MSS-13).</summary>
public sealed class MssReceiptPatientRestrictionTests
{
    private const string Sender = "test@ehpad.mssante.fr";
    private const string Professional = "dest@medecin.mssante.fr";
    private const string Patient = "242056912345661@patient.mssante.fr";

    private static Dictionary<string, string> Envelope(string recipients, string? notify = null, string? envid = null)
    {
        var properties = new Dictionary<string, string>(TestEvidence.TlsSession)
        {
            [SmtpProperties.MailFrom] = Sender,
            [SmtpProperties.RcptTo] = recipients,
        };
        if (notify is not null)
        {
            properties[SmtpProperties.DsnNotify] = notify;
        }

        if (envid is not null)
        {
            properties[SmtpProperties.DsnEnvelopeId] = envid;
        }

        return properties;
    }

    private static CheckResult Run(string checkId, params (EvidenceItem Item, byte[] Content)[] evidence) =>
        CheckCatalogue.Find(checkId).ShouldNotBeNull().Evaluate(EvidenceSet.Of(evidence));

    private static string[] Codes(CheckResult result) => [.. result.Findings.Select(finding => finding.Code)];

    private static byte[] Xdm(string confidentiality) => TestEvidence.Zip(
        ("INDEX.HTM", [1]),
        ("README.TXT", [1]),
        ("IHE_XDM/SUBSET01/METADATA.XML", Encoding.UTF8.GetBytes($"""
            <lcm:SubmitObjectsRequest xmlns:lcm="urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0" xmlns:rim="urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0">
              <rim:RegistryObjectList><rim:ExtrinsicObject id="Doc1">
                <rim:Classification classificationScheme="urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f" classifiedObject="Doc1" nodeRepresentation="N"/>
                <rim:Classification classificationScheme="urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f" classifiedObject="Doc1" nodeRepresentation="{confidentiality}"/>
              </rim:ExtrinsicObject></rim:RegistryObjectList>
            </lcm:SubmitObjectsRequest>
            """)));

    [Test]
    public void A_message_with_disposition_notification_to_the_sender_passes_the_read_receipt_check()
    {
        var mail = TestEvidence.Mail(TestEvidence.Eml(null, $"Disposition-Notification-To: <{Sender}>\r\n"), properties: Envelope(Professional));

        Run("mss.receipt.read-requested", mail).Outcome.ShouldBe(Outcome.Pass);
    }

    [Test]
    public void A_message_without_disposition_notification_to_fails_with_smtp_3410()
    {
        var result = Run("mss.receipt.read-requested", TestEvidence.Mail(TestEvidence.Eml(null), properties: Envelope(Professional)));

        Codes(result).ShouldBe([MailFindings.ReadReceiptNotRequested.Code]);
    }

    [Test, Description("RFC 8098 §2.1: no automatic MDN when the address differs from the Return-Path")]
    public void A_receipt_address_other_than_the_envelope_sender_fails_with_smtp_3411()
    {
        var mail = TestEvidence.Mail(TestEvidence.Eml(null, "Disposition-Notification-To: <other@ehpad.mssante.fr>\r\n"), properties: Envelope(Professional));

        Codes(Run("mss.receipt.read-requested", mail)).ShouldBe([MailFindings.ReadReceiptAddressInvalid.Code]);
    }

    [Test]
    public void Notify_success_failure_with_an_envid_on_every_recipient_passes_the_delivery_receipt_check()
    {
        var mail = TestEvidence.Mail(TestEvidence.Eml(null), properties: Envelope($"{Professional},{Patient}", "SUCCESS,FAILURE;FAILURE,SUCCESS", "t-1"));

        Run("mss.receipt.delivery-requested", mail).Outcome.ShouldBe(Outcome.Pass);
    }

    [Test]
    public void A_recipient_without_notify_and_a_missing_envid_fail_with_smtp_3420_and_3421()
    {
        var mail = TestEvidence.Mail(TestEvidence.Eml(null), properties: Envelope($"{Professional},{Patient}", "SUCCESS,FAILURE;"));

        Codes(Run("mss.receipt.delivery-requested", mail)).ShouldBe([MailFindings.DeliveryNotifyMissing.Code, MailFindings.DeliveryEnvelopeIdMissing.Code]);
    }

    [Test]
    public void A_patient_mailbox_with_a_valid_ins_nir_and_x_mss_mes_fin_passes()
    {
        var mail = TestEvidence.Mail(TestEvidence.Eml(null, "X-MSS-MES: FIN\r\n"), properties: Envelope(Patient));

        Run("mss.patient.mailbox", mail).Outcome.ShouldBe(Outcome.Pass);
    }

    [Test]
    public void A_patient_address_with_a_wrong_key_seen_only_in_a_refused_rcpt_fails_with_smtp_3401()
    {
        var transcript = Encoding.UTF8.GetBytes("2026-01-01T00:00:00.000Z C: MAIL FROM:<test@ehpad.mssante.fr>\n"
            + "2026-01-01T00:00:00.000Z C: RCPT TO:<242056912345699@patient.mssante.fr> NOTIFY=SUCCESS,FAILURE\n"
            + "2026-01-01T00:00:00.000Z S: 550 5.1.1 unknown\n");
        var item = TestEvidence.Mail(transcript, "ev-transcript");
        var asTranscript = (item.Item with { Kind = EvidenceKinds.SmtpTranscript }, item.Content);

        var result = Run("mss.patient.mailbox", asTranscript);

        Codes(result).ShouldBe([MailFindings.PatientAddressInvalid.Code]);
        result.Findings[0].Message.ShouldContain("clé");
    }

    [Test]
    public void X_mss_mes_with_another_value_or_towards_a_professional_fails_with_smtp_3402_and_3403()
    {
        var wrongValue = TestEvidence.Mail(TestEvidence.Eml(null, "X-MSS-MES: OUI\r\n"), "ev-1", Envelope(Patient));
        var toProfessional = TestEvidence.Mail(TestEvidence.Eml(null, "X-MSS-MES: FIN\r\n", messageId: "<t-2@test.invalid>"), "ev-2", Envelope(Professional));

        Codes(Run("mss.patient.mailbox", wrongValue, toProfessional)).ShouldBe([MailFindings.MesValueInvalid.Code, MailFindings.MesWithoutPatient.Code]);
    }

    [Test]
    public void Messages_to_professionals_only_leave_the_patient_mailbox_check_skipped()
    {
        Run("mss.patient.mailbox", TestEvidence.Mail(TestEvidence.Eml(null), properties: Envelope(Professional))).Outcome.ShouldBe(Outcome.Skip);
    }

    [Test]
    public void An_invisible_patient_document_to_a_patient_mailbox_fails_dui_mes_02_only()
    {
        var mail = TestEvidence.Mail(TestEvidence.Eml(Xdm("INVISIBLE_PATIENT")), properties: Envelope(Patient));

        var result = Run("mss.xdm.restrictions", mail);

        Codes(result).ShouldBe([XdmFindings.InvisibleDocumentToPatient.Code]);
        result.Findings[0].Requirements.ShouldBe([MssRequirementIds.Mes02]);
    }

    [Test]
    public void A_masque_ps_document_to_a_professional_fails_and_to_the_patient_passes()
    {
        Codes(Run("mss.xdm.restrictions", TestEvidence.Mail(TestEvidence.Eml(Xdm("MASQUE_PS")), properties: Envelope(Professional))))
            .ShouldBe([XdmFindings.MaskedDocumentToProfessional.Code]);
        Run("mss.xdm.restrictions", TestEvidence.Mail(TestEvidence.Eml(Xdm("MASQUE_PS")), properties: Envelope(Patient))).Outcome.ShouldBe(Outcome.Pass);
    }

    [Test]
    public void A_message_without_xdm_is_not_judged_by_the_restriction_check()
    {
        Run("mss.xdm.restrictions", TestEvidence.Mail(TestEvidence.Eml(null), properties: Envelope(Patient))).Outcome.ShouldBe(Outcome.Skip);
    }
}
