using DuiConformance.Core.Organisations;
using DuiConformance.Core.Proof;

namespace DuiConformance.Core.Tests.Eligibility;

public sealed class FinessValidatorTests
{
    [TestCase("750712184")]
    [TestCase("690999990")]
    [TestCase("2A0000016")]
    [TestCase("970000014")]
    public void Well_formed_numbers_with_a_right_key_are_valid(string finess)
    {
        FinessValidator.Validate(finess).ShouldBeNull();
        FinessValidator.IsValid(finess).ShouldBeTrue();
    }

    [TestCase(null, "absent")]
    [TestCase("", "absent")]
    [TestCase("75071218", "9 caractères (il en compte 8)")]
    [TestCase("7507121845", "9 caractères (il en compte 10)")]
    [TestCase("75O712184", "« O » en position 3")]
    [TestCase("2C0000016", "« C » en position 2")]
    [TestCase("750712185", "clé du numéro FINESS « 750712185 » est fausse : « 5 » au lieu de « 4 »")]
    [TestCase("000000000", "« 00 », qui n'est pas un code de département")]
    public void Wrong_numbers_get_a_french_message_naming_the_fault(string? finess, string expected)
    {
        FinessValidator.Validate(finess).ShouldNotBeNull().ShouldContain(expected);
    }

    [Test]
    public void Luhn_key_of_the_first_eight_digits_completes_the_number()
    {
        FinessValidator.LuhnKey("75071218").ShouldBe(4);
        FinessValidator.LuhnKey("69099999").ShouldBe(0);
    }

    [Test]
    public void Every_single_digit_change_of_a_valid_number_is_caught()
    {
        const string valid = "750712184";
        for (var position = 0; position < valid.Length; position++)
        {
            for (var digit = '0'; digit <= '9'; digit++)
            {
                if (digit == valid[position])
                {
                    continue;
                }

                var changed = valid[..position] + digit + valid[(position + 1)..];
                FinessValidator.IsValid(changed).ShouldBeFalse(changed);
            }
        }
    }
}
