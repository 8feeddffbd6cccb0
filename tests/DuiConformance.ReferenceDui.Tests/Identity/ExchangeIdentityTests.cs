using DuiConformance.ReferenceDui.Identity;

namespace DuiConformance.ReferenceDui.Tests.Identity;

public sealed class ExchangeIdentityTests
{
    private static OrganisationProfile With(params string[] defects) => OrganisationProfile.From(new ReferenceDuiSettings { Defects = defects });

    [Test]
    public void Without_defect_the_exchanged_identity_is_the_stored_one()
    {
        var usager = TestData.QualifiedUsager() with { InsOid = "1.2.250.1.213.1.4.8" };

        ExchangeIdentity.For(usager, With()).ShouldBe(usager);
    }

    [Test]
    public void The_identity_defects_change_only_what_they_name()
    {
        var recuperee = TestData.QualifiedUsager(IdentityStatus.Recuperee) with { InsOid = "1.2.250.1.213.1.4.8" };

        ExchangeIdentity.For(recuperee, With(ReferenceDuiDefects.InsSentUnqualified)).HasQualifiedIns.ShouldBeTrue();
        ExchangeIdentity.For(recuperee, With(ReferenceDuiDefects.FirstGivenNameNotFirst)).FirstGivenName.ShouldBe("MARIE");
        ExchangeIdentity.For(recuperee, With(ReferenceDuiDefects.TestOidInProduction)).InsOid.ShouldBe("1.2.250.1.213.1.4.10");
        ExchangeIdentity.For(recuperee with { InsOid = null }, With(ReferenceDuiDefects.TestOidInProduction)).InsOid.ShouldBeNull();
    }
}
