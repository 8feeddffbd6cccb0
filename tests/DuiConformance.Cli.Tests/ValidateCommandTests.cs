using System.Text.Json;
using System.Xml.Linq;
using DuiConformance.Core;

namespace DuiConformance.Cli.Tests;

public sealed class ValidateCommandTests
{
    private static string Fixture(params string[] parts) => RepositoryLayout.Fixture(parts);

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApplication.RunAsync(args, output, error).WaitAsync(TimeSpan.FromSeconds(60));
        return (code, output.ToString(), error.ToString());
    }

    private static string? CiSisSchematrons()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("DUI_SHARED_REFERENCE");
        var roots = new List<string>();
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            roots.Add(fromEnvironment);
        }

        for (var directory = new DirectoryInfo(RepositoryLayout.Root); directory is not null; directory = directory.Parent)
        {
            roots.Add(Path.Combine(directory.FullName, "shared", "reference"));
        }

        return roots.Select(r => Path.Combine(r, "ans-testcontenucda-3-0", "snapshot-cc536395", "schematrons")).FirstOrDefault(Directory.Exists);
    }

    [Test]
    public async Task A_conforming_dlu_exits_0_and_says_so()
    {
        var (code, output, _) = await RunAsync("validate", Fixture("validation", "dlu-valid.xml"));

        code.ShouldBe(ExitCodes.Passed);
        output.ShouldContain("CONFORME");
        output.ShouldContain("1 fichier(s) conforme(s), 0 non conforme(s).");
    }

    [Test]
    public async Task A_cda_without_realm_code_exits_1_with_CDA_1002_in_json()
    {
        var (code, output, _) = await RunAsync("validate", Fixture("validation", "dlu-no-realm.xml"), "--format", "json");

        code.ShouldBe(ExitCodes.Failed);
        using var json = JsonDocument.Parse(output);
        var file = json.RootElement.EnumerateArray().Single();
        file.GetProperty("passed").GetBoolean().ShouldBeFalse();
        file.GetProperty("kind").GetString().ShouldBe("cda");
        var finding = file.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "CDA-1002");
        finding.GetProperty("requirements").EnumerateArray().Select(r => r.GetString()).ShouldBe(["DUI-CDA-01"]);
        finding.GetProperty("location").GetProperty("path").GetString().ShouldNotBeNullOrEmpty();
    }

    [Test]
    public async Task Junit_output_has_one_testcase_per_file_and_a_failure_for_the_failing_one()
    {
        var (code, output, _) = await RunAsync("validate", Fixture("validation", "dlu-valid.xml"), Fixture("checks", "mail", "xdm-wrong-hash.eml"), "--format", "junit");

        code.ShouldBe(ExitCodes.Failed);
        var suite = XDocument.Parse(output).Root!.Element("testsuite")!;
        suite.Attribute("tests")!.Value.ShouldBe("2");
        suite.Attribute("failures")!.Value.ShouldBe("1");
        var failing = suite.Elements("testcase").Single(t => t.Element("failure") is not null);
        failing.Attribute("name")!.Value.ShouldEndWith("xdm-wrong-hash.eml");
        failing.Element("failure")!.Value.ShouldContain("XDM-2010");
    }

    [Test]
    public async Task An_eml_is_read_down_to_the_cda_inside_its_xdm()
    {
        var (code, output, _) = await RunAsync("validate", Fixture("checks", "mail", "valid-dlu.eml"));

        code.ShouldBe(ExitCodes.Passed);
        output.ShouldContain("(eml)");
        output.ShouldContain("document : IHE_XDM.ZIP!IHE_XDM/SUBSET01/DOC0001.XML");
    }

    [Test]
    public async Task A_missing_file_is_a_usage_error()
    {
        var (code, _, error) = await RunAsync("validate", Path.Combine(Path.GetTempPath(), "absent-" + Guid.NewGuid().ToString("N") + ".xml"));

        code.ShouldBe(ExitCodes.Usage);
        error.ShouldContain("fichier introuvable");
    }

    [Test]
    public async Task An_unknown_format_is_a_usage_error()
    {
        var (code, _, _) = await RunAsync("validate", Fixture("validation", "dlu-valid.xml"), "--format", "pdf");

        code.ShouldBe(ExitCodes.Usage);
    }

    [Test]
    public async Task An_unusable_schematron_folder_is_a_harness_error_with_exit_3()
    {
        var (code, _, error) = await RunAsync("validate", Fixture("validation", "dlu-valid.xml"), "--schematron", Path.Combine(Path.GetTempPath(), "absent-" + Guid.NewGuid().ToString("N")));

        code.ShouldBe(ExitCodes.HarnessError);
        error.ShouldContain("HARNESS-9301");
    }

    [Test]
    public async Task A_synthetic_schematron_file_applies_to_every_document()
    {
        var (code, output, _) = await RunAsync("validate", Fixture("validation", "cda-schematron-invalid.xml"), "--schematron", Fixture("validation", "schematron", "sample.sch"), "--format", "json");

        code.ShouldBe(ExitCodes.Failed);
        using var json = JsonDocument.Parse(output);
        var codes = json.RootElement[0].GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();
        codes.ShouldContain("CDA-1100");
        codes.ShouldContain("CDA-1101");
    }

    [Test]
    [Category("Reference")]
    public async Task The_official_dlu_schematron_fails_a_dlu_missing_a_mandatory_section()
    {
        var schematrons = CiSisSchematrons();
        if (schematrons is null)
        {
            Assert.Inconclusive("shared/reference absent : schematrons CI-SIS indisponibles.");
        }

        var (code, output, _) = await RunAsync("validate", Fixture("validation", "dlu-missing-section.xml"), Fixture("validation", "dlu-valid.xml"), "--schematron", schematrons!);

        code.ShouldBe(ExitCodes.Failed);
        output.ShouldContain("schematron : CI-SIS_DLU-EHPAD-DLU_2022.01.sch");
        output.ShouldContain("CDA-1100");
        output.ShouldContain("Documents ajoutés");
        output.ShouldContain("1 fichier(s) conforme(s), 1 non conforme(s).");
    }
}
