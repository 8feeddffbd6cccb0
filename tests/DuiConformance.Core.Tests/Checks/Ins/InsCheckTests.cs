using DuiConformance.Core.Checks;
using DuiConformance.Core.Checks.Ins;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Findings;
using DuiConformance.Core.Outcomes;
using static DuiConformance.Core.Tests.Checks.Ins.InsTestEvidence;

namespace DuiConformance.Core.Tests.Checks.Ins;

[Description("domain.md §8.1 INS-01..INS-12: the INS checks judge INSi calls and what the DUI emitted, from recorded evidence.")]
public sealed class InsCheckTests
{
    private static CheckResult Run(ICheck check, params (EvidenceItem Item, byte[] Content)[] entries) => check.Evaluate(EvidenceSet.Of(entries));

    private static IReadOnlyList<string> Codes(CheckResult result) => [.. result.Findings.Select(finding => finding.Code).Distinct()];

    private static (EvidenceItem, byte[])[] LookupThenQualified(string emittedOid = "1.2.250.1.213.1.4.8", string given = "HELENE") =>
        [InsiRequest("ev-1"), InsiResponse("ev-2", "ev-1", "00"), Publication("ev-3", "QUAL", oid: emittedOid, given: given)];

    [Test]
    public void A_qualified_ins_emitted_with_the_insi_oid_and_traits_passes_every_emission_check()
    {
        var evidence = LookupThenQualified();
        foreach (ICheck check in new ICheck[] { new InsMatriculeKeyCheck(), new InsOidModeCheck(), new InsQualifiedOnlyCheck(), new InsTraitsInsiCheck(), new InsFirstGivenNameCheck(), new InsFhirPatientCheck(), new InsiRequestCheck(), new InsiMutualTlsCheck(), new InsiTraitsCheck() })
        {
            var result = Run(check, evidence);
            result.Outcome.ShouldBe(Outcome.Pass, $"{check.Definition.Id}: {string.Join(" | ", result.Findings.Select(finding => finding.Message))}");
        }
    }

    [Test]
    public void A_matricule_with_a_wrong_key_fails_INS_01_on_every_channel_that_carries_it()
    {
        var result = Run(new InsMatriculeKeyCheck(), Publication("ev-1", "QUAL", matricule: "242056912345662"));

        result.Outcome.ShouldBe(Outcome.Fail);
        result.Findings.Select(finding => finding.Code).ShouldBe([InsFindings.MatriculeInvalid.Code, InsFindings.MatriculeInvalid.Code]);
        result.Findings[0].Message.ShouldContain("clé 62 incorrecte, 61 attendue");
    }

    [Test]
    public void Corsican_matricules_read_2A_as_19()
    {
        InsMatricule.Validate("255072A00412353").ShouldBeNull();
        InsMatricule.Validate("297022A020778" + "78").ShouldBeNull();
        InsMatricule.Validate("2550722A0412353").ShouldNotBeNull();
    }

    [Test]
    public void The_test_oid_on_an_ins_insi_returned_in_production_fails_INS_02()
    {
        var result = Run(new InsOidModeCheck(), LookupThenQualified(emittedOid: "1.2.250.1.213.1.4.10"));

        result.Outcome.ShouldBe(Outcome.Fail);
        Codes(result).ShouldBe([InsFindings.OidNotInsi.Code]);
        result.Findings.ShouldAllBe(finding => finding.Requirements.SequenceEqual(new[] { InsRequirementIds.Ins02 }));
    }

    [Test]
    public void A_non_ins_oid_fails_INS_02()
    {
        var result = Run(new InsOidModeCheck(), Publication("ev-1", "QUAL", oid: "1.2.250.1.213.1.4.2"));

        result.Outcome.ShouldBe(Outcome.Skip, "an OID outside the INS arc is not read as an INS");
        Run(new InsMatriculeKeyCheck(), Publication("ev-1", "QUAL", oid: "1.2.250.1.213.1.4.2")).Outcome.ShouldBe(Outcome.Skip);
    }

    [Test]
    public void An_ins_sent_with_a_recup_status_fails_INS_03_in_the_patient_and_the_cda()
    {
        var result = Run(new InsQualifiedOnlyCheck(), Publication("ev-1", "RECUP"));

        result.Outcome.ShouldBe(Outcome.Fail);
        result.Findings.Count.ShouldBe(2);
        result.Findings.ShouldAllBe(finding => finding.Code == InsFindings.InsUnqualified.Code && finding.Message.Contains("RECUP"));
    }

