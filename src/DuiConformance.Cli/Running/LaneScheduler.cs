using System.Diagnostics;
using System.Globalization;
using DuiConformance.Core.Checks;
using DuiConformance.Core.Evidence;
using DuiConformance.Scenarios.Definitions;
using DuiConformance.Scenarios.Drivers.Playwright;
using DuiConformance.Scenarios.Running;

namespace DuiConformance.Cli.Running;

/// <summary>
/// Plays a run's scenarios over <c>--parallel n</c> lanes (<see cref="RunLane"/>: own simulators, own system under test
/// with its own database and work folder, own driver, own evidence store and clock). A lane takes scenarios as soon as
/// it is ready, the next of the plan each time it is free; results are put back in the plan's order, so the report
/// does not depend on n.
/// </summary>
public static class LaneScheduler
{
    /// <summary>Runs <paramref name="scenarios"/>; the evidence ends up in <c>&lt;outputDirectory&gt;/evidence/</c>.</summary>
    public static async Task<LaneRunResult> RunAsync(
        RunOptions options,
        IReadOnlyList<ScenarioDefinition> scenarios,
        UiMap? uiMap,
        IReadOnlyDictionary<string, ICheck> checks,
        string outputDirectory,
        string runId,
        RunProgress progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentNullException.ThrowIfNull(progress);
        var laneCount = Math.Clamp(options.Parallel, 1, Math.Max(1, scenarios.Count));
        var evidenceDirectory = Path.Combine(outputDirectory, "evidence");
        var clocks = new List<VirtualClock>();
        var lanes = new RunLane?[laneCount];
        var stores = new EvidenceStore[laneCount];
        try
        {
            for (var index = 0; index < laneCount; index++)
            {
                // Note: a person driving the DUI (manual driver) is quiet for seconds at a time: real time for them.
                var clock = options.VirtualClock && options.Driver != "manual" ? new VirtualClock() : null;
                if (clock is not null)
                {
                    clocks.Add(clock);
                }

                stores[index] = laneCount == 1
                    ? new EvidenceStore(evidenceDirectory, new EvidenceTagContext(runId), clock)
                    : new EvidenceStore(Path.Combine(evidenceDirectory, LaneEvidence.LaneDirectoryName(index + 1)), new EvidenceTagContext(runId), clock)
                    {
                        IdPrefix = string.Create(CultureInfo.InvariantCulture, $"ev-l{index + 1}-"),
                    };
                if (clock is not null)
                {
                    var store = stores[index];
                    clock.ActivityProbe = () => store.Items.Count;
                }
            }

            var starting = Stopwatch.StartNew();
            var firstReady = TimeSpan.MaxValue;
            var results = new ScenarioRunResult[scenarios.Count];
            var durations = new (string Scenario, int Lane, TimeSpan Duration)[scenarios.Count];
            var next = -1;
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

            // Note: each lane starts (simulators, SUT, browser) and at once takes scenarios, so the first lane ready
            // works while the others are still starting; a lane that fails to start stops the others.
            async Task RunLaneAsync(int index)
            {
                var number = index + 1;
                try
                {
                    var work = Path.Combine(outputDirectory, "work", laneCount == 1 ? string.Empty : LaneEvidence.LaneDirectoryName(number));
                    var lane = await RunLane.StartAsync(options, uiMap, checks, work, stores[index], stop.Token).ConfigureAwait(false);
                    lanes[index] = lane;
                    lane.Runner.Clock = index < clocks.Count ? clocks[index] : null;
                    lock (durations)
                    {
                        firstReady = starting.Elapsed < firstReady ? starting.Elapsed : firstReady;
                    }

                    lane.Runner.StepCompleted += (scenario, step) => progress.StepCompleted(number, scenario, step);
                    for (var position = Interlocked.Increment(ref next); position < scenarios.Count; position = Interlocked.Increment(ref next))
                    {
                        progress.ScenarioStarted(number, scenarios[position]);
                        var watch = Stopwatch.StartNew();
                        results[position] = await lane.RunAsync(scenarios[position], stop.Token).ConfigureAwait(false);
                        durations[position] = (scenarios[position].Id, number, watch.Elapsed);
                        progress.ScenarioFinished(number, scenarios[position]);
                    }
                }
                catch
                {
                    await stop.CancelAsync().ConfigureAwait(false);
                    throw;
                }
            }

            var running = Enumerable.Range(0, laneCount).Select(RunLaneAsync).ToList();
            try
            {
                await Task.WhenAll(running).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Note: a lane cancelled because another failed: surface the failure, not the cancellation.
                var failure = running.Where(task => task.IsFaulted).Select(task => task.Exception!.InnerException!).First();
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            }

            var sutName = lanes[0]!.SutName;
            var sutVersion = lanes[0]!.SutVersion;
            await DisposeAllAsync(lanes).ConfigureAwait(false);
            IReadOnlyList<EvidenceItem> items;
            EvidenceStore final;
            if (laneCount == 1)
            {
                final = stores[0];
                items = final.Items;
            }
            else
            {
                // Note: each lane's journal becomes object files first; only those are gathered.
                foreach (var store in stores)
                {
                    await store.CheckpointAsync(cancellationToken).ConfigureAwait(false);
                }

                items = await LaneEvidence.GatherAsync(evidenceDirectory, laneCount, cancellationToken).ConfigureAwait(false);
                final = new EvidenceStore(evidenceDirectory, new EvidenceTagContext(runId));
            }

            await final.WriteManifestAsync(cancellationToken).ConfigureAwait(false);
            return new LaneRunResult(results, items, sutName, sutVersion, firstReady, durations);
        }
        finally
        {
            await DisposeAllAsync(lanes).ConfigureAwait(false);
            foreach (var clock in clocks)
            {
                clock.Dispose();
            }
        }
    }

    private static async Task DisposeAllAsync(RunLane?[] lanes)
    {
        for (var index = 0; index < lanes.Length; index++)
        {
            if (lanes[index] is { } lane)
            {
                lanes[index] = null;
                await lane.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
