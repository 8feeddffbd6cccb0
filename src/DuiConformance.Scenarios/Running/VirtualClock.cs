using System.Diagnostics;

namespace DuiConformance.Scenarios.Running;

/// <summary>
/// The time of one lane: real time plus an offset that grows by jumps. While the lane is busy it runs like the real
/// clock; once the lane is quiet (no new evidence and no action in flight for <see cref="QuietInterval"/> of real
/// time) and something waits on a timer, it jumps straight to that timer's deadline. A scenario that waits 24 h for a
/// read receipt that never comes is then over in a fraction of a second, and one whose answer does come is unchanged.
/// </summary>
/// <remarks>
/// Only what is given this clock uses it: the evidence store (expectation timeouts, recording times) and the scenario
/// runner. The system under test, the browser and the simulators' sockets keep real time.
/// </remarks>
public sealed class VirtualClock : TimeProvider, IDisposable
{
    private readonly TimeProvider _real;
    private readonly Lock _gate = new();
    private readonly List<VirtualTimer> _timers = [];
    private readonly ITimer _poll;
    private long _offsetTicks;
    private int _inFlight;
    private long _lastActivity;
    private long _lastProbe = -1;

    /// <summary>Creates a clock that follows <paramref name="real"/> (default the system clock).</summary>
    /// <param name="quietInterval">Real time without activity after which the clock may jump (default 250 ms).</param>
    /// <param name="real">The clock to follow; tests may give a fake one.</param>
    public VirtualClock(TimeSpan? quietInterval = null, TimeProvider? real = null)
    {
        _real = real ?? System;
        QuietInterval = quietInterval ?? TimeSpan.FromMilliseconds(250);
        _lastActivity = _real.GetTimestamp();
        var tick = TimeSpan.FromMilliseconds(Math.Clamp(QuietInterval.TotalMilliseconds / 5, 5, 50));
        _poll = _real.CreateTimer(_ => Poll(), null, tick, tick);
    }

    /// <summary>Real time without activity after which the clock jumps to the next deadline.</summary>
    public TimeSpan QuietInterval { get; }

    /// <summary>
    /// A counter that grows with activity (for instance the number of evidence items recorded); the clock reads it on
    /// every tick and counts a change as activity.
    /// </summary>
    public Func<long>? ActivityProbe { get; set; }

    /// <summary>How far the clock is ahead of real time.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _real.GetUtcNow() + Offset;

    /// <inheritdoc />
    public override long TimestampFrequency => Stopwatch.Frequency;

    /// <inheritdoc />
    public override long GetTimestamp() =>
        (long)(_real.GetTimestamp() * ((double)Stopwatch.Frequency / _real.TimestampFrequency)) + (long)(Offset.Ticks * ((double)Stopwatch.Frequency / TimeSpan.TicksPerSecond));

    /// <summary>Marks an action in flight until the returned handle is disposed; the clock never jumps meanwhile.</summary>
    public IDisposable BeginAction()
    {
        Interlocked.Increment(ref _inFlight);
        NoteActivity();
        return new ActionScope(this);
    }

    /// <summary>Counts as activity now (the quiet interval starts again).</summary>
    public void NoteActivity() => Interlocked.Exchange(ref _lastActivity, _real.GetTimestamp());

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <inheritdoc />
    public void Dispose() => _poll.Dispose();

    internal void Schedule(VirtualTimer timer, DateTimeOffset? due, TimeSpan period)
    {
        lock (_gate)
        {
            timer.Due = due;
            timer.Period = period;
            _timers.Remove(timer);
            if (due is not null)
            {
                _timers.Add(timer);
            }
        }
    }

    private void Poll()
    {
        var probe = ActivityProbe?.Invoke() ?? 0;
        if (Interlocked.Exchange(ref _lastProbe, probe) != probe)
        {
            NoteActivity();
        }

        List<VirtualTimer> due;
        lock (_gate)
        {
            var now = GetUtcNow();
            var quiet = Volatile.Read(ref _inFlight) == 0 && _real.GetElapsedTime(Interlocked.Read(ref _lastActivity)) >= QuietInterval;
            var next = _timers.Count == 0 ? (DateTimeOffset?)null : _timers.Min(timer => timer.Due!.Value);
            if (quiet && next is { } deadline && deadline > now)
            {
                // Note: jump to the earliest deadline only, then wait for quiet again: what fires may wake the lane.
                Interlocked.Add(ref _offsetTicks, (deadline - now).Ticks);
                NoteActivity();
                now = deadline;
            }

            due = [.. _timers.Where(timer => timer.Due <= now)];
            foreach (var timer in due)
            {
                _timers.Remove(timer);
                if (timer.Period > TimeSpan.Zero && timer.Period != Timeout.InfiniteTimeSpan)
                {
                    timer.Due = now + timer.Period;
                    _timers.Add(timer);
                }
            }
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    private sealed class ActionScope(VirtualClock clock) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                clock.NoteActivity();
                Interlocked.Decrement(ref clock._inFlight);
            }
        }
    }
}
