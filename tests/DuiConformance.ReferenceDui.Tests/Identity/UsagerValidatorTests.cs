using DuiConformance.ReferenceDui.Identity;

namespace DuiConformance.ReferenceDui.Tests.Identity;

public class UsagerValidatorTests
{
    private static UsagerInput Validated() => new()
    {
        BirthName = "MARTINEAU",
        UsedName = "LEFEBVRE",
        BirthGivenNames = "HELENE  MARIE LOUISE",
        Sex = "F",
        BirthDate = "1942-05-17",
        BirthPlace = "69123",
        IdentityStatus = "VALI",
        Traitements = "Paracétamol",
    };

    private static UsagerInput Reprise() => Validated() with { IdentityStatus = "RECUP", Ins = "242056912345661" };

    [Test]
    public void A_complete_validated_identity_is_accepted_with_normalised_given_names_and_no_ins()
    {
        var result = UsagerValidator.Validate(Validated(), TestData.Now);

        result.Errors.ShouldBeEmpty();
        var usager = result.Usager.ShouldNotBeNull();
        usager.ShouldSatisfyAllConditions(
            () => usager.BirthGivenNames.ShouldBe("HELENE MARIE LOUISE"),
            () => usager.FirstGivenName.ShouldBe("HELENE"),
            () => usager.Status.ShouldBe(IdentityStatus.Validee),
            () => usager.Ins.ShouldBeNull(),
            () => usager.HasQualifiedIns.ShouldBeFalse(),
            () => usager.Directives.ShouldBeNull());
    }

    [Test]
    public void A_provisional_identity_without_ins_is_accepted() =>
        UsagerValidator.Validate(Validated() with { IdentityStatus = "PROV" }, TestData.Now).Usager.ShouldNotBeNull().Status.ShouldBe(IdentityStatus.Provisoire);

    [TestCase("RECUP")]
    [TestCase("QUAL")]
    public void A_new_identity_cannot_be_created_retrieved_or_qualified_because_those_come_only_from_insi(string status)
    {
        var result = UsagerValidator.Validate(Validated() with { IdentityStatus = status }, TestData.Now);

        result.Usager.ShouldBeNull();
        result.Errors.Keys.ShouldBe(["identityStatus"]);
        result.Errors["identityStatus"].ShouldContain("ne peut pas être créée récupérée (RECUP) ni qualifiée (QUAL)");
        result.Errors["identityStatus"].ShouldContain("réponse 00 du téléservice INSi");
    }

    [TestCase("PROV")]
    [TestCase("VALI")]
    public void A_typed_ins_is_refused_even_with_a_valid_key(string status)
    {
        var result = UsagerValidator.Validate(Validated() with { IdentityStatus = status, Ins = "242056912345661" }, TestData.Now);

        result.Usager.ShouldBeNull();
        result.Errors.Keys.ShouldBe(["ins"]);
        result.Errors["ins"].ShouldContain("Le matricule INS ne se saisit pas");
    }

    [Test]
    public void A_forged_qualified_identity_with_an_ins_is_refused_on_both_fields()
    {
        var result = UsagerValidator.Validate(Validated() with { IdentityStatus = "QUAL", Ins = "242056912345661" }, TestData.Now);

        result.Usager.ShouldBeNull();
        result.Errors.Keys.ShouldBe(["identityStatus", "ins"], ignoreOrder: true);
    }

    [Test]
    public void A_reprise_keeps_the_ins_an_earlier_software_retrieved_as_a_retrieved_identity()
    {
        var usager = UsagerValidator.Validate(Reprise(), TestData.Now, reprise: true).Usager.ShouldNotBeNull();

        usager.ShouldSatisfyAllConditions(
            () => usager.Status.ShouldBe(IdentityStatus.Recuperee),
            () => usager.Ins.ShouldBe("242056912345661"),
            () => usager.HasQualifiedIns.ShouldBeFalse());
    }

    [TestCase("QUAL")]
    [TestCase("VALI")]
    [TestCase("PROV")]
    public void A_reprise_accepts_only_a_retrieved_identity(string status) =>
        UsagerValidator.Validate(Reprise() with { IdentityStatus = status }, TestData.Now, reprise: true).Errors.Keys.ShouldBe(["identityStatus"]);

    [Test]
    public void A_reprise_without_ins_is_refused() =>
        UsagerValidator.Validate(Reprise() with { Ins = "" }, TestData.Now, reprise: true).Errors.Keys.ShouldBe(["ins"]);

    [Test]
    public void A_reprise_ins_with_a_wrong_key_is_refused_with_a_clear_message()
    {
        var result = UsagerValidator.Validate(Reprise() with { Ins = "242056912345662" }, TestData.Now, reprise: true);

        result.Usager.ShouldBeNull();
        result.Errors["ins"].ShouldContain("clé du matricule INS est incorrecte");
    }

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
        UsagerValidator.Validate(Validated() with { BirthDate = birthDate }, TestData.Now).Errors.Keys.ShouldBe(["birthDate"]);

    [TestCase("6912")]
    [TestCase("2C004")]
    [TestCase("<b>1</b>")]
    public void A_bad_insee_code_is_refused(string code) =>
        UsagerValidator.Validate(Validated() with { BirthPlace = code }, TestData.Now).Errors.Keys.ShouldBe(["birthPlace"]);
}
