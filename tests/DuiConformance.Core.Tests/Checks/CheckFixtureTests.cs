using DuiConformance.Core.Checks;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;
using DuiConformance.Core.Outcomes;

namespace DuiConformance.Core.Tests.Checks;

/// <summary>Golden-file tests (STYLE.md rule 22): every (fixture, check) pair of the manifest is one named test.</summary>
public sealed class CheckFixtureTests
{
    public static IEnumerable<TestCaseData> Cases() =>
        from fixture in CheckFixtureManifest.Fixtures
        from expectation in fixture.Expect
        select new TestCaseData(fixture.Name, expectation.Key)
            .SetName($"{expectation.Key} is {expectation.Value.Outcome} on {fixture.Name}")
            .SetDescription(fixture.Description);

    [TestCaseSource(nameof(Cases))]
    public void Check_gives_the_expected_outcome_and_codes(string fixtureName, string checkId)
    {
        var fixture = CheckFixtureManifest.Get(fixtureName);
        var expected = fixture.Expect[checkId];
        var check = CheckCatalogue.Find(checkId).ShouldNotBeNull();

        var result = check.Evaluate(EvidenceSet.Of(fixture.ToEvidence()));

        var codes = result.Findings.Select(finding => finding.Code).Distinct().Order(StringComparer.Ordinal).ToList();
        var findings = string.Join(Environment.NewLine, result.Findings.Select(finding => $"{finding.Code} {finding.Location}: {finding.Message}"));
        result.ShouldSatisfyAllConditions(
            () => result.Outcome.ToWireName().ShouldBe(expected.Outcome, $"reason: {result.Reason}; findings:{Environment.NewLine}{findings}"),
            () => codes.ShouldBe(expected.Codes.Order(StringComparer.Ordinal).ToList(), findings),
            () => result.Findings.ShouldAllBe(finding => FindingCatalogue.Find(finding.Code) != null),
            () => result.Findings.ShouldAllBe(finding => finding.Location.EvidenceId == fixture.Name),
            () => result.Findings.ShouldAllBe(finding => finding.Requirements.Count > 0 && finding.Message.Length > 0));
        if (result.Outcome == Outcome.Skip)
        {
            result.Reason.ShouldNotBeNullOrWhiteSpace();
        }
        else
        {
            result.EvidenceIds.ShouldContain(fixture.Name);
        }
    }

    [Test]
    public void Every_fixture_states_the_outcome_of_every_check()
    {
        var ids = CheckCatalogue.All.Select(check => check.Definition.Id).ToHashSet();
        CheckFixtureManifest.Fixtures.ShouldNotBeEmpty();
        CheckFixtureManifest.Fixtures.ShouldAllBe(fixture => fixture.Expect.Keys.ToHashSet().SetEquals(ids));
    }

    [Test]
    public void Every_fixture_file_exists_and_mail_fixtures_use_crlf()
    {
        foreach (var fixture in CheckFixtureManifest.Fixtures)
        {
            var bytes = FixturePaths.Read("checks", fixture.File);
            bytes.ShouldNotBeEmpty(fixture.Name);
            if (fixture.Kind == EvidenceKinds.SmtpMessage)
            {
                var bareLf = bytes.Where((octet, index) => octet == (byte)'\n' && (index == 0 || bytes[index - 1] != (byte)'\r')).Count();
                bareLf.ShouldBe(0, $"{fixture.File} must use CRLF line endings");
            }
        }
    }

    [Test]
    public void Each_reference_dui_defect_fails_only_its_requirement()
    {
        // Note: profiles/suts/reference-dui/defects.yaml: each defect must make ONLY its requirement fail.
        // Note: without METADATA.XML the XDS metadata cannot be judged either, so xdm-missing-metadata fails DUI-MSS-05 too.
        var defects = new Dictionary<string, string[]>
        {
            ["mail-xdm-no-metadata"] = [RequirementIds.Mss04, MssRequirementIds.Mss05],
            ["iti65-cda-no-realm"] = [RequirementIds.Cda01],
            ["iti65-wrong-hash"] = [RequirementIds.Dmp03],
            ["mail-xdm-wrong-patient"] = [MssRequirementIds.Mss05],
        };
        foreach (var (fixtureName, requirements) in defects)
        {
            var evidence = EvidenceSet.Of(CheckFixtureManifest.Get(fixtureName).ToEvidence());
            var failing = CheckCatalogue.All
                .Where(check => check.Evaluate(evidence).Outcome == Outcome.Fail)
                .SelectMany(check => check.Definition.Verifies)
                .Distinct()
                .ToList();
            failing.Order(StringComparer.Ordinal).ShouldBe(requirements.Order(StringComparer.Ordinal), fixtureName);
        }
    }

    [Test]
    public void Valid_fixtures_together_pass_every_check()
    {
        var evidence = EvidenceSet.Of(
            CheckFixtureManifest.Get("iti65-valid-dlu").ToEvidence(),
            CheckFixtureManifest.Get("mail-valid-dlu").ToEvidence());

        // Note: these fixtures carry no INSi exchange and no FHIR Patient with an INS; the INS checks that judge those
        // skip here and are proven by tests/DuiConformance.Core.Tests/Checks/Ins.
        string[] notExercised = ["ins.emission.qualified-only", "ins.traits.insi", "ins.given-name.first", "ins.insi.request", "ins.insi.mutual-tls",
            "ins.insi.traits", "ins.insi.no-single-answer", "ins.verification.not-overwritten", "ins.fhir.patient-ins",
            "fhir.iti67.search-criteria", "fhir.metadata-update.patch", "fhir.iti65.replacement", "dmp.feeding.status",

            // Note: no fixture writes to a Mon espace santé mailbox; proven by Checks/Mail/MssReceiptPatientRestrictionTests.
            "mss.patient.mailbox", "mss.imap.tls-before-auth",

            // Note: no fixture revokes a token; proven by Checks/Mail/MailTokenRevocationCheckTests.
            "mss.auth.token-revocation",
            // Note: no fixture is an SMTP transcript; proven by Checks/Mail/MssSizeLimitCheckTests.
            "mss.size-limit",
            // Note: no fixture holds a DMP refusal or an ITI-105 publication; proven by Checks/Dmp/PdsmCheckTests.
            "dmp.error-surfaced", "fhir.iti105.simplified-publish"];
        foreach (var check in CheckCatalogue.All.Where(check => !notExercised.Contains(check.Definition.Id)))
        {
            var result = check.Evaluate(evidence);
            result.Outcome.ShouldBe(Outcome.Pass, $"{check.Definition.Id}: {string.Join("; ", result.Findings.Select(finding => finding.Message))}");
            // Note: severity-info findings are notes (e.g. the FHIR definitions a profile validation used), not defects.
            result.Findings.Where(finding => finding.Severity != Severity.Info).ShouldBeEmpty(check.Definition.Id);
        }
    }

    [Test]
    public void Every_check_skips_with_a_french_reason_when_nothing_was_recorded()
    {
        foreach (var check in CheckCatalogue.All)
        {
            var result = check.Evaluate(EvidenceSet.Of());
            result.Outcome.ShouldBe(Outcome.Skip, check.Definition.Id);
            result.Reason.ShouldNotBeNullOrWhiteSpace();
            result.Reason.ShouldStartWith("Aucun", customMessage: check.Definition.Id);
        }
    }
}
