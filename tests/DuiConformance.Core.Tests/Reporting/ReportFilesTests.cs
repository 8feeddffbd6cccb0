using System.Text.Json;
using System.Xml.Linq;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Outcomes;
using DuiConformance.Core.Reporting;

namespace DuiConformance.Core.Tests.Reporting;

public sealed class ReportFilesTests
{
    private DirectoryInfo _output = null!;

    [SetUp]
    public void CreateOutputFolder() => _output = Directory.CreateTempSubdirectory("dui-report-");

    [TearDown]
    public void DeleteOutputFolder() => _output.Delete(recursive: true);

    [Test]
    public async Task WriteAllAsync_writes_the_four_report_files()
    {
        var report = SampleRun.Report(SampleRun.AllPassingBut("DUI-CDA-01", Outcome.Fail, SampleRun.Error("CDA-1001", "realmCode absent", "DUI-CDA-01")));
        var folder = Path.Combine(_output.FullName, "run");

        await ReportFiles.WriteAllAsync(report, folder, []);

        Directory.GetFiles(folder).Select(Path.GetFileName).Order().ShouldBe(["junit.xml", "report.html", "report.json", "summary.md"]);
        RunReportJson.Read(Path.Combine(folder, ReportFiles.JsonFileName)).Outcome.ShouldBe("fail");
        XDocument.Load(Path.Combine(folder, ReportFiles.JUnitFileName)).Root!.Attribute("failures")!.Value.ShouldBe("1");
        (await File.ReadAllTextAsync(Path.Combine(folder, ReportFiles.MarkdownFileName))).ShouldStartWith("## ❌");
        var htmlBytes = await File.ReadAllBytesAsync(Path.Combine(folder, ReportFiles.HtmlFileName));
        htmlBytes.Take(3).ShouldNotBe(new byte[] { 0xEF, 0xBB, 0xBF }, "no byte order mark");
    }

    [Test]
    public async Task WriteAllAsync_links_the_evidence_recorded_beside_the_report()
    {
        var store = new EvidenceStore(Path.Combine(_output.FullName, ReportFiles.EvidenceDirectoryName), new EvidenceTagContext("run-1"));
        var item = await store.RecordAsync(EvidenceKinds.SmtpMessage, "Subject: test\r\n\r\nbody\r\n"u8.ToArray(), "message/rfc822");
        item.Id.ShouldBe("ev-0001");
        await store.WriteManifestAsync();
        var report = SampleRun.Report(SampleRun.AllPassing());

        await ReportFiles.WriteAllAsync(report, _output.FullName);
        var fromIndex = await File.ReadAllTextAsync(Path.Combine(_output.FullName, ReportFiles.HtmlFileName));
        await ReportFiles.WriteAllAsync(report, _output.FullName, null, CancellationToken.None);
        fromIndex.ShouldBe(await File.ReadAllTextAsync(Path.Combine(_output.FullName, ReportFiles.HtmlFileName)));

        var html = await File.ReadAllTextAsync(Path.Combine(_output.FullName, ReportFiles.HtmlFileName));
        html.ShouldContain($"href=\"evidence/{item.File}\"");
        File.Exists(Path.Combine(_output.FullName, ReportFiles.EvidenceDirectoryName, item.File)).ShouldBeTrue();
    }

    [Test]
    public async Task Rewriting_replaces_the_previous_files_and_leaves_no_temporary_file()
    {
        await ReportFiles.WriteAllAsync(SampleRun.Report(SampleRun.AllPassing()), _output.FullName, []);
        await ReportFiles.WriteAllAsync(SampleRun.Report(SampleRun.AllPassing(), "en"), _output.FullName, []);

        Directory.GetFiles(_output.FullName).Length.ShouldBe(4);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_output.FullName, ReportFiles.JsonFileName)));
        document.RootElement.GetProperty("language").GetString().ShouldBe("en");
    }
}
