using DuiConformance.Core.Checks.Ins;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Fhir.Profiles;
using DuiConformance.Core.Findings;
using DuiConformance.Core.Outcomes;
using static DuiConformance.Core.Tests.Checks.Ins.InsTestEvidence;

namespace DuiConformance.Core.Tests.Checks.Ins;

[Description("domain.md §10: the INS test OID behaviour is configurable (run/validate --ins-mode production|test), judged by ins.oid.mode (INS-02).")]
public sealed class InsOidModeTests
{
    [TestCase(InsMode.Production, "1.2.250.1.213.1.4.8", null)]
    [TestCase(InsMode.Production, "1.2.250.1.213.1.4.10", "INS-7100")]
    [TestCase(InsMode.Test, "1.2.250.1.213.1.4.10", null)]
    [TestCase(InsMode.Test, "1.2.250.1.213.1.4.8", "INS-7101")]
    [TestCase(InsMode.Unspecified, "1.2.250.1.213.1.4.10", null)]
    public void The_mode_decides_which_oids_an_ins_insi_returned_may_carry(InsMode mode, string oid, string? code)
    {
        // Note: INSi answered with the same OID the DUI emits, so only the mode can make it wrong.
        var evidence = EvidenceSet.Of(InsiRequest("ev-1"), InsiResponse("ev-2", "ev-1", "00", oid: oid), Publication("ev-3", "QUAL", oid: oid));

        var result = new InsOidModeCheck(mode).Evaluate(evidence);

        result.Outcome.ShouldBe(code is null ? Outcome.Pass : Outcome.Fail, string.Join("; ", result.Findings.Select(finding => finding.Message)));
        result.Findings.Select(finding => finding.Code).Distinct().ShouldBe(code is null ? [] : [code]);
        result.Findings.ShouldAllBe(finding => finding.Requirements.SequenceEqual(new[] { InsRequirementIds.Ins02 }));
    }

    [Test]
    public void The_catalogue_instance_judges_consistency_only()
    {
        new InsOidModeCheck().Mode.ShouldBe(InsMode.Unspecified);
    }
}
