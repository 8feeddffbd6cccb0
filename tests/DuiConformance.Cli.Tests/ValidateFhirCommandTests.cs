using System.Text.Json;
using DuiConformance.Core;

namespace DuiConformance.Cli.Tests;

/// <summary><c>dui-conformance validate</c> on FHIR JSON and XML files, with our profiles and with <c>--fhir-package</c>.</summary>
public sealed class ValidateFhirCommandTests
{
    private static string Fixture(params string[] parts) => RepositoryLayout.Fixture(["fhir", .. parts]);

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApplication.RunAsync(args, output, error).WaitAsync(TimeSpan.FromSeconds(60));
        return (code, output.ToString(), error.ToString());
    }

    private static JsonElement SingleFile(string output)
    {
        using var json = JsonDocument.Parse(output);
        return json.RootElement.EnumerateArray().Single().Clone();
    }

    [Test]
    public async Task A_conforming_iti65_bundle_exits_0_as_a_fhir_file_and_names_the_definitions_used()
    {
        var (code, output, _) = await RunAsync("validate", Fixture("iti65-valid-bundle.json"));

        code.ShouldBe(ExitCodes.Passed);
        output.ShouldContain("CONFORME");
        output.ShouldContain("(fhir)");
        output.ShouldContain("FHIR-5307");
        output.ShouldContain("profiles/fhir (15)");
    }

    [TestCase(new string[0], 1)]
    [TestCase(new[] { "--ins-mode", "production" }, 1)]
    [TestCase(new[] { "--ins-mode", "test" }, 0)]
    [Description("domain.md §10: validate judges INS OIDs in production mode by default; test mode admits the test OID .10.")]
    public async Task A_test_ins_oid_is_an_error_in_production_mode_only(string[] mode, int expected)
    {
        var (code, output, _) = await RunAsync(["validate", Fixture("patient-ins-test-oid.json"), "--format", "json", .. mode]);

        code.ShouldBe(expected, output);
        var codes = SingleFile(output).GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("severity").GetString() == "error").Select(f => f.GetProperty("code").GetString()).ToList();
        codes.ShouldBe(expected == 0 ? [] : ["FHIR-5213"]);
    }

    [Test]
    public async Task A_security_label_outside_the_required_set_exits_1_with_FHIR_5205_at_its_fhirpath_in_json()
    {
        var (code, output, _) = await RunAsync("validate", Fixture("iti65-security-label-outside-required-set.json"), "--format", "json");

        code.ShouldBe(ExitCodes.Failed);
        var file = SingleFile(output);
        file.GetProperty("kind").GetString().ShouldBe("fhir");
        var finding = file.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "FHIR-5205");
        finding.GetProperty("severity").GetString().ShouldBe("error");
        finding.GetProperty("location").GetProperty("path").GetString().ShouldBe("Bundle.entry[1].resource.securityLabel[0]");
        finding.GetProperty("requirements").EnumerateArray().Select(r => r.GetString()).ShouldBe(["DUI-DMP-15"]);
    }

    [Test]
    public async Task An_xml_patient_is_recognised_and_its_bad_nir_key_reported()
    {
        var (code, output, _) = await RunAsync("validate", Fixture("patient-ins-bad-nir-key.xml"), "--format", "json");

        code.ShouldBe(ExitCodes.Failed);
        var file = SingleFile(output);
        file.GetProperty("kind").GetString().ShouldBe("fhir");
        var errors = file.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("severity").GetString() == "error").ToList();
        errors.ShouldHaveSingleItem().GetProperty("code").GetString().ShouldBe("FHIR-5212");
    }

    [Test]
    public async Task A_fhir_package_is_loaded_its_missing_dependency_noted_and_its_profile_applied()
    {
        var (code, output, _) = await RunAsync(
            "validate", Fixture("patient-with-test-package-profile.json"), "--fhir-package", Fixture("packages", "dui.test.package-0.0.1.tgz"));

        code.ShouldBe(ExitCodes.Failed);
        output.ShouldContain("FHIR-5303");
        output.ShouldContain("dui.test.missing#1.0.0");
        output.ShouldContain("FHIR-5301");
        output.ShouldContain("FHIR-5201");
        output.ShouldContain("Patient.telecom");
    }

    [Test]
    public async Task A_missing_fhir_package_is_a_usage_error()
    {
        var (code, _, error) = await RunAsync("validate", Fixture("iti65-valid-bundle.json"), "--fhir-package", Fixture("packages", "absent.tgz"));

        code.ShouldBe(ExitCodes.Usage);
        error.ShouldContain("paquet FHIR introuvable");
    }
}