    [Test]
    public void A_message_carrying_the_ins_after_a_recup_publication_fails_INS_03()
    {
        var cda = System.Text.Encoding.UTF8.GetBytes($"""
            <ClinicalDocument xmlns="urn:hl7-org:v3"><recordTarget><patientRole><id root="1.2.250.1.213.1.4.8" extension="{Martineau}"/><patient>
            <name><family qualifier="BR">MARTINEAU</family><given qualifier="BR">HELENE</given></name><birthTime value="19420517"/></patient></patientRole></recordTarget></ClinicalDocument>
            """);
        var mail = TestEvidence.Mail(TestEvidence.Eml(TestEvidence.Zip(("IHE_XDM/SUBSET01/DOC0001.XML", cda))), "ev-2");

        var afterRecup = Run(new InsQualifiedOnlyCheck(), Publication("ev-1", "RECUP", matricule: null), mail);
        var afterQual = Run(new InsQualifiedOnlyCheck(), Publication("ev-1", "QUAL"), mail);

        afterRecup.Outcome.ShouldBe(Outcome.Fail);
        afterRecup.Findings.Single().Message.ShouldContain("messagerie");
        afterQual.Outcome.ShouldBe(Outcome.Pass);
    }

    [Test]
    public void A_recup_identity_without_ins_passes_INS_03()
    {
        Run(new InsQualifiedOnlyCheck(), Publication("ev-1", "RECUP", matricule: null)).Outcome.ShouldBe(Outcome.Pass);
    }

    [Test]
    public void A_birth_date_different_from_insi_fails_INS_04_only()
    {
        var evidence = new[] { InsiRequest("ev-1"), InsiResponse("ev-2", "ev-1", "00"), Publication("ev-3", "QUAL", birthDate: "1942-05-18") };

        var traits = Run(new InsTraitsInsiCheck(), evidence);

        traits.Outcome.ShouldBe(Outcome.Fail);
        Codes(traits).ShouldBe([InsFindings.TraitMismatch.Code]);
        Run(new InsFirstGivenNameCheck(), evidence).Outcome.ShouldBe(Outcome.Pass);
    }

    [Test]
    public void The_second_given_name_in_place_of_the_first_fails_INS_05_and_not_INS_04()
    {
        var evidence = LookupThenQualified(given: "MARIE");

        var given = Run(new InsFirstGivenNameCheck(), evidence);

        given.Outcome.ShouldBe(Outcome.Fail);
        Codes(given).ShouldBe([InsFindings.GivenNameNotFirst.Code]);
        given.Findings[0].Message.ShouldContain("« MARIE »");
        Run(new InsTraitsInsiCheck(), evidence).Outcome.ShouldBe(Outcome.Pass);
    }

    [Test]
    public void A_request_without_uuid_message_id_and_lps_name_fails_INS_06()
    {
        var result = Run(new InsiRequestCheck(), InsiRequest("ev-1", messageId: "1234", lpsName: "dui"));

        result.Outcome.ShouldBe(Outcome.Fail);
        Codes(result).ShouldBe([InsFindings.RequestMessageId.Code, InsFindings.RequestLpsContext.Code], ignoreOrder: true);
    }

    [Test]
    public void A_soap_1_1_request_fails_INS_06()
    {
        var result = Run(new InsiRequestCheck(), InsiRequest("ev-1", envelope: "http://schemas.xmlsoap.org/soap/envelope/"));

        Codes(result).ShouldBe([InsFindings.RequestNotSoap12.Code]);
    }

    [Test]
    public void A_call_without_client_certificate_fails_INS_07()
    {
        var result = Run(new InsiMutualTlsCheck(), InsiRequest("ev-1", clientCertificate: false));

        result.Outcome.ShouldBe(Outcome.Fail);
        Codes(result).ShouldBe([InsFindings.NoMutualTls.Code]);
    }

    [Test]
    public void Lower_case_name_two_given_names_bad_sex_and_french_date_fail_INS_08_four_times()
    {
        var result = Run(new InsiTraitsCheck(), InsiRequest("ev-1", birthName: "Martineau", given: "HELENE MARIE", sex: "X", date: "17/05/1942"));

        result.Outcome.ShouldBe(Outcome.Fail);
        result.Findings.Count.ShouldBe(4);
        result.Findings.ShouldAllBe(finding => finding.Code == InsFindings.TraitMalformed.Code);
    }

