using DuiConformance.Core.Evidence;

namespace DuiConformance.Core.Tests.Evidence;

public sealed class GroupCommitTests
{
    private string _path = null!;

    [SetUp]
    public void CreateFile()
    {
        _path = Path.Combine(Path.GetTempPath(), "dui-index-" + Guid.NewGuid().ToString("N") + ".jsonl");
        File.WriteAllText(_path, "{}\n");
    }

    [TearDown]
    public void DeleteFile() => File.Delete(_path);

    private void Flush()
    {
        using var handle = File.OpenHandle(_path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        RandomAccess.FlushToDisk(handle);
    }

    [Test]
    public async Task Appends_made_before_one_wait_share_one_fsync()
    {
        var commit = new GroupCommit(Flush);
        commit.Appended();
        commit.Appended();
        var third = commit.Appended();

        await commit.WaitDurableAsync(third, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await commit.WaitDurableAsync(1, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        commit.Syncs.ShouldBe(1);
    }

    [Test]
    public async Task An_append_after_the_last_fsync_waits_for_a_new_one()
    {
        var commit = new GroupCommit(Flush);
        await commit.WaitDurableAsync(commit.Appended(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        await commit.WaitDurableAsync(commit.Appended(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        commit.Syncs.ShouldBe(2);
    }

    [Test]
    public async Task Every_concurrent_waiter_returns_and_no_append_goes_without_an_fsync_after_it()
    {
        var commit = new GroupCommit(Flush);

        var waits = Enumerable.Range(0, 200).Select(_ => Task.Run(() => commit.WaitDurableAsync(commit.Appended(), CancellationToken.None)));
        await Task.WhenAll(waits).WaitAsync(TimeSpan.FromSeconds(30));

        commit.Syncs.ShouldBeInRange(1, 200);
        // A new wait for the last sequence needs no further fsync: the last one covered it.
        var before = commit.Syncs;
        await commit.WaitDurableAsync(200, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        commit.Syncs.ShouldBe(before);
    }

    [Test, Description("A lone writer flushes on its own thread: no hop to the pool and back (fhir-ingest)")]
    public void A_lone_waiter_runs_the_flush_itself_and_returns_completed()
    {
        int? flushedOn = null;
        var commit = new GroupCommit(() => flushedOn = Environment.CurrentManagedThreadId);

        var wait = commit.WaitDurableAsync(commit.Appended(), CancellationToken.None);

        wait.IsCompletedSuccessfully.ShouldBeTrue();
        flushedOn.ShouldBe(Environment.CurrentManagedThreadId);
    }

    [Test]
    public async Task A_failed_flush_fails_the_wait_and_the_next_wait_flushes_again()
    {
        var failures = 1;
        var commit = new GroupCommit(() =>
        {
            if (failures-- > 0)
            {
                throw new IOException("disk full");
            }
        });
        var sequence = commit.Appended();

        await Should.ThrowAsync<IOException>(() => commit.WaitDurableAsync(sequence, CancellationToken.None));
        await commit.WaitDurableAsync(sequence, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        commit.Syncs.ShouldBe(1);
    }
}
