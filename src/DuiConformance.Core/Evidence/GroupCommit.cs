namespace DuiConformance.Core.Evidence;

/// <summary>
/// Makes the appends to the evidence journal and index durable with one flush shared by every append made while the
/// previous flush ran (group commit), so a simulator never acknowledges an item a crash could lose (issue 9 §8: "never
/// loses what it acknowledged"), without one fsync per item.
/// </summary>
/// <param name="flushToDisk">Flushes every file appended to (fsync); called by one waiter at a time.</param>
internal sealed class GroupCommit(Action flushToDisk)
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
    /// <remarks>
    /// Note: when no flush runs, the caller runs it on its own thread (a hop to another pool thread and back cost more
    /// than the group commit saved for a lone writer, fhir-ingest); callers arriving meanwhile wait for the next one.
    /// </remarks>
    public async Task WaitDurableAsync(long sequence, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task running;
            TaskCompletionSource? mine = null;
            lock (_gate)
            {
                if (_durable >= sequence)
                {
                    return;
                }

                if (_running is null || _running.IsCompleted)
                {
                    mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    _running = mine.Task;
                }

                running = _running;
            }

            if (mine is not null)
            {
                try
                {
                    SyncOnce();
                    mine.SetResult();
                }
                catch (Exception exception)
                {
                    mine.SetException(exception);
                    throw;
                }

                continue;
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

        flushToDisk();
        Interlocked.Increment(ref _syncs);

        lock (_gate)
        {
            _durable = Math.Max(_durable, target);
        }
    }
}
