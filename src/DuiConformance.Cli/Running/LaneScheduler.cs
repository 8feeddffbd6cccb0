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
/// with its own database and work folder, own driver, own evidence store and clock). A free lane takes the next
/// scenario of the plan; results are put back in the plan's order, so the report does not depend on n.
/// </summary>
public static class LaneScheduler
{
    /// <summary>Runs <paramref name="scenarios"/>; the evidence ends up in <c>&lt;outputDirectory&gt;/evidence/</c>.</summary>
    public static async Task<LaneRunResult> RunAsync(
        RunOptions options,
        IReadOnlyList<ScenarioDefinition> scenarios,
        UiMap uiMap,
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
                var clock = options.VirtualClock ? new VirtualClock() : null;
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
            // Note: lanes start together (simulators, SUT, browser), so start-up costs one lane's time, not n.
            await Task.WhenAll(Enumerable.Range(0, laneCount).Select(async index =>
            {
                var work = Path.Combine(outputDirectory, "work", laneCount == 1 ? string.Empty : LaneEvidence.LaneDirectoryName(index + 1));
                var lane = await RunLane.StartAsync(options, uiMap, checks, work, stores[index], cancellationToken).ConfigureAwait(false);
                lane.Runner.Clock = index < clocks.Count ? clocks[index] : null;
                lanes[index] = lane;
            })).ConfigureAwait(false);

            starting.Stop();
            var results = new ScenarioRunResult[scenarios.Count];
            var durations = new (string Scenario, int Lane, TimeSpan Duration)[scenarios.Count];
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, laneCount).Select(async index =>
            {
                var lane = lanes[index]!;
                var number = index + 1;
                lane.Runner.StepCompleted += (scenario, step) => progress.StepCompleted(number, scenario, step);
                for (var position = Interlocked.Increment(ref next); position < scenarios.Count; position = Interlocked.Increment(ref next))
                {
                    progress.ScenarioStarted(number, scenarios[position]);
                    var watch = Stopwatch.StartNew();
                    results[position] = await lane.RunAsync(scenarios[position], cancellationToken).ConfigureAwait(false);
                    durations[position] = (scenarios[position].Id, number, watch.Elapsed);
                    progress.ScenarioFinished(number, scenarios[position]);
                }
            })).ConfigureAwait(false);

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
                items = await LaneEvidence.GatherAsync(evidenceDirectory, laneCount, cancellationToken).ConfigureAwait(false);
                final = new EvidenceStore(evidenceDirectory, new EvidenceTagContext(runId));
            }

            await final.WriteManifestAsync(cancellationToken).ConfigureAwait(false);
            return new LaneRunResult(results, items, sutName, sutVersion, starting.Elapsed, durations);
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