    [Test]
    public void A_recup_status_declared_after_an_insi_02_fails_INS_09()
    {
        var result = Run(new InsNoSingleAnswerCheck(), InsiRequest("ev-1"), InsiResponse("ev-2", "ev-1", "02"), Publication("ev-3", "RECUP", matricule: null));

        result.Outcome.ShouldBe(Outcome.Fail);
        Codes(result).ShouldBe([InsFindings.InsWithoutSingleAnswer.Code]);
    }

    [Test]
    public void A_provisional_identity_without_ins_after_an_insi_01_passes_INS_09()
    {
        Run(new InsNoSingleAnswerCheck(), InsiRequest("ev-1"), InsiResponse("ev-2", "ev-1", "01"), Publication("ev-3", "PROV", matricule: null))
            .Outcome.ShouldBe(Outcome.Pass);
    }

    [Test]
    public void An_ins_replaced_by_the_one_of_a_mismatching_verification_fails_INS_12()
    {
        const string Old = "148089903300176";
        const string New = "148083306301175";
        (EvidenceItem, byte[]) Bertin(string id, string? matricule, string status) =>
            Publication(id, status, matricule: matricule, birthName: "BERTIN", given: "LUCIEN", givenList: "LUCIEN PAUL", birthDate: "1948-08-30", gender: "male", place: "33063");
        var verification = new[]
        {
            InsiRequest("ev-2", birthName: "BERTIN", given: "LUCIEN", sex: "M", date: "1948-08-30"),
            InsiResponse("ev-3", "ev-2", "00", matricule: New, birthName: "BERTIN", givenNames: "LUCIEN PAUL", sex: "M", date: "1948-08-30", place: "33063"),
        };

        var overwritten = Run(new InsVerificationNotOverwrittenCheck(), [Bertin("ev-1", Old, "QUAL"), .. verification, Bertin("ev-4", New, "QUAL")]);
        var flagged = Run(new InsVerificationNotOverwrittenCheck(), [Bertin("ev-1", Old, "QUAL"), .. verification, Bertin("ev-4", null, "VALI")]);

        overwritten.Outcome.ShouldBe(Outcome.Fail);
        Codes(overwritten).ShouldBe([InsFindings.StoredInsOverwritten.Code]);
        flagged.Outcome.ShouldBe(Outcome.Pass);
    }

    [Test]
    public void A_verification_that_confirms_the_stored_ins_is_not_judged_by_INS_12()
    {
        Run(new InsVerificationNotOverwrittenCheck(), Publication("ev-1", "QUAL"), InsiRequest("ev-2"), InsiResponse("ev-3", "ev-2", "00"), Publication("ev-4", "QUAL"))
            .Outcome.ShouldBe(Outcome.Skip);
    }

    [Test]
    public void A_patient_ins_without_identity_reliability_and_with_usual_use_fails_INS_11()
    {
        var result = Run(new InsFhirPatientCheck(), Publication("ev-1", "QUAL", insUse: "usual", reliability: false));

        result.Outcome.ShouldBe(Outcome.Fail);
        result.Findings.Count.ShouldBe(2);
        result.Findings.ShouldAllBe(finding => finding.Code == InsFindings.PatientInsProfile.Code);
    }

    [Test]
    public void Garbage_insi_evidence_never_throws()
    {
        var garbage = new[]
        {
            (new EvidenceItem("ev-1", EvidenceKinds.InsiRequest, EvidenceTags.Untagged("t"), "", "ev-1", "x", 3, DateTimeOffset.UnixEpoch, new Dictionary<string, string>()), "<x"u8.ToArray()),
            (new EvidenceItem("ev-2", EvidenceKinds.InsiResponse, EvidenceTags.Untagged("t"), "", "ev-2", "x", 0, DateTimeOffset.UnixEpoch, new Dictionary<string, string> { [InsiProperties.Related] = "ev-1" }), Array.Empty<byte>()),
        };

        foreach (var check in CheckCatalogue.All.Where(check => check.Definition.Id.StartsWith("ins.", StringComparison.Ordinal)))
        {
            Run(check, garbage).Outcome.ShouldBeOneOf(Outcome.Pass, Outcome.Fail, Outcome.Skip);
        }

        Run(new InsiRequestCheck(), garbage).Outcome.ShouldBe(Outcome.Fail);
    }
}
