using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using DuiConformance.Cli.Running;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Fhir.Profiles;

namespace DuiConformance.Cli.Tests;

[Category("EndToEnd")]
[Category("Slow")]
[Description("domain.md §10: INS test OID behaviour configurable (--ins-mode), official FHIR packages used by run and named in the report (--fhir-package).")]
public sealed class RunInsModeAndPackageTests
{
    private string _root = null!;

    [SetUp]
    public void Make_root() => _root = Path.Combine(Path.GetTempPath(), "dui-insmode-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void Delete_root()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Test]
    public async Task In_test_mode_insi_answers_with_test_oids_and_the_clean_dui_still_passes_the_oid_check()
    {
        var result = await RunAsync(new RunOptions { OutputDirectory = Path.Combine(_root, "test"), Driver = "http-hooks", UpdateLatest = false, Scenarios = ["ins-lookup-qualify"], InsMode = InsMode.Test });

        var evidence = EvidenceStore.ReadIndex(Path.Combine(result.OutputDirectory, "evidence"));
        var responses = evidence.Where(item => item.Kind == EvidenceKinds.InsiResponse).Select(item => File.ReadAllText(Path.Combine(result.OutputDirectory, "evidence", item.File))).ToList();
        var oidCheck = result.Report.Checks.Single(check => check.Id == "ins.oid.mode");
        result.ShouldSatisfyAllConditions(
            () => responses.ShouldNotBeEmpty(),
            () => responses.ShouldAllBe(text => !text.Contains("1.2.250.1.213.1.4.8<", StringComparison.Ordinal)),
            () => responses.ShouldContain(text => text.Contains("1.2.250.1.213.1.4.10", StringComparison.Ordinal)),
            () => oidCheck.Outcome.ShouldBe("pass", string.Join(" | ", oidCheck.Findings.Select(finding => finding.Message))));
    }

    [Test]
    public async Task A_fhir_package_given_to_run_is_used_and_named_in_the_report()
    {
        Directory.CreateDirectory(_root);
        var package = Path.Combine(_root, "package.tgz");
        WritePackage(package);

        var result = await RunAsync(new RunOptions { OutputDirectory = Path.Combine(_root, "pkg"), Driver = "http-hooks", UpdateLatest = false, Scenarios = ["dlu-share"], FhirPackages = [package] });

        var check = result.Report.Checks.Single(check => check.Id == "fhir.iti65.profile-validation");
        check.Outcome.ShouldBe("pass", string.Join(" | ", check.Findings.Select(finding => finding.Message)));
        check.Findings.ShouldContain(finding => finding.Code == "FHIR-5307" && finding.Message.Contains("dui.test.synthetic#0.0.1 (1)", StringComparison.Ordinal));
        File.ReadAllText(Path.Combine(result.OutputDirectory, "report.json")).ShouldContain("dui.test.synthetic#0.0.1");
    }

    [Test]
    public async Task A_missing_fhir_package_is_a_usage_error()
    {
        await Should.ThrowAsync<UsageException>(() => RunAsync(new RunOptions { OutputDirectory = Path.Combine(_root, "none"), Driver = "http-hooks", UpdateLatest = false, Scenarios = ["dlu-share"], FhirPackages = [Path.Combine(_root, "absent.tgz")] }));
    }

    private static async Task<RunResult> RunAsync(RunOptions options)
    {
        var output = new StringWriter();
        var result = await ConformanceRun.RunAsync(options, output, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(4));
        TestContext.Out.WriteLine(output.ToString());
        return result;
    }

    /// <summary>A synthetic FHIR package: package/package.json and one CodeSystem, as the FHIR package layout has them.</summary>
    private static void WritePackage(string path)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        Add(tar, "package/package.json", """{"name":"dui.test.synthetic","version":"0.0.1","dependencies":{}}""");
        Add(tar, "package/CodeSystem-dui-test.json", """{"resourceType":"CodeSystem","id":"dui-test","url":"https://dui-conformance.test/CodeSystem/dui-test","status":"active","content":"complete","concept":[{"code":"a","display":"A"}]}""");
    }

    private static void Add(TarWriter tar, string name, string json)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(json)) };
        tar.WriteEntry(entry);
    }
}
