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
/// <c>fhir-ingest</c> (issue 9 §9, DESIGN.md §6): ITI-65 submissions per second and p95 latency through the real FHIR
/// simulator over loopback HTTP, validation on (strict Firely parse in the simulator's mode, transaction checks,
/// masterIdentifier uniqueness), every request and response recorded with fsync before the answer, every resource
/// stored. The bundle is the typical DLU fixture (<c>fixtures/checks/fhir/iti65-valid-dlu.json</c>, ~12 KB, the
/// reference DUI's shape), made unique per submission. Peer in the same run: Firely's bare parse then serialize of the
/// same bundles (FhirJsonDeserializer + FhirJsonSerializer), and its parse alone, in process, with one worker per core.
/// The load average is logged before and after: on a shared machine every figure here is CPU-bound.
/// </summary>
public sealed class FhirIngestBenchmark : IBenchmark
{
    private const int Clients = 16;
    private const string MasterIdentifier = "urn:oid:1.2.250.1.999.2.1.20250115.1";
    private const string SubmissionSetIdentifier = "urn:oid:1.2.250.1.999.4.20250115.1";
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Measure = TimeSpan.FromSeconds(10);

    /// <inheritdoc/>
    public string Name => "fhir-ingest";

    /// <inheritdoc/>
    public string Description => "ITI-65/s et p95 (DLU ~12 Ko, validation, preuves fsync, stockage, 16 clients HTTP) contre l'analyse + sérialisation Firely seules";

    /// <inheritdoc/>
    public async Task<IReadOnlyList<BenchmarkFigure>> RunAsync(TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        var template = new BundleTemplate(await File.ReadAllTextAsync(RepositoryLayout.Fixture("checks", "fhir", "iti65-valid-dlu.json"), cancellationToken).ConfigureAwait(false));
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
            var simulator = await MeasureSimulatorAsync(template, work, log, cancellationToken).ConfigureAwait(false);
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  cost per bundle of HTTP + validation + evidence (fsync) + storage: {bare.Rate / simulator.Rate:0.00}× Firely's bare parse + serialize, {parseOnly.Rate / simulator.Rate:0.00}× its parse alone (target ≤ 3×); ≥ 1,000 bundles/s: {(simulator.Rate >= 1000 ? "met" : "not met")}")).ConfigureAwait(false);
            await log.WriteLineAsync("  load average after: " + LoadAverage()).ConfigureAwait(false);
            return
            [
                new BenchmarkFigure("fhir-ingest", simulator.Rate, "bundles/s", "Firely parse+serialize", bare.Rate),
                new BenchmarkFigure("fhir-ingest-vs-parse", simulator.Rate, "bundles/s", "Firely parse", parseOnly.Rate),
                new BenchmarkFigure("fhir-ingest-p95", simulator.P95Milliseconds, "ms", "Firely parse+serialize", bare.P95Milliseconds),
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

    private static async Task<Measurement> MeasureSimulatorAsync(BundleTemplate template, string work, TextWriter log, CancellationToken cancellationToken)
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

    private static Measurement MeasureBareFirely(BundleTemplate template, bool serialize, CancellationToken cancellationToken)
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
        var stopwatch = Stopwatch.StartNew();
        await System.Threading.Tasks.Task.Delay(Measure, cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref measuring, 0);
        var elapsed = stopwatch.Elapsed;
        Interlocked.Exchange(ref stop, 1);
        await System.Threading.Tasks.Task.WhenAll(tasks).ConfigureAwait(false);
        var all = latencies.SelectMany(list => list).Order().ToList();
        var p95 = all.Count == 0 ? double.NaN : all[(int)Math.Min(all.Count - 1, Math.Ceiling(all.Count * 0.95) - 1)];
        return new Measurement(all.Count / elapsed.TotalSeconds, all.Count, p95);
    }

    private sealed record Measurement(double Rate, long Count, double P95Milliseconds);

    /// <summary>The fixture split around its identifiers, so each submission gets its own masterIdentifier and SubmissionSet id cheaply.</summary>
    private sealed class BundleTemplate
    {
        private readonly byte[][] _parts;

        public BundleTemplate(string json)
        {
            var master = json.IndexOf(MasterIdentifier, StringComparison.Ordinal) + MasterIdentifier.Length;
            var submission = json.IndexOf(SubmissionSetIdentifier, StringComparison.Ordinal) + SubmissionSetIdentifier.Length;
            if (master < MasterIdentifier.Length || submission < SubmissionSetIdentifier.Length)
            {
                throw new InvalidOperationException("The ITI-65 fixture no longer carries the identifiers the benchmark makes unique.");
            }

            var (first, second) = master < submission ? (master, submission) : (submission, master);
            _parts = [Encoding.UTF8.GetBytes(json[..first]), Encoding.UTF8.GetBytes(json[first..second]), Encoding.UTF8.GetBytes(json[second..])];
        }

        public byte[] Create(int sequence)
        {
            var suffix = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $".{sequence}"));
            return [.. _parts[0], .. suffix, .. _parts[1], .. suffix, .. _parts[2]];
        }
    }
}
