namespace DuiConformance.Scenarios.Running;

/// <summary>A timer of a <see cref="VirtualClock"/>: due at a virtual instant, fired by the clock's tick.</summary>
internal sealed class VirtualTimer(VirtualClock clock, TimerCallback callback, object? state) : ITimer
{
    /// <summary>Virtual instant at which the timer fires next; <c>null</c> when stopped.</summary>
    public DateTimeOffset? Due { get; set; }

    /// <summary>Period between firings; infinite or zero for a one-shot timer.</summary>
    public TimeSpan Period { get; set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        clock.Schedule(this, dueTime == Timeout.InfiniteTimeSpan ? null : clock.GetUtcNow() + dueTime, period);
        return true;
    }

    public void Fire() => callback(state);

    public void Dispose() => clock.Schedule(this, null, Timeout.InfiniteTimeSpan);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
