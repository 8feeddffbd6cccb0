using DuiConformance.Core;
using DuiConformance.Simulators.Insi;

namespace DuiConformance.Simulators.Tests.Insi;

[Description("domain.md §2.3, §10: in test mode (run --ins-mode test) the simulated INSi answers with the test OIDs.")]
public sealed class InsiTestOidsTests
{
    [Test]
    public void Test_oids_replace_nir_8_by_10_and_nia_9_by_11_and_keep_everything_else()
    {
        var production = InsiIdentityBase.Load(RepositoryLayout.Fixture("identities"));

        var test = production.WithTestOids();

        test.Identities.Count.ShouldBe(production.Identities.Count);
        var pairs = production.Identities.Zip(test.Identities).ToList();
        pairs.ShouldAllBe(pair => pair.Second.BirthName == pair.First.BirthName && pair.Second.Ins.Matricule == pair.First.Ins.Matricule);
        var oids = pairs.SelectMany(pair => new[] { (pair.First.Ins.Oid, pair.Second.Ins.Oid) }.Concat(pair.First.History.Zip(pair.Second.History, (a, b) => (a.Oid, b.Oid)))).ToList();
        oids.ShouldContain(("1.2.250.1.213.1.4.8", "1.2.250.1.213.1.4.10"));
        oids.ShouldContain(("1.2.250.1.213.1.4.9", "1.2.250.1.213.1.4.11"));
        oids.ShouldAllBe(pair => pair.Item2 == "1.2.250.1.213.1.4.10" || pair.Item2 == "1.2.250.1.213.1.4.11");
    }
}
