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
    public async Task Recorded_content_is_readable_when_record_returns_and_in_its_sha256_file_after_the_checkpoint()
    {
        var content = Encoding.ASCII.GetBytes("Subject: hello\r\n\r\nbody\r\n");

        var item = await _store.RecordAsync(EvidenceKinds.SmtpMessage, content, "message/rfc822");

        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        item.ShouldSatisfyAllConditions(
            () => item.Sha256.ShouldBe(sha),
            () => item.File.ShouldBe($"objects/{sha}.eml"),
            () => _store.ReadContent(item).ShouldBe(content),
            () => _store.JournalledCount.ShouldBe(1),
            () => item.Length.ShouldBe(content.Length));

        (await _store.CheckpointAsync()).ShouldBe(1);

        File.ReadAllBytes(Path.Combine(_directory, item.File)).ShouldBe(content);
        _store.ReadContent(item).ShouldBe(content);
        _store.JournalledCount.ShouldBe(0);
        Directory.Exists(Path.Combine(_directory, "journal")).ShouldBeFalse();
    }

    [Test, Description("Issue 9 §8: what was acknowledged survives a crash — a store opened later writes the objects the journal holds")]
    public async Task A_store_opened_after_a_crash_writes_the_objects_left_in_the_journal()
    {
        var first = await _store.RecordAsync(EvidenceKinds.SmtpMessage, "Subject: one\r\n\r\n1\r\n"u8.ToArray(), "message/rfc822");
        var second = await _store.RecordAsync(EvidenceKinds.FhirRequest, "{\"resourceType\":\"Bundle\"}"u8.ToArray(), "application/fhir+json");

        // No checkpoint: the process "stops" here, and index.jsonl (flushed only at the checkpoint) lost its tail: the
        // second line is torn.
        var index = Path.Combine(_directory, EvidenceStore.IndexFileName);
        var lines = File.ReadAllText(index);
        File.WriteAllText(index, lines[..(lines.IndexOf('\n') + 20)]);
        var reopened = new EvidenceStore(_directory, new EvidenceTagContext("run-8"));

        EvidenceStore.ReadIndex(_directory).Select(item => (item.Id, item.Sha256)).ShouldBe([(first.Id, first.Sha256), (second.Id, second.Sha256)], "index lines restored from the journal");
        File.ReadAllText(index).ShouldBe(lines);

        File.ReadAllText(Path.Combine(_directory, first.File)).ShouldBe("Subject: one\r\n\r\n1\r\n");
        File.ReadAllText(Path.Combine(_directory, second.File)).ShouldBe("{\"resourceType\":\"Bundle\"}");
        reopened.JournalledCount.ShouldBe(0);
        Directory.Exists(Path.Combine(_directory, "journal")).ShouldBeFalse();
    }

    [Test, Description("A crash in the middle of an append tears only the last record, never acknowledged: the whole ones are kept")]
    public async Task Recovery_keeps_the_whole_records_and_ignores_a_torn_tail()
    {
        var kept = await _store.RecordAsync(EvidenceKinds.SmtpMessage, "Subject: kept\r\n\r\n"u8.ToArray(), "message/rfc822");
        var index = File.ReadAllText(Path.Combine(_directory, EvidenceStore.IndexFileName));
        var pack = Directory.GetFiles(Path.Combine(_directory, "journal"), "*.pack").ShouldHaveSingleItem();
        // The pack is zero-filled ahead of its records: the records end at its last non-zero octet (a line feed).
        var bytes = File.ReadAllBytes(pack);
        var end = bytes.AsSpan().LastIndexOfAnyExcept((byte)0) + 1;
        bytes.AsSpan(0, end - 3).CopyTo(bytes.AsSpan(end));
        File.WriteAllBytes(pack, bytes);

        _ = new EvidenceStore(_directory, new EvidenceTagContext("run-8"));

        Directory.GetFiles(Path.Combine(_directory, "objects")).ShouldHaveSingleItem().ShouldEndWith(Path.GetFileName(kept.File));
        File.ReadAllText(Path.Combine(_directory, EvidenceStore.IndexFileName)).ShouldBe(index);
        Directory.Exists(Path.Combine(_directory, "journal")).ShouldBeFalse();
    }

    [Test, Description("A journal edited to name a path outside objects/ is not followed")]
    public async Task Recovery_refuses_a_record_whose_path_is_not_an_object_path()
    {
        var item = await _store.RecordAsync(EvidenceKinds.SmtpMessage, "Subject: x\r\n\r\n"u8.ToArray(), "message/rfc822");
        var pack = Directory.GetFiles(Path.Combine(_directory, "journal"), "*.pack").ShouldHaveSingleItem();
        var bytes = File.ReadAllBytes(pack);
        var at = bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(item.File));
        Encoding.ASCII.GetBytes("../" + item.File[3..]).CopyTo(bytes, at);
        File.WriteAllBytes(pack, bytes);

        _ = new EvidenceStore(_directory, new EvidenceTagContext("run-8"));

        Directory.GetFiles(Path.Combine(_directory, "objects")).ShouldBeEmpty();
        Directory.GetFiles(Path.GetDirectoryName(_directory)!, "*.eml").ShouldBeEmpty();
    }

    [Test]
    public async Task Items_recorded_during_a_checkpoint_stay_readable_and_the_next_checkpoint_writes_them()
    {
        var contents = Enumerable.Range(0, 300).Select(i => Encoding.ASCII.GetBytes($"Subject: {i}\r\n\r\n{new string('x', i * 37)}\r\n")).ToList();
        var recording = Task.WhenAll(contents.Select(content => Task.Run(() => _store.RecordAsync(EvidenceKinds.SmtpMessage, content, "message/rfc822"))));
        var checkpoints = Task.Run(async () =>
        {
            for (var round = 0; round < 5; round++)
            {
                await _store.CheckpointAsync();
            }
        });

        var items = await recording.WaitAsync(TimeSpan.FromSeconds(30));
        await checkpoints.WaitAsync(TimeSpan.FromSeconds(30));
        foreach (var item in items)
        {
            contents.ShouldContain(content => content.SequenceEqual(_store.ReadContent(item)));
        }

        await _store.CheckpointAsync();

        items.ShouldAllBe(item => File.Exists(Path.Combine(_directory, item.File)));
        Directory.GetFiles(Path.Combine(_directory, "objects")).Length.ShouldBe(300);
        _store.JournalledCount.ShouldBe(0);
    }

    [Test]
    public async Task A_checkpoint_that_cannot_write_keeps_the_journal_and_the_next_one_completes()
    {
        var item = await _store.RecordAsync(EvidenceKinds.SmtpMessage, "Subject: later\r\n\r\n"u8.ToArray(), "message/rfc822");
        var objects = Path.Combine(_directory, "objects");
        Directory.Delete(objects);
        File.WriteAllText(objects, "not a folder");

        await Should.ThrowAsync<IOException>(() => _store.CheckpointAsync());

        _store.JournalledCount.ShouldBe(1);
        _store.ReadContent(item).ShouldBe("Subject: later\r\n\r\n"u8.ToArray());
        File.Delete(objects);
        (await _store.CheckpointAsync()).ShouldBe(1);
        File.ReadAllText(Path.Combine(_directory, item.File)).ShouldBe("Subject: later\r\n\r\n");
        _store.JournalledCount.ShouldBe(0);
    }

    [Test]
    public async Task The_same_content_under_two_media_types_gets_both_object_files()
    {
        var eml = await _store.RecordAsync(EvidenceKinds.SmtpMessage, "same"u8.ToArray(), "message/rfc822");
        var text = await _store.RecordAsync(EvidenceKinds.UiText, "same"u8.ToArray(), "text/plain");

        await _store.CheckpointAsync();

        File.Exists(Path.Combine(_directory, eml.File)).ShouldBeTrue();
        File.Exists(Path.Combine(_directory, text.File)).ShouldBeTrue();
    }

    [Test, Description("serve: objects appear while the simulators run, once recording pauses")]
    public async Task An_idle_store_writes_its_objects_without_being_asked()
    {
        var store = new EvidenceStore(Path.Combine(_directory, "idle"), _tags) { IdleCheckpointDelay = TimeSpan.FromMilliseconds(50) };

        var item = await store.RecordAsync(EvidenceKinds.SmtpMessage, "Subject: idle\r\n\r\n"u8.ToArray(), "message/rfc822");

        var path = Path.Combine(store.Directory, item.File);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!File.Exists(path) && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }

        File.Exists(path).ShouldBeTrue();
        while (store.JournalledCount > 0 && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }

        store.JournalledCount.ShouldBe(0);
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
        await _store.CheckpointAsync();
        await _store.RecordAsync(EvidenceKinds.SmtpMessage, new byte[] { 9, 9 }, "message/rfc822");

        _store.JournalledCount.ShouldBe(0);
        Directory.GetFiles(Path.Combine(_directory, "objects")).Length.ShouldBe(1);
        _store.Items.Select(item => item.Id).Distinct().Count().ShouldBe(3);
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
        paths.ShouldNotContain(path => path!.StartsWith("journal/", StringComparison.Ordinal));
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
