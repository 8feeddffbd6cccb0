namespace DuiConformance.Core.Evidence;

/// <summary>
/// Makes the appends to the evidence index durable with one fsync shared by every append made while the previous fsync
/// ran (group commit), so a simulator never acknowledges an item whose index line a crash could lose (issue 9 §8:
/// "never loses what it acknowledged"), without one fsync per item.
/// </summary>
internal sealed class IndexGroupCommit(string path)
{
    private readonly Lock _gate = new();
    private long _appended;
    private long _durable;
    private Task? _running;
    private long _syncs;

    /// <summary>How many fsyncs ran so far.</summary>
    public long Syncs => Interlocked.Read(ref _syncs);

    /// <summary>Notes one more append to the file; returns its sequence number, to pass to <see cref="WaitDurableAsync"/>.</summary>
    public long Appended()
    {
        lock (_gate)
        {
            return ++_appended;
        }
    }

    /// <summary>Returns once an fsync that started after append <paramref name="sequence"/> has completed.</summary>
    public async Task WaitDurableAsync(long sequence, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task running;
            lock (_gate)
            {
                if (_durable >= sequence)
                {
                    return;
                }

                if (_running is null || _running.IsCompleted)
                {
                    _running = Task.Run(SyncOnce, CancellationToken.None);
                }

                running = _running;
            }

            // Note: an fsync already running may have started before this append; the loop then starts the next one,
            // which covers every append made meanwhile.
            await running.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void SyncOnce()
    {
        long target;
        lock (_gate)
        {
            target = _appended;
        }

        using (var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            RandomAccess.FlushToDisk(handle);
        }

        Interlocked.Increment(ref _syncs);

        lock (_gate)
        {
            _durable = Math.Max(_durable, target);
        }
    }
}
