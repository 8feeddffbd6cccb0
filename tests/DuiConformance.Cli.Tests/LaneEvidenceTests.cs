using System.Text;
using DuiConformance.Cli.Running;
using DuiConformance.Core.Evidence;

namespace DuiConformance.Cli.Tests;

public sealed class LaneEvidenceTests
{
    private string _evidence = null!;

    [SetUp]
    public void CreateFolder() => _evidence = Path.Combine(Path.GetTempPath(), "dui-lanes-" + Guid.NewGuid().ToString("N"), "evidence");

    [TearDown]
    public void DeleteFolder() => Directory.Delete(Path.GetDirectoryName(_evidence)!, recursive: true);

    private EvidenceStore Lane(int lane) =>
        new(Path.Combine(_evidence, LaneEvidence.LaneDirectoryName(lane)), new EvidenceTagContext("run-1")) { IdPrefix = $"ev-l{lane}-" };

    [Test]
    public async Task Lanes_are_gathered_into_one_folder_with_unique_ids_and_shared_objects_kept_once()
    {
        var one = Lane(1);
        var two = Lane(2);
        one.Tags.Enter("a", "send");
        two.Tags.Enter("b", "send");
        var same = Encoding.ASCII.GetBytes("Subject: same\r\n\r\nx\r\n");
        await one.RecordAsync(EvidenceKinds.SmtpMessage, same, "message/rfc822");
        await two.RecordAsync(EvidenceKinds.SmtpMessage, same, "message/rfc822");
        await two.RecordAsync(EvidenceKinds.FhirRequest, "{}"u8.ToArray(), "application/fhir+json");
        await one.CheckpointAsync();
        await two.CheckpointAsync();

        var items = await LaneEvidence.GatherAsync(_evidence, 2, CancellationToken.None);

        items.Select(item => item.Id).ShouldBe(["ev-l1-0001", "ev-l2-0001", "ev-l2-0002"]);
        EvidenceStore.ReadIndex(_evidence).Select(item => (item.Id, item.Sha256, item.File)).ShouldBe(items.Select(item => (item.Id, item.Sha256, item.File)));
        Directory.EnumerateDirectories(_evidence).Select(Path.GetFileName).ShouldBe(["objects"]);
        Directory.EnumerateFiles(Path.Combine(_evidence, "objects")).Count().ShouldBe(2);
        items.ShouldAllBe(item => File.Exists(Path.Combine(_evidence, item.File)));
        items.Select(item => item.Tags.Scenario).ShouldBe(["a", "b", "b"]);
    }

    [Test]
    public async Task A_lane_that_recorded_nothing_is_simply_removed()
    {
        _ = Lane(1);
        await Lane(2).RecordAsync(EvidenceKinds.SmtpTranscript, "220 hello"u8.ToArray(), "text/plain");

        var items = await LaneEvidence.GatherAsync(_evidence, 2, CancellationToken.None);

        items.Single().Id.ShouldBe("ev-l2-0001");
        Directory.Exists(Path.Combine(_evidence, "lane-1")).ShouldBeFalse();
    }
}
