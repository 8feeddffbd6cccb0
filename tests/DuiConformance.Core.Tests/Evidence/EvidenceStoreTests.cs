using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DuiConformance.Core.Evidence;

namespace DuiConformance.Core.Tests.Evidence;

public sealed class EvidenceStoreTests
{
    private string _directory = null!;
    private EvidenceTagContext _tags = null!;
    private EvidenceStore _store = null!;

    [SetUp]
    public void Open()
    {
        _directory = Path.Combine(Path.GetTempPath(), "dui-evidence-" + Guid.NewGuid().ToString("N"));
        _tags = new EvidenceTagContext("run-7");
        _store = new EvidenceStore(_directory, _tags);
    }

    [TearDown]
    public void Delete() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task Recorded_content_is_on_disk_under_its_sha256_when_record_returns()
    {
        var content = Encoding.ASCII.GetBytes("Subject: hello\r\n\r\nbody\r\n");

        var item = await _store.RecordAsync(EvidenceKinds.SmtpMessage, content, "message/rfc822");

        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        item.ShouldSatisfyAllConditions(
            () => item.Sha256.ShouldBe(sha),
            () => item.File.ShouldBe($"objects/{sha}.eml"),
            () => File.ReadAllBytes(Path.Combine(_directory, item.File)).ShouldBe(content),
            () => item.Length.ShouldBe(content.Length));
    }

    [Test]
    public async Task Items_carry_the_tags_active_when_recorded()
    {
        _tags.Enter("dlu-share", "send-mss");
        var during = await _store.RecordAsync(EvidenceKinds.SmtpMessage, new byte[] { 1 }, "message/rfc822");
        _tags.Leave();
        var after = await _store.RecordAsync(EvidenceKinds.SmtpMessage, new byte[] { 2 }, "message/rfc822");

        during.Tags.ShouldBe(new EvidenceTags("run-7", "dlu-share", "send-mss"));
        after.Tags.ShouldBe(EvidenceTags.Untagged("run-7"));
    }

    [Test]
    public async Task The_index_on_disk_reads_back_as_the_recorded_items()
    {
        await _store.RecordAsync(EvidenceKinds.FhirRequest, Encoding.UTF8.GetBytes("{}"), "application/fhir+json", new Dictionary<string, string> { [FhirProperties.Interaction] = "ITI-65" });
        await _store.RecordAsync(EvidenceKinds.FhirResponse, Encoding.UTF8.GetBytes("{ }"), "application/fhir+json");

        var read = EvidenceStore.ReadIndex(_directory);

        read.Select(item => item.Id).ShouldBe(_store.Items.Select(item => item.Id));
        read[0].Property(FhirProperties.Interaction).ShouldBe("ITI-65");
    }

    [Test]
    public async Task Identical_contents_are_stored_once_but_indexed_twice()
    {
        await _store.RecordAsync(EvidenceKinds.SmtpMessage, new byte[] { 9, 9 }, "message/rfc822");
        await _store.RecordAsync(EvidenceKinds.SmtpMessage, new byte[] { 9, 9 }, "message/rfc822");

        Directory.GetFiles(Path.Combine(_directory, "objects")).Length.ShouldBe(1);
        _store.Items.Select(item => item.Id).Distinct().Count().ShouldBe(2);
    }

    [Test]
    public async Task Wait_returns_an_item_recorded_later()
    {
        var waiting = _store.WaitForAsync(item => item.Kind == EvidenceKinds.SmtpMessage, 0, TimeSpan.FromSeconds(5));
        await _store.RecordAsync(EvidenceKinds.FhirRequest, new byte[] { 1 }, "application/fhir+json");
        var message = await _store.RecordAsync(EvidenceKinds.SmtpMessage, new byte[] { 2 }, "message/rfc822");

        (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBe(message);
    }

    [Test]
    public async Task Wait_finds_an_item_recorded_before_it_was_called()
    {
        var message = await _store.RecordAsync(EvidenceKinds.SmtpMessage, new byte[] { 2 }, "message/rfc822");

        (await _store.WaitForAsync(item => item.Kind == EvidenceKinds.SmtpMessage, 0, TimeSpan.FromSeconds(1)).WaitAsync(TimeSpan.FromSeconds(10))).ShouldBe(message);
    }

    [Test]
    public async Task Wait_times_out_when_nothing_matches()
    {
        await Should.ThrowAsync<TimeoutException>(() => _store.WaitForAsync(item => item.Kind == EvidenceKinds.SmtpMessage, 0, TimeSpan.FromMilliseconds(100)).WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public async Task The_manifest_lists_the_sha256_of_every_file_but_itself()
    {
        await _store.RecordAsync(EvidenceKinds.SmtpMessage, new byte[] { 1, 2, 3 }, "message/rfc822");
        await _store.WriteManifestAsync();

        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_directory, EvidenceStore.ManifestFileName)));
        var paths = manifest.RootElement.GetProperty("files").EnumerateArray().Select(entry => entry.GetProperty("path").GetString()).ToList();
        paths.ShouldContain(EvidenceStore.IndexFileName);
        paths.ShouldContain(path => path!.StartsWith("objects/", StringComparison.Ordinal));
        paths.ShouldNotContain(EvidenceStore.ManifestFileName);
        foreach (var entry in manifest.RootElement.GetProperty("files").EnumerateArray())
        {
            var bytes = File.ReadAllBytes(Path.Combine(_directory, entry.GetProperty("path").GetString()!));
            entry.GetProperty("sha256").GetString().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
    }

    [Test]
    public async Task Concurrent_recording_keeps_every_item_with_a_unique_id()
    {
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => _store.RecordAsync(EvidenceKinds.SmtpMessage, BitConverter.GetBytes(i), "message/rfc822")));

        _store.Items.Select(item => item.Id).Distinct().Count().ShouldBe(200);
        EvidenceStore.ReadIndex(_directory).Count.ShouldBe(200);
    }
}
