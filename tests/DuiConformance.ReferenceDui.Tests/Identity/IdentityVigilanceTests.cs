using DuiConformance.ReferenceDui.Identity;

namespace DuiConformance.ReferenceDui.Tests.Identity;

[Description("RNIV EXI SI 07 (domain.md §2.1, §8.1 INS-09, INS-10, INS-12): the reference DUI's identity status transitions.")]
public sealed class IdentityVigilanceTests
{
    private static readonly InsiAnswer Found = new()
    {
        CodeCr = "00",
        Ins = TestData.QualifiedIns,
        Oid = "1.2.250.1.213.1.4.8",
        BirthName = "MARTINEAU",
        GivenNames = "HELENE MARIE LOUISE",
        Sex = "F",
        BirthDate = new DateOnly(1942, 5, 17),
        BirthPlace = "69123",
    };

    private static Usager Provisional() => TestData.QualifiedUsager(IdentityStatus.Provisoire) with { Ins = null, BirthGivenNames = "HELENE" };

    [Test]
    public void An_insi_00_moves_a_provisional_identity_to_recuperee_with_the_insi_traits_and_oid()
    {
        var transition = IdentityVigilance.AfterSearch(Provisional(), Found);

        transition.Updated.ShouldNotBeNull();
        transition.Updated.ShouldSatisfyAllConditions(
            () => transition.Updated.Status.ShouldBe(IdentityStatus.Recuperee),
            () => transition.Updated.Ins.ShouldBe(TestData.QualifiedIns),
            () => transition.Updated.InsOid.ShouldBe("1.2.250.1.213.1.4.8"),
            () => transition.Updated.BirthGivenNames.ShouldBe("HELENE MARIE LOUISE"),
            () => transition.Updated.HasQualifiedIns.ShouldBeFalse());
    }

    [TestCase("01")]
    [TestCase("02")]
    public void An_insi_01_or_02_changes_nothing(string code)
    {
        var transition = IdentityVigilance.AfterSearch(Provisional(), new InsiAnswer { CodeCr = code });

        transition.Updated.ShouldBeNull();
        transition.IsAlert.ShouldBeTrue();
        transition.Message.ShouldContain($"({code})");
    }

    [Test]
    public void A_document_check_after_insi_qualifies_and_before_insi_validates()
    {
        var recuperee = IdentityVigilance.AfterSearch(Provisional(), Found).Updated!;

        IdentityVigilance.AfterDocumentCheck(recuperee).Updated!.Status.ShouldBe(IdentityStatus.Qualifiee);
        IdentityVigilance.AfterDocumentCheck(Provisional()).Updated!.Status.ShouldBe(IdentityStatus.Validee);
        IdentityVigilance.AfterSearch(IdentityVigilance.AfterDocumentCheck(Provisional()).Updated!, Found).Updated!.Status.ShouldBe(IdentityStatus.Qualifiee);
    }

    [Test]
    public void A_verification_returning_another_ins_raises_an_alert_keeps_the_stored_ins_and_withdraws_the_qualification()
    {
        var stored = TestData.QualifiedUsager() with { Ins = "148089903300176", DocumentChecked = true };

        var transition = IdentityVigilance.AfterVerification(stored, Found, overwriteOnMismatch: false);

        transition.IsAlert.ShouldBeTrue();
        var updated = transition.Updated!;
        updated.ShouldSatisfyAllConditions(
            () => updated.Ins.ShouldBe("148089903300176"),
            () => updated.Status.ShouldBe(IdentityStatus.Validee),
            () => updated.IdentityAlert!.ShouldContain(TestData.QualifiedIns),
            () => updated.HasQualifiedIns.ShouldBeFalse());
    }

    [Test]
    public void The_overwrite_defect_replaces_the_stored_ins_silently()
    {
        var stored = TestData.QualifiedUsager() with { Ins = "148089903300176" };

        var transition = IdentityVigilance.AfterVerification(stored, Found, overwriteOnMismatch: true);

        transition.IsAlert.ShouldBeFalse();
        transition.Updated!.Ins.ShouldBe(TestData.QualifiedIns);
        transition.Updated.HasQualifiedIns.ShouldBeTrue();
    }

    [Test]
    public void A_verification_confirming_the_stored_ins_keeps_the_identity_qualified()
    {
        var transition = IdentityVigilance.AfterVerification(TestData.QualifiedUsager(), Found, overwriteOnMismatch: false);

        transition.IsAlert.ShouldBeFalse();
        transition.Updated!.HasQualifiedIns.ShouldBeTrue();
    }
}
