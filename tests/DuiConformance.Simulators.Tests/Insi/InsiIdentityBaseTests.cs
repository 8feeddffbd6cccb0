using DuiConformance.Core;
using DuiConformance.Simulators.Insi;

namespace DuiConformance.Simulators.Tests.Insi;

public sealed class InsiIdentityBaseTests
{
    [Test]
    public void The_fixture_identity_base_loads_with_valid_keys_and_insi_oids()
    {
        var identities = InsiIdentityBase.Load(RepositoryLayout.Fixture("identities"));

        identities.Identities.Count.ShouldBeGreaterThanOrEqualTo(5);
        identities.Identities.ShouldContain(identity => identity.BirthPlace.StartsWith("2A", StringComparison.Ordinal));
        identities.Identities.ShouldAllBe(identity => identity.Ins.Oid == "1.2.250.1.213.1.4.8" || identity.Ins.Oid == "1.2.250.1.213.1.4.9");
    }

    [Test]
    public void A_matricule_with_a_wrong_key_refuses_the_base_naming_the_file()
    {
        var directory = Directory.CreateTempSubdirectory("insi-base-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "faux.yaml"), "birthName: X\ngivenNames: [Y]\nsex: F\nbirthDate: \"1950-01-01\"\nbirthPlace: \"75056\"\nins: \"242056912345662\"\noid: \"1.2.250.1.213.1.4.8\"\n");

            var exception = Should.Throw<InvalidDataException>(() => InsiIdentityBase.Load(directory));

            exception.Message.ShouldContain("faux.yaml");
            exception.Message.ShouldContain("clé 62 incorrecte, 61 attendue");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void Matching_ignores_case_and_accepts_any_of_the_given_names()
    {
        var identities = InsiIdentityBase.Load(RepositoryLayout.Fixture("identities"));

        identities.Find(new InsiTraits("martineau", "marie", "F", new DateOnly(1942, 5, 17), null)).Count.ShouldBe(1);
        identities.Find(new InsiTraits("MARTINEAU", "HELENE", "M", new DateOnly(1942, 5, 17), null)).ShouldBeEmpty();
    }
}
