using Microsoft.Extensions.Time.Testing;
using DuiConformance.Scenarios.Running;

namespace DuiConformance.Scenarios.Tests;

/// <summary>The lane's virtual clock, driven by a fake real clock so every instant is exact.</summary>
public sealed class VirtualClockTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(100);

    private static void Advance(FakeTimeProvider real, TimeSpan total)
    {
        // Note: small steps, as real time passes, so the clock's periodic tick runs at every instant it would.
        for (var elapsed = TimeSpan.Zero; elapsed < total; elapsed += TimeSpan.FromMilliseconds(5))
        {
            real.Advance(TimeSpan.FromMilliseconds(5));
        }
    }

    [Test]
    public void Once_quiet_the_clock_jumps_to_the_next_deadline_and_fires_its_timer()
    {
        var real = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        using var clock = new VirtualClock(Quiet, real);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => Interlocked.Increment(ref fired), null, TimeSpan.FromHours(24), Timeout.InfiniteTimeSpan);

        Advance(real, TimeSpan.FromMilliseconds(50));
        fired.ShouldBe(0);
        Advance(real, TimeSpan.FromMilliseconds(100));

        fired.ShouldBe(1);
        clock.Offset.ShouldBeGreaterThan(TimeSpan.FromHours(23.9));
        clock.GetUtcNow().ShouldBeGreaterThanOrEqualTo(new DateTimeOffset(2026, 1, 6, 9, 0, 0, TimeSpan.Zero));
    }

    [Test]
    public void The_clock_never_jumps_while_an_action_is_in_flight()
    {
        var real = new FakeTimeProvider();
        using var clock = new VirtualClock(Quiet, real);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => Interlocked.Increment(ref fired), null, TimeSpan.FromMinutes(30), Timeout.InfiniteTimeSpan);

        using (clock.BeginAction())
        {
            Advance(real, TimeSpan.FromSeconds(2));
            fired.ShouldBe(0);
            clock.Offset.ShouldBe(TimeSpan.Zero);
        }

        Advance(real, TimeSpan.FromMilliseconds(50));
        fired.ShouldBe(0);
        Advance(real, TimeSpan.FromMilliseconds(100));
        fired.ShouldBe(1);
    }

    [Test]
    public void New_activity_postpones_the_jump_and_without_timers_the_clock_follows_real_time()
    {
        var real = new FakeTimeProvider();
        using var clock = new VirtualClock(Quiet, real);
        var activity = 0L;
        clock.ActivityProbe = () => Interlocked.Read(ref activity);
        Advance(real, TimeSpan.FromSeconds(1));
        clock.Offset.ShouldBe(TimeSpan.Zero);

        var fired = 0;
        using var timer = clock.CreateTimer(_ => Interlocked.Increment(ref fired), null, TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);
        for (var round = 0; round < 10; round++)
        {
            Interlocked.Increment(ref activity);
            Advance(real, TimeSpan.FromMilliseconds(60));
        }

        fired.ShouldBe(0);
        Advance(real, TimeSpan.FromMilliseconds(150));
        fired.ShouldBe(1);
    }

    [Test]
    public void A_deadline_reached_in_real_time_fires_without_a_jump()
    {
        var real = new FakeTimeProvider();
        using var clock = new VirtualClock(Quiet, real);
        using var busy = clock.BeginAction();
        var fired = 0;
        using var timer = clock.CreateTimer(_ => Interlocked.Increment(ref fired), null, TimeSpan.FromMilliseconds(300), Timeout.InfiniteTimeSpan);

        Advance(real, TimeSpan.FromMilliseconds(400));

        fired.ShouldBe(1);
        clock.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Test]
    public void A_disposed_timer_never_fires()
    {
        var real = new FakeTimeProvider();
        using var clock = new VirtualClock(Quiet, real);
        var fired = 0;
        var timer = clock.CreateTimer(_ => Interlocked.Increment(ref fired), null, TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);
        timer.Dispose();

        Advance(real, TimeSpan.FromSeconds(1));

        fired.ShouldBe(0);
        clock.Offset.ShouldBe(TimeSpan.Zero);
    }
}
