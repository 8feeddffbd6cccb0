using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DuiConformance.Core;
using DuiConformance.Core.Evidence;
using DuiConformance.Simulators.Fhir;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace DuiConformance.Benchmarks;

/// <summary>
/// <c>fhir-ingest</c> (issue 9 §9, DESIGN.md §6), the two targets of the issue measured apart so that transport does not
/// pass for validation: (a) end to end, ITI-65 submissions per second and p95 latency through the real FHIR simulator
/// over loopback HTTP with 16 clients (client in the same process, on the same cores), validation on (strict Firely
/// parse in the simulator's mode, transaction and DMP checks, masterIdentifier uniqueness), every request and response
/// recorded with fsync before the answer (evidence journal; the checkpoint that writes the object files afterwards is
/// measured apart and added in its own figure), every resource stored (target ≥ 1,000/s on 2 cores); (b) in process, the
/// CPU time per bundle of the same handler without Kestrel (<see cref="FhirIngestStages"/>, stage by stage and whole),
/// interleaved with Firely's bare parse + serialize of the same bundles, as a ratio (target ≤ 3×). The bundle is the
/// typical DLU fixture (<c>fixtures/checks/fhir/iti65-valid-dlu.json</c>, ~14 KB), made unique per submission. CPU
/// time rather than wall time for (b) because the machine may be shared; the load average is logged.
/// </summary>
public sealed class FhirIngestBenchmark : IBenchmark
{
    private const int Clients = 16;
    private const int InProcessBundles = 400;
    private const int InProcessRounds = 5;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Measure = TimeSpan.FromSeconds(10);

    /// <inheritdoc/>
    public string Name => "fhir-ingest";

    /// <inheritdoc/>
    public string Description => "ITI-65/s et p95 en HTTP (DLU ~14 Ko, 16 clients) et µs-CPU par lot en processus par étape, contre l'analyse + sérialisation Firely seules";

