using DuiConformance.ReferenceDui.Identity;

namespace DuiConformance.ReferenceDui.Tests.Identity;

public class UsagerValidatorTests
{
    private static UsagerInput Qualified() => new()
    {
        BirthName = "MARTINEAU",
        UsedName = "LEFEBVRE",
        BirthGivenNames = "HELENE  MARIE LOUISE",
        Sex = "F",
        BirthDate = "1942-05-17",
        BirthPlace = "69123",
        Ins = "242056912345661",
        IdentityStatus = "QUAL",
        Traitements = "Paracétamol",
    };

    [Test]
    public void A_complete_qualified_identity_is_accepted_with_normalised_given_names()
    {
        var result = UsagerValidator.Validate(Qualified(), TestData.Now);

        result.Errors.ShouldBeEmpty();
        var usager = result.Usager.ShouldNotBeNull();
        usager.ShouldSatisfyAllConditions(
            () => usager.BirthGivenNames.ShouldBe("HELENE MARIE LOUISE"),
            () => usager.FirstGivenName.ShouldBe("HELENE"),
            () => usager.Status.ShouldBe(IdentityStatus.Qualifiee),
            () => usager.HasQualifiedIns.ShouldBeTrue(),
            () => usager.Directives.ShouldBeNull());
    }

    [Test]
    public void A_qualified_identity_without_ins_is_refused() =>
        UsagerValidator.Validate(Qualified() with { Ins = "" }, TestData.Now).Errors.Keys.ShouldBe(["ins"]);

    [Test]
    public void An_ins_with_a_wrong_key_is_refused_with_a_clear_message()
    {
        var result = UsagerValidator.Validate(Qualified() with { Ins = "242056912345662" }, TestData.Now);

        result.Usager.ShouldBeNull();
        result.Errors["ins"].ShouldContain("clé du matricule INS est incorrecte");
    }

    [Test]
    public void A_provisional_identity_cannot_hold_an_ins() =>
        UsagerValidator.Validate(Qualified() with { IdentityStatus = "PROV" }, TestData.Now).Errors.Keys.ShouldBe(["ins"]);

    [Test]
    public void A_provisional_identity_without_ins_is_accepted() =>
        UsagerValidator.Validate(Qualified() with { IdentityStatus = "PROV", Ins = "" }, TestData.Now).Usager.ShouldNotBeNull();

    [Test]
    public void Every_missing_trait_is_reported_at_once()
    {
        var result = UsagerValidator.Validate(new UsagerInput(), TestData.Now);

        result.Errors.Keys.ShouldBe(["birthName", "birthGivenNames", "sex", "birthDate", "birthPlace", "identityStatus"], ignoreOrder: true);
    }

    [TestCase("2025-03-15", Description = "the day after 'now'")]
    [TestCase("1942-02-30", Description = "not a date")]
    [TestCase("17/05/1942", Description = "not ISO")]
    public void A_bad_birth_date_is_refused(string birthDate) =>
        UsagerValidator.Validate(Qualified() with { BirthDate = birthDate }, TestData.Now).Errors.Keys.ShouldBe(["birthDate"]);

    [TestCase("6912")]
    [TestCase("2C004")]
    [TestCase("<b>1</b>")]
    public void A_bad_insee_code_is_refused(string code) =>
        UsagerValidator.Validate(Qualified() with { BirthPlace = code }, TestData.Now).Errors.Keys.ShouldBe(["birthPlace"]);
}
