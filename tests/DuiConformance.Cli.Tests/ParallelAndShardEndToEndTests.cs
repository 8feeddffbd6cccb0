using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Reporting;

namespace DuiConformance.Cli.Tests;

[Category("EndToEnd")]
[Category("Browser")]
[Category("Slow")]
[Description("Issue 6 §4: --parallel n gives the same report as one lane; --shard k/n partitions the suite and report merges the shards.")]
public sealed class ParallelAndShardEndToEndTests
{
    private string _root = null!;
    private (int Code, string Output) _one;
    private (int Code, string Output) _two;
    private RunReport _serial = null!;
    private RunReport _parallel = null!;

    [OneTimeSetUp]
    public async Task Run_the_suite_with_one_lane_with_two_lanes_and_as_two_shards()
    {
        _root = Path.Combine(Path.GetTempPath(), "dui-parallel-e2e-" + Guid.NewGuid().ToString("N"));
        _one = await CliAsync("run", "--out", Dir("one"), "--parallel", "1");
        _two = await CliAsync("run", "--out", Dir("two"), "--parallel", "2", "--proof", "--finess", "690999990");
        _serial = RunReportJson.Read(Path.Combine(Dir("one"), "report.json"));
        _parallel = RunReportJson.Read(Path.Combine(Dir("two"), "report.json"));
    }

    [OneTimeTearDown]
    public void Delete_outputs()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private string Dir(string name) => Path.Combine(_root, name);

    private static async Task<(int Code, string Output)> CliAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApplication.RunAsync(args, output, error).WaitAsync(TimeSpan.FromMinutes(4));
        TestContext.Out.WriteLine(output.ToString());
        return (code, output + error.ToString());
    }

    private static List<string> Verdicts(RunReport report) =>
    [
        .. report.Scenarios.Select(scenario => $"{scenario.Id}={scenario.Outcome}[{string.Join(",", scenario.Steps.Select(step => step.Id + ":" + step.Outcome))}]"),
        .. report.Checks.Select(check => $"{check.Scenario}/{check.Id}={check.Outcome}"),
        .. report.Requirements.Select(requirement => $"{requirement.Id}={requirement.Outcome}"),
        .. report.Eligibility.Select(rule => $"{rule.Id}={rule.Status}"),
    ];

    [Test]
    public void Two_lanes_give_the_same_verdicts_in_the_same_order_as_one()
    {
        _one.Code.ShouldBe(ExitCodes.Passed, _one.Output);
        _two.Code.ShouldBe(ExitCodes.Passed, _two.Output);
        _parallel.Scenarios.Select(scenario => scenario.Id).ShouldBe(_serial.Scenarios.Select(scenario => scenario.Id));
        _serial.Scenarios.Count.ShouldBeGreaterThanOrEqualTo(6);
        Verdicts(_parallel).ShouldBe(Verdicts(_serial));
        _parallel.Summary.ShouldBe(_serial.Summary);
    }

    [Test]
    public void The_lanes_evidence_is_gathered_into_one_folder_where_every_linked_item_and_manifest_entry_is_found()
    {
        var evidence = Path.Combine(Dir("two"), "evidence");
        Directory.EnumerateDirectories(evidence).Select(Path.GetFileName).ShouldBe(["objects"]);
        var items = EvidenceStore.ReadIndex(evidence);
        items.Select(item => item.Id).ShouldBeUnique();
        items.Select(item => item.Id[..6]).Distinct().Order(StringComparer.Ordinal).ShouldBe(["ev-l1-", "ev-l2-"]);
        var ids = items.Select(item => item.Id).ToHashSet(StringComparer.Ordinal);
        var linked = _parallel.Scenarios.SelectMany(scenario => scenario.Steps.SelectMany(step => step.Evidence).Concat(scenario.Evidence ?? []))
            .Concat(_parallel.Checks.SelectMany(check => check.Evidence))
            .ToList();
        linked.Count.ShouldBeGreaterThan(10);
        linked.Where(id => !ids.Contains(id)).ShouldBeEmpty();
        foreach (var item in items)
        {
            Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(evidence, item.File)))).ShouldBe(item.Sha256, item.Id);
        }

        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(evidence, EvidenceStore.ManifestFileName)));
        var entries = manifest.RootElement.GetProperty("files").EnumerateArray().Select(entry => entry.GetProperty("path").GetString()!).ToList();
        entries.ShouldContain(EvidenceStore.IndexFileName);
        items.Select(item => item.File).Distinct().Where(file => !entries.Contains(file)).ShouldBeEmpty();
    }

    [Test]
    public void The_proof_bundle_of_a_parallel_run_holds_every_evidence_item()
    {
        using var zip = ZipFile.OpenRead(Path.Combine(Dir("two"), "proof.zip"));
        var names = zip.Entries.Select(entry => entry.FullName).ToHashSet(StringComparer.Ordinal);
        var items = EvidenceStore.ReadIndex(Path.Combine(Dir("two"), "evidence"));

        items.Where(item => item.Kind is EvidenceKinds.SmtpMessage or EvidenceKinds.FhirRequest or EvidenceKinds.InsiRequest)
            .Select(item => "evidence/" + item.File)
            .Where(name => !names.Contains(name))
            .ShouldBeEmpty();
    }

    [Test]
    public async Task Two_real_shards_are_disjoint_cover_the_suite_and_merge_into_the_verdicts_of_the_whole_run()
    {
        var first = await CliAsync("run", "--out", Dir("shard-1"), "--shard", "1/2", "--quiet");
        var second = await CliAsync("run", "--out", Dir("shard-2"), "--shard", "2/2", "--quiet");
        first.Code.ShouldBe(ExitCodes.Passed, first.Output);
        second.Code.ShouldBe(ExitCodes.Passed, second.Output);
        first.Output.ShouldNotContain("▶");
        var one = RunReportJson.Read(Path.Combine(Dir("shard-1"), "report.json")).Scenarios.Select(scenario => scenario.Id).ToList();
        var two = RunReportJson.Read(Path.Combine(Dir("shard-2"), "report.json")).Scenarios.Select(scenario => scenario.Id).ToList();
        one.Intersect(two).ShouldBeEmpty();
        one.Concat(two).ShouldBe(_serial.Scenarios.Select(scenario => scenario.Id), ignoreOrder: true);

        var merged = await CliAsync("report", Path.Combine(Dir("shard-1"), "report.json"), Path.Combine(Dir("shard-2"), "report.json"), "--out", Dir("merged"));

        merged.Code.ShouldBe(ExitCodes.Passed, merged.Output);
        var report = RunReportJson.Read(Path.Combine(Dir("merged"), "report.json"));
        Verdicts(report).ShouldBe(Verdicts(_serial), ignoreOrder: true);
        report.Summary.ShouldBe(_serial.Summary);
    }
}
