using DuiConformance.Core.Fhir.Profiles;
using DuiConformance.Core.Findings;

namespace DuiConformance.Core.Tests.Fhir;

/// <summary>The FHIR profile checker on synthetic fixtures (fixtures/fhir/), with our embedded profiles (profiles/fhir/).</summary>
public sealed class FhirProfileCheckerTests
{
    [Test]
    public void The_reference_dui_bundle_has_no_profile_error()
    {
        var issues = ProfileFixture.Check("iti65-valid-bundle.json");
        issues.Errors().ShouldBeEmpty();
        issues.ShouldContain(issue => issue.Definition == FhirProfileFindings.Unresolved && issue.Message.Contains("pdsm-comprehensive-provide-document-bundle", StringComparison.Ordinal));
    }

    [Test, Description("targetProfile: the subject of a DocumentReference and of the SubmissionSet is a Patient (IHE MHD, PDSm)")]
    public void A_subject_that_resolves_to_a_binary_entry_breaks_the_reference_target()
    {
        var bundle = (Hl7.Fhir.Model.Bundle)ProfileFixture.Read("iti65-valid-bundle.json");
        var document = (Hl7.Fhir.Model.DocumentReference)bundle.Entry[1].Resource!;
        document.Subject!.Reference = bundle.Entry[2].FullUrl!;

        var issue = ProfileFixture.Check(bundle).Errors().ShouldHaveSingleItem();

        issue.Definition.ShouldBe(FhirProfileFindings.ReferenceTarget);
        issue.Path.ShouldBe("Bundle.entry[1].resource.subject");
        issue.Message.ShouldContain("Binary");
        issue.Message.ShouldContain("Patient");
    }

    [Test]
    public void A_subject_outside_the_bundle_or_by_type_and_id_is_judged_only_when_it_resolves()
    {
        var bundle = (Hl7.Fhir.Model.Bundle)ProfileFixture.Read("iti65-valid-bundle.json");
        bundle.Entry[2].Resource!.Id = "doc-1";
        var list = (Hl7.Fhir.Model.List)bundle.Entry[0].Resource!;
        list.Subject!.Reference = "https://dmp.example.test/fhir/Patient/123";
        var document = (Hl7.Fhir.Model.DocumentReference)bundle.Entry[1].Resource!;
        document.Subject!.Reference = "https://dmp.example.test/fhir/Binary/doc-1";

        var issue = ProfileFixture.Check(bundle).Errors().ShouldHaveSingleItem();

        issue.Definition.ShouldBe(FhirProfileFindings.ReferenceTarget);
        issue.Path.ShouldBe("Bundle.entry[1].resource.subject");
    }

    [Test]
    public void A_missing_period_start_is_a_cardinality_violation_at_its_fhirpath()
    {
        var errors = ProfileFixture.Check("iti65-period-start-missing.json").Errors();
        errors.ShouldContain(issue => issue.Definition == FhirProfileFindings.Cardinality && issue.Path == "Bundle.entry[1].resource.context.period"
            && issue.ElementPath == "DocumentReference.context.period" && issue.ResourceType == "DocumentReference");
        errors.ShouldAllBe(issue => issue.Path.StartsWith("Bundle.entry[1].resource.context", StringComparison.Ordinal));
    }

    [Test]
    public void A_language_other_than_fr_FR_breaks_the_fixed_value()
    {
        var errors = ProfileFixture.Check("iti65-language-not-fixed-value.json").Errors();
        var issue = errors.ShouldHaveSingleItem();
        issue.Definition.ShouldBe(FhirProfileFindings.Fixed);
        issue.Path.ShouldBe("Bundle.entry[1].resource.content[0].attachment.language");
        issue.Message.ShouldContain("fr-FR");
    }

    [Test]
    public void A_security_label_outside_N_and_TRE_A07_violates_the_required_binding()
    {
        var errors = ProfileFixture.Check("iti65-security-label-outside-required-set.json").Errors();
        var issue = errors.ShouldHaveSingleItem();
        issue.Definition.ShouldBe(FhirProfileFindings.RequiredBinding);
        issue.Path.ShouldBe("Bundle.entry[1].resource.securityLabel[0]");
        issue.Message.ShouldContain("v3-Confidentiality|V");
    }

