using DuiConformance.Core;
using DuiConformance.Simulators.Mail;

namespace DuiConformance.Simulators.Tests.Mail;

public sealed class MailDirectoryTests
{
    [Test]
    public void The_profile_directory_loads_with_professional_organisation_and_patient_mailboxes()
    {
        var directory = MailDirectory.LoadDefault();

        directory.Entries.Select(entry => entry.Kind).Distinct().ShouldBe(
            [MailboxKind.Organisation, MailboxKind.Personal, MailboxKind.Application, MailboxKind.Practice, MailboxKind.Patient],
            ignoreOrder: true);
        directory.Find("DR.FICTIF@medecin.mssante.fr").ShouldNotBeNull().Kind.ShouldBe(MailboxKind.Personal);
        directory.Find("146026322000196@patient.mssante.fr").ShouldNotBeNull().Kind.ShouldBe(MailboxKind.Patient);
        directory.Find("nobody@medecin.mssante.fr").ShouldBeNull();
    }

    [TestCase("146026322000196@patient.mssante.fr", true)]
    [TestCase("279035121518989@patient.mssante.fr", true)]
    [TestCase("146026322000197@patient.mssante.fr", false)]
    [TestCase("14602632200019@patient.mssante.fr", false)]
    [TestCase("146026322000196@medecin.mssante.fr", false)]
    [TestCase("1460263220001AB@patient.mssante.fr", false)]
    public void Patient_addresses_need_an_ins_nir_with_a_valid_key(string address, bool valid) =>
        MailDirectory.IsPatientAddress(address).ShouldBe(valid);

    [Test]
    public void A_patient_entry_with_a_wrong_key_is_refused()
    {
        Should.Throw<ArgumentException>(() => new MailDirectory([new MailDirectoryEntry("146026322000197@patient.mssante.fr", MailboxKind.Patient, "x")]));
    }

    [Test]
    public void The_optional_fourth_column_marks_mailboxes_whose_delivery_fails_and_labels_keep_their_commas()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, ["address,kind,label,delivery", "a@b.mssante.fr,PER,Dr A, cardiologue", "full@b.mssante.fr,PER,Dr B,over-quota", "gone@b.mssante.fr,ORG,Service, urgences,unreachable"]);

            var directory = MailDirectory.Load(path);

            directory.Find("a@b.mssante.fr").ShouldNotBeNull().ShouldSatisfyAllConditions(
                entry => entry.Label.ShouldBe("Dr A, cardiologue"),
                entry => entry.Delivery.ShouldBe(MailboxDelivery.Normal));
            directory.Find("full@b.mssante.fr").ShouldNotBeNull().Delivery.ShouldBe(MailboxDelivery.OverQuota);
            directory.Find("gone@b.mssante.fr").ShouldNotBeNull().ShouldSatisfyAllConditions(
                entry => entry.Label.ShouldBe("Service, urgences"),
                entry => entry.Delivery.ShouldBe(MailboxDelivery.Unreachable));
            MailDirectory.LoadDefault().Entries.Count(entry => entry.Delivery != MailboxDelivery.Normal).ShouldBe(2);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void A_malformed_line_is_a_harness_fault_with_its_line_number()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, ["address,kind,label", "a@b.mssante.fr,PER,ok", "broken-line"]);

            var fault = Should.Throw<HarnessException>(() => MailDirectory.Load(path));

            fault.Code.ShouldBe(HarnessCodes.MailDirectoryInvalid);
            fault.Message.ShouldContain(":3:");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