    /// <inheritdoc/>
    public async Task<IReadOnlyList<BenchmarkFigure>> RunAsync(TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        var template = new FhirBundleTemplate(await File.ReadAllTextAsync(RepositoryLayout.Fixture("checks", "fhir", "iti65-valid-dlu.json"), cancellationToken).ConfigureAwait(false));
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"fhir-ingest: bundle of {template.Create(0).Length} octets (iti65-valid-dlu.json, unique masterIdentifier each), {Warmup.TotalSeconds} s warm-up then {Measure.TotalSeconds} s measured, {Environment.ProcessorCount} cores")).ConfigureAwait(false);

        await log.WriteLineAsync("  load average before: " + LoadAverage()).ConfigureAwait(false);
        var bare = MeasureBareFirely(template, serialize: true, cancellationToken);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  Firely parse + serialize ({Environment.ProcessorCount} workers): {bare.Rate:0} bundles/s, p95 {bare.P95Milliseconds:0.000} ms ({bare.Count} measured)")).ConfigureAwait(false);
        var parseOnly = MeasureBareFirely(template, serialize: false, cancellationToken);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  Firely parse only ({Environment.ProcessorCount} workers): {parseOnly.Rate:0} bundles/s, p95 {parseOnly.P95Milliseconds:0.000} ms ({parseOnly.Count} measured)")).ConfigureAwait(false);

        var work = Path.Combine(Path.GetTempPath(), "dui-bench-fhir-" + Guid.NewGuid().ToString("N"));
        try
        {
            await Writeback.DrainAsync(cancellationToken).ConfigureAwait(false);
            var inProcess = await MeasureInProcessAsync(template, work, log, cancellationToken).ConfigureAwait(false);
            await Writeback.DrainAsync(cancellationToken).ConfigureAwait(false);
            var simulator = await MeasureSimulatorAsync(template, work, log, cancellationToken).ConfigureAwait(false);
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  end to end over HTTP: {simulator.Rate:0} bundles/s (target ≥ 1,000 on 2 cores: {(simulator.Rate >= 1000 ? "met" : "not met")} in this run), {simulator.CpuMicrosecondsPerOperation:0} CPU-µs per bundle for server + client in one process")).ConfigureAwait(false);
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  in process, parse + validation + storage: {inProcess.Pipeline:0} CPU-µs per bundle, {inProcess.Pipeline / inProcess.ParseSerialize:0.00}× Firely's bare parse + serialize ({inProcess.ParseSerialize:0} CPU-µs), {inProcess.Pipeline / inProcess.ParseOnly:0.00}× its parse alone ({inProcess.ParseOnly:0} CPU-µs) (target ≤ 3×: {(inProcess.Pipeline <= 3 * inProcess.ParseSerialize ? "met" : "not met")} in this run)")).ConfigureAwait(false);
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  with the deferred checkpoint added: {inProcess.Pipeline + inProcess.Checkpoint:0} CPU-µs per bundle, {(inProcess.Pipeline + inProcess.Checkpoint) / inProcess.ParseSerialize:0.00}× Firely's bare parse + serialize")).ConfigureAwait(false);
            await log.WriteLineAsync("  load average after: " + LoadAverage()).ConfigureAwait(false);
            return
            [
                new BenchmarkFigure("fhir-ingest", simulator.Rate, "bundles/s", "Firely parse+serialize", bare.Rate),
                new BenchmarkFigure("fhir-ingest-p95", simulator.P95Milliseconds, "ms", "Firely parse+serialize", bare.P95Milliseconds),
                new BenchmarkFigure("fhir-ingest-cpu", inProcess.Pipeline, "CPU-µs/bundle", "Firely parse+serialize", inProcess.ParseSerialize),
                new BenchmarkFigure("fhir-ingest-cpu-vs-parse", inProcess.Pipeline, "CPU-µs/bundle", "Firely parse", inProcess.ParseOnly),
                new BenchmarkFigure("fhir-ingest-cpu-with-checkpoint", inProcess.Pipeline + inProcess.Checkpoint, "CPU-µs/bundle", "Firely parse+serialize", inProcess.ParseSerialize),
                new BenchmarkFigure("fhir-ingest-http-cpu", simulator.CpuMicrosecondsPerOperation, "CPU-µs/bundle", "Firely parse+serialize", inProcess.ParseSerialize),
            ];
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task<Measurement> MeasureSimulatorAsync(FhirBundleTemplate template, string work, TextWriter log, CancellationToken cancellationToken)
    {
        var evidence = new EvidenceStore(Path.Combine(work, "evidence"), new EvidenceTagContext("bench"));
        await using var simulator = await FhirSimulator.StartAsync(new FhirSimulatorOptions(), evidence, cancellationToken: cancellationToken).ConfigureAwait(false);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Clients, UseProxy = false };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        var sequence = 0;
        var failures = 0;
        var result = await LoadAsync(Clients, async () =>
        {
            var body = template.Create(Interlocked.Increment(ref sequence));
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/fhir+json");
            using var response = await http.PostAsync(simulator.BaseAddress, content, cancellationToken).ConfigureAwait(false);
            await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Interlocked.Increment(ref failures);
                return false;
            }

            return true;
        }, cancellationToken).ConfigureAwait(false);
        var documents = simulator.Documents.All.OfType<DocumentReference>().Count();
        using var self = Process.GetCurrentProcess();
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  DuiConformance simulator ({Clients} HTTP clients): {result.Rate:0} bundles/s, p95 {result.P95Milliseconds:0.000} ms ({result.Count} measured, {failures} refused, {documents} DocumentReferences stored, {evidence.Items.Count} evidence items, working set {self.WorkingSet64 / 1048576.0:0} MiB)")).ConfigureAwait(false);
        if (failures > 0)
        {
            throw new InvalidOperationException($"{failures} ITI-65 submissions were refused: the figure would not measure ingestion.");
        }

        return result;
    }

    /// <summary>
    /// The handler without Kestrel or client, one bundle at a time, in CPU time: stage by stage, then whole, then Firely
    /// alone on the same bundles, interleaved in <see cref="InProcessRounds"/> rounds after one warm-up round. Each figure
    /// is its minimum over the rounds: other processes only ever add CPU time (cache and core contention), so the
    /// minimum is the figure least disturbed by a loaded machine, and the ratio compares rounds run under the same load.
    /// </summary>
    private static async Task<(double Pipeline, double ParseSerialize, double ParseOnly, double Checkpoint)> MeasureInProcessAsync(FhirBundleTemplate template, string work, TextWriter log, CancellationToken cancellationToken)
    {
        var evidence = new EvidenceStore(Path.Combine(work, "evidence-in-process"), new EvidenceTagContext("bench"));
        var simulatorOptions = new FhirSimulatorOptions();
        var inMode = new DeserializerSettings().UsingMode(simulatorOptions.ParsingMode).Ignoring(simulatorOptions.ToleratedParserIssues);
        var cpu = Enumerable.Repeat(double.MaxValue, FhirIngestStages.Names.Length).ToArray();
        var wall = new double[FhirIngestStages.Names.Length];
        var allocated = new double[FhirIngestStages.Names.Length];
        double pipeline = double.MaxValue, user = 0, system = 0, parseSerialize = double.MaxValue, parseOnly = double.MaxValue, parseInMode = double.MaxValue;
        var next = 1_000_000;
        for (var round = 0; round <= InProcessRounds; round++)
        {
            var (stageCpu, stageWall, stageAllocated) = await FhirIngestStages.MeasureStagesAsync(template, evidence, next, InProcessBundles, cancellationToken).ConfigureAwait(false);
            next += InProcessBundles;
            var handler = await FhirIngestStages.MeasureHandlerAsync(template, evidence, next, InProcessBundles, cancellationToken).ConfigureAwait(false);
            next += InProcessBundles;
            var firely = FhirIngestStages.MeasureFirely(template, serialize: true, next, InProcessBundles);
            var firelyParse = FhirIngestStages.MeasureFirely(template, serialize: false, next, InProcessBundles);
            var firelyInMode = FhirIngestStages.MeasureFirely(template, serialize: false, next, InProcessBundles, inMode);
            next += InProcessBundles;
            if (round == 0)
            {
                continue;
            }

            for (var index = 0; index < cpu.Length; index++)
            {
                if (stageCpu[index] < cpu[index])
                {
                    (cpu[index], wall[index]) = (stageCpu[index], stageWall[index]);
                }

                if (round == 1 || stageAllocated[index] < allocated[index])
                {
                    allocated[index] = stageAllocated[index];
                }
            }

            if (handler.Cpu < pipeline)
            {
                (pipeline, user, system) = handler;
            }

            parseSerialize = Math.Min(parseSerialize, firely);
            parseOnly = Math.Min(parseOnly, firelyParse);
            parseInMode = Math.Min(parseInMode, firelyInMode);
        }

        // Note: the contents wait in the evidence journal; their object files are written by the checkpoint (idle or
        // closing store). Measured here so the deferred work is shown, per bundle (two objects: request and response).
        var journalled = evidence.JournalledCount;
        var checkpointStarted = CpuClock.NowMicroseconds();
        var written = await evidence.CheckpointAsync(cancellationToken).ConfigureAwait(false);
        var checkpoint = (CpuClock.NowMicroseconds() - checkpointStarted) / Math.Max(1, written) * 2;
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  in process, {InProcessRounds} rounds of {InProcessBundles} bundles one at a time, minimum over rounds (CPU-µs per bundle, wall-µs in brackets, allocated KB; load average {LoadAverage()}):")).ConfigureAwait(false);
        for (var index = 0; index < FhirIngestStages.Names.Length; index++)
        {
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"    {FhirIngestStages.Names[index],-52} {cpu[index],8:0.0} ({wall[index]:0.0}) {allocated[index] / 1024:0.0} KB")).ConfigureAwait(false);
        }

        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"    {"sum of stages",-52} {cpu.Sum(),8:0.0} ({wall.Sum():0.0}) {allocated.Sum() / 1024:0.0} KB")).ConfigureAwait(false);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"    {"whole handler (ProvideDocumentBundleAsync)",-52} {pipeline,8:0.0} ({user:0} user, {system:0} kernel)")).ConfigureAwait(false);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"    {"checkpoint afterwards (2 object files per bundle)",-52} {checkpoint,8:0.0} ({written} objects of {journalled} journalled)")).ConfigureAwait(false);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"    {"Firely parse + serialize (default settings)",-52} {parseSerialize,8:0.0}")).ConfigureAwait(false);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"    {"Firely parse only (default settings)",-52} {parseOnly,8:0.0}")).ConfigureAwait(false);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"    {"Firely parse only (simulator's " + simulatorOptions.ParsingMode + ")",-52} {parseInMode,8:0.0}")).ConfigureAwait(false);
        return (pipeline, parseSerialize, parseOnly, checkpoint);
    }

    /// <summary>The 1-, 5- and 15-minute load averages (Linux), since every figure here is CPU-bound and the machine may be shared.</summary>
    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Trim();
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static Measurement MeasureBareFirely(FhirBundleTemplate template, bool serialize, CancellationToken cancellationToken)
    {
        var deserializer = new FhirJsonDeserializer();
        var serializer = new FhirJsonSerializer();
        var sequence = 0;
        return LoadAsync(Environment.ProcessorCount, () =>
        {
            var body = template.Create(Interlocked.Increment(ref sequence));
            var reader = new System.Text.Json.Utf8JsonReader(body);
            var bundle = deserializer.DeserializeResource(ref reader);
            return System.Threading.Tasks.Task.FromResult(!serialize || serializer.SerializeToBytes(bundle).Length > 0);
        }, cancellationToken).GetAwaiter().GetResult();
    }

    /// <summary>Runs <paramref name="workers"/> loops of <paramref name="operation"/> for warm-up + measure; counts and times the successes in the measured window.</summary>
    private static async Task<Measurement> LoadAsync(int workers, Func<Task<bool>> operation, CancellationToken cancellationToken)
    {
        var measuring = 0;
        var cpuStarted = 0.0;
        var stop = 0;
        var latencies = new List<double>[workers];
        var tasks = Enumerable.Range(0, workers).Select(index => System.Threading.Tasks.Task.Run(async () =>
        {
            var mine = latencies[index] = [];
            while (Volatile.Read(ref stop) == 0 && !cancellationToken.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                var succeeded = await operation().ConfigureAwait(false);
                if (succeeded && Volatile.Read(ref measuring) == 1)
                {
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        }, CancellationToken.None)).ToArray();
        await System.Threading.Tasks.Task.Delay(Warmup, cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref measuring, 1);
        cpuStarted = CpuClock.NowMicroseconds();
        var stopwatch = Stopwatch.StartNew();
        await System.Threading.Tasks.Task.Delay(Measure, cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref measuring, 0);
        var elapsed = stopwatch.Elapsed;
        var cpu = CpuClock.NowMicroseconds() - cpuStarted;
        Interlocked.Exchange(ref stop, 1);
        await System.Threading.Tasks.Task.WhenAll(tasks).ConfigureAwait(false);
        var all = latencies.SelectMany(list => list).Order().ToList();
        var p95 = all.Count == 0 ? double.NaN : all[(int)Math.Min(all.Count - 1, Math.Ceiling(all.Count * 0.95) - 1)];
        return new Measurement(all.Count / elapsed.TotalSeconds, all.Count, p95, all.Count == 0 ? double.NaN : cpu / all.Count);
    }

    private sealed record Measurement(double Rate, long Count, double P95Milliseconds, double CpuMicrosecondsPerOperation);
}