    [Test]
    public void A_submission_set_without_source_id_misses_a_slice()
    {
        var errors = ProfileFixture.Check("iti65-source-id-slice-missing.json").Errors();
        errors.ShouldContain(issue => issue.Definition == FhirProfileFindings.SliceCardinality && issue.Path == "Bundle.entry[0].resource.extension"
            && issue.Message.Contains("sourceId", StringComparison.Ordinal));
        errors.ShouldAllBe(issue => issue.ResourceType == "List");
    }

    [Test]
    public void A_master_identifier_that_is_no_urn_fails_the_invariant()
    {
        var errors = ProfileFixture.Check("iti65-master-identifier-invariant-fails.json").Errors();
        var issue = errors.ShouldHaveSingleItem();
        issue.Definition.ShouldBe(FhirProfileFindings.Invariant);
        issue.Message.ShouldContain("dui-pdsm-dr-1");
        issue.Path.ShouldBe("Bundle.entry[1].resource");
    }

    [Test]
    public void A_valid_ins_patient_has_no_error()
    {
        ProfileFixture.Check("patient-ins-valid.json", InsMode.Production).Errors().ShouldBeEmpty();
    }

    [Test]
    public void A_wrong_nir_key_is_reported_on_the_identifier_value()
    {
        var errors = ProfileFixture.Check("patient-ins-bad-nir-key.json").Errors();
        var issue = errors.ShouldHaveSingleItem();
        issue.Definition.ShouldBe(FhirProfileFindings.InsKey);
        issue.Path.ShouldBe("Patient.identifier[0].value");
        issue.Message.ShouldContain("clé 99 incorrecte, 61 attendue");
    }

    [Test]
    public void A_test_ins_oid_is_an_error_in_production_only()
    {
        var production = ProfileFixture.Check("patient-ins-test-oid.json", InsMode.Production).Errors();
        production.ShouldHaveSingleItem().Definition.ShouldBe(FhirProfileFindings.InsTestOid);
        production[0].Path.ShouldBe("Patient.identifier[0].system");
        ProfileFixture.Check("patient-ins-test-oid.json", InsMode.Test).Errors().ShouldBeEmpty();
    }

    [Test]
    public void An_ins_patient_without_birth_date_and_with_gender_other_breaks_cardinality_binding_and_invariant()
    {
        var errors = ProfileFixture.Check("patient-ins-without-birth-date.json").Errors();
        errors.ShouldContain(issue => issue.Definition == FhirProfileFindings.Cardinality && issue.Path == "Patient.birthDate");
        errors.ShouldContain(issue => issue.Definition == FhirProfileFindings.RequiredBinding && issue.Path == "Patient.gender");
        errors.ShouldContain(issue => issue.Definition == FhirProfileFindings.Invariant && issue.Message.Contains("dui-ins-2", StringComparison.Ordinal));
    }

    [Test]
    public void A_package_with_a_missing_dependency_and_an_uncompilable_invariant_is_judged_with_notes_not_crashes()
    {
        var definitions = FhirDefinitionLoader.Load(includeEmbedded: true, [RepositoryLayout.Fixture("fhir", "packages", "dui.test.package-0.0.1.tgz")]);
        definitions.Sources.ShouldContain("dui.test.package#0.0.1 (1)");
        var missing = definitions.MissingDependencies().ShouldHaveSingleItem();
        missing.Code.ShouldBe(FhirProfileFindings.MissingDependency.Code);
        missing.Message.ShouldContain("dui.test.missing#1.0.0");

        var issues = new FhirProfileChecker(definitions).Check(ProfileFixture.Read("patient-with-test-package-profile.json"));
        issues.ShouldContain(issue => issue.Definition == FhirProfileFindings.InvariantNotEvaluated && issue.Message.Contains("test-1", StringComparison.Ordinal));
        issues.Errors().ShouldHaveSingleItem().Path.ShouldBe("Patient.telecom");
    }

    [Test]
    public void A_missing_package_file_is_a_load_problem_not_an_exception()
    {
        var definitions = FhirDefinitionLoader.Load(includeEmbedded: false, ["/nonexistent/package.tgz"]);
        definitions.LoadProblems.ShouldHaveSingleItem().Code.ShouldBe(FhirProfileFindings.DefinitionUnreadable.Code);
    }

    [Test]
    public void Every_embedded_definition_loads()
    {
        var definitions = FhirDefinitionLoader.Embedded;
        definitions.LoadProblems.ShouldBeEmpty();
        definitions.Sources.ShouldBe(["profiles/fhir (15)"]);
        definitions.FindStructure(EmbeddedProfiles.ProvideDocumentBundle).ShouldNotBeNull();
    }
}
