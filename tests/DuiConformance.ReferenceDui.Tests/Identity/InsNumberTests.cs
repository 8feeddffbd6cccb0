using DuiConformance.ReferenceDui.Identity;

namespace DuiConformance.ReferenceDui.Tests.Identity;

public class InsNumberTests
{
    [TestCase("242056912345661", Description = "Key 61 = 97 - (2420569123456 mod 97).")]
    [TestCase("279035121518989", Description = "The test INS of the ANS DLU example (key 89).")]
    public void A_matricule_with_the_right_key_is_valid(string ins) => InsNumber.Validate(ins).ShouldBeNull();

    [Test]
    public void A_wrong_key_is_refused_with_the_expected_key_in_the_message()
    {
        var message = InsNumber.Validate("242056912345660");

        message.ShouldNotBeNull();
        message.ShouldContain("clé");
        message.ShouldContain("61");
    }

    [TestCase("24205691234566", Description = "14 characters")]
    [TestCase("2420569123456612", Description = "16 characters")]
    [TestCase("", Description = "empty")]
    public void A_matricule_of_the_wrong_length_is_refused(string ins) => InsNumber.Validate(ins).ShouldNotBeNull();

    [Test]
    public void Letters_outside_the_department_are_refused() =>
        InsNumber.Validate("2420569X2345661").ShouldNotBeNull().ShouldContain("chiffres");

    [TestCase("155022A00412323", Description = "2A is read as 19: 97 - (1550219004123 mod 97) = 23.")]
    [TestCase("155022B00412350", Description = "2B is read as 18: 97 - (1550218004123 mod 97) = 50.")]
    public void A_corsican_matricule_is_checked_with_2A_as_19_and_2B_as_18(string ins) => InsNumber.Validate(ins).ShouldBeNull();

    [TestCase("155022A00412350", Description = "the 2B key under a 2A department")]
    [TestCase("155022B00412323", Description = "the 2A key under a 2B department")]
    public void A_corsican_matricule_with_the_other_department_key_is_refused(string ins) => InsNumber.IsValid(ins).ShouldBeFalse();

    [Test]
    public void The_insi_person_of_the_dlu_share_usager_carries_a_valid_ins()
    {
        var path = Path.Combine(TestData.RepositoryRoot(), "fixtures", "identities", "martineau-helene.yaml");
        var line = File.ReadAllLines(path).Single(l => l.StartsWith("ins:", StringComparison.Ordinal));
        var ins = line["ins:".Length..].Trim().Trim('"');

        InsNumber.Validate(ins).ShouldBeNull();
    }
}
