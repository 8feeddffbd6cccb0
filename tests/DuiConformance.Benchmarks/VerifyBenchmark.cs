using DuiConformance.Core.Organisations;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using DuiConformance.Cli.Running;
using DuiConformance.Core.Proof;

namespace DuiConformance.Benchmarks;

/// <summary>
/// Issue 7 §4: generates N proof bundles (default 36,500, the programme's ESSMS count; <c>BENCH_VERIFY_COUNT</c> for
/// a trial) from one real run of the reference DUI, each with its own FINESS and evidence bytes, then verifies them all
/// as <c>dui-conformance verify</c> does. Reference peer in the same run: reading every zip entry and hashing it with
/// SHA-256, nothing else (no signature, no parsing), with the same parallelism.
/// </summary>
public sealed class VerifyBenchmark : IBenchmark
{
    private const int DefaultCount = 36_500;

    /// <inheritdoc/>
    public string Name => "verify";

    /// <inheritdoc/>
    public string Description => "vérification de 36 500 lots de preuve SONS (BENCH_VERIFY_COUNT) contre la lecture + SHA-256 seuls";

    /// <inheritdoc/>
    public async Task<IReadOnlyList<BenchmarkFigure>> RunAsync(TextWriter log, CancellationToken cancellationToken)
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("BENCH_VERIFY_COUNT"), NumberStyles.None, CultureInfo.InvariantCulture, out var asked) && asked > 0 ? asked : DefaultCount;
        var root = Path.Combine(Path.GetTempPath(), "dui-bench-verify-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var editorKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using var editor = new CertificateRequest("CN=Editeur de banc, O=DuiConformance", editorKey, HashAlgorithmName.SHA256)
                .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));

            await log.WriteLineAsync("verify : une exécution réelle du DUI de référence pour le rapport et les preuves…").ConfigureAwait(false);
            var runDirectory = Path.Combine(root, "run");
            var run = await ConformanceRun.RunAsync(new RunOptions { OutputDirectory = runDirectory, UpdateLatest = false }, TextWriter.Null, cancellationToken).ConfigureAwait(false);
            var template = await ProofBundleWriter.WriteAsync(
                new ProofBundleRequest
                {
                    RunDirectory = runDirectory,
                    OutputPath = Path.Combine(root, "template.zip"),
                    Finess = "690999990",
                    CatalogueVersion = CatalogueVersion.ForCampaign("2025"),
                    SigningCertificate = editor,
                },
                cancellationToken).ConfigureAwait(false);

            var bundles = Path.Combine(root, "bundles");
            Directory.CreateDirectory(bundles);
            var generation = Stopwatch.StartNew();
            var paths = Generate(template, editor, bundles, count);
            generation.Stop();
            var bytes = paths.Sum(path => new FileInfo(path).Length);
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"verify : {count} lots générés en {generation.Elapsed.TotalSeconds:0.0} s ({bytes / 1048576.0:0} Mio, rapport réel {run.Report.Outcome}, {template.FileCount} fichiers par lot)")).ConfigureAwait(false);

            var parallelism = Environment.ProcessorCount;
            var options = new ProofVerificationOptions
            {
                TrustStore = new ProofTrustStore([X509CertificateLoader.LoadCertificate(editor.RawData)]),
                RequiredRequirements = ["DUI-DMP-01", "DUI-DMP-02", "DUI-DMP-03", "DUI-MSS-01", "DUI-MSS-02", "DUI-MSS-03", "DUI-MSS-04", "DUI-SEC-01", "DUI-CDA-01", "DUI-CDA-02", "DUI-CDA-03"],
                AcceptedToolVersions = new HashSet<string> { ConformanceRun.Tool.Version },
                AcceptedCatalogueVersions = new HashSet<string> { template.Metadata.CatalogueVersion },
                Parallelism = parallelism,
            };

            var peer = Stopwatch.StartNew();
            var peerBytes = HashEveryEntry(paths, parallelism);
            peer.Stop();
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"verify : pair de référence (lecture + SHA-256 de chaque entrée) {peer.Elapsed.TotalSeconds:0.00} s, {peerBytes / 1048576.0:0} Mio décompressés")).ConfigureAwait(false);

            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            using (var self = Process.GetCurrentProcess())
            {
                await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"verify : mémoire de travail avant vérification {self.WorkingSet64 / 1048576.0:0} Mio")).ConfigureAwait(false);
            }

            using var sampler = new WorkingSetSampler();
            var verification = Stopwatch.StartNew();
            var result = ProofBatchVerifier.Verify(paths, options, cancellationToken);
            verification.Stop();
            var peak = sampler.Stop();
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"verify : {result.AcceptedCount} acceptés, {result.RejectedCount} refusés en {verification.Elapsed.TotalSeconds:0.00} s sur {parallelism} cœur(s)")).ConfigureAwait(false);
            if (result.RejectedCount > 0)
            {
                var first = result.Verdicts.First(verdict => !verdict.Accepted);
                throw new InvalidOperationException($"le banc attend des lots tous valides ; {first.Source} : {string.Join(" | ", first.Rejections)}");
            }

            return
            [
                new BenchmarkFigure("verify-throughput", count / verification.Elapsed.TotalSeconds, "bundles/s", "sha256 of every zip entry", count / peer.Elapsed.TotalSeconds),
                new BenchmarkFigure("verify-total", verification.Elapsed.TotalSeconds, "s", "sha256 of every zip entry", peer.Elapsed.TotalSeconds),
                new BenchmarkFigure("verify-peak-working-set", peak / 1048576.0, "MiB"),
            ];
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    /// <summary>N bundles from the template: distinct FINESS (69 + serial + Luhn key) and evidence bytes made distinct, signed again.</summary>
    private static List<string> Generate(WrittenProofBundle template, X509Certificate2 editor, string folder, int count)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using (var zip = ZipFile.OpenRead(template.Path))
        {
            foreach (var entry in zip.Entries)
            {
                using var stream = entry.Open();
                using var memory = new MemoryStream();
                stream.CopyTo(memory);
                files[entry.FullName] = memory.ToArray();
            }
        }

        var report = files[ProofBundleLayout.Report];
        var objects = files.Where(file => file.Key.StartsWith(ProofBundleLayout.EvidenceObjectsPrefix, StringComparison.Ordinal)).ToList();
        var index = Encoding.UTF8.GetString(files[ProofBundleLayout.EvidencePrefix + "index.jsonl"]);
        var paths = new string[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var serial = "69" + (i + 1).ToString("D6", CultureInfo.InvariantCulture);
            var finess = serial + FinessValidator.LuhnKey(serial).ToString(CultureInfo.InvariantCulture);
            var evidence = new List<KeyValuePair<string, byte[]>>();
            var bundleIndex = index;
            foreach (var (path, content) in objects)
            {
                // Note: each ESSMS's evidence must differ (PROOF-7016 rejects reuse): a trailing line names the ESSMS.
                var distinct = content.Concat(Encoding.ASCII.GetBytes("\n" + finess + "\n")).ToArray();
                var oldHash = Path.GetFileNameWithoutExtension(path);
                var newHash = Convert.ToHexStringLower(SHA256.HashData(distinct));
                evidence.Add(new(path[ProofBundleLayout.EvidencePrefix.Length..].Replace(oldHash, newHash, StringComparison.Ordinal), distinct));
                bundleIndex = bundleIndex.Replace(oldHash, newHash, StringComparison.Ordinal);
            }

            evidence.Add(new("index.jsonl", Encoding.UTF8.GetBytes(bundleIndex)));
            var output = Path.Combine(folder, finess + ".zip");
            using var stream = new FileStream(output, FileMode.CreateNew, FileAccess.Write);
            ProofBundleWriter.Write(stream, new ProofBundleContent(report, evidence), template.Metadata with { Finess = finess }, editor, template.Metadata.BundledAt);
            paths[i] = output;
        });
        return [.. paths];
    }

    /// <summary>The reference peer: opens every bundle and hashes every entry with SHA-256, in parallel; returns the bytes hashed.</summary>
    private static long HashEveryEntry(IReadOnlyList<string> paths, int parallelism)
    {
        long total = 0;
        Parallel.For(0, paths.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, () => 0L, (i, _, sum) =>
        {
            var buffer = new byte[81920];
            using var zip = ZipFile.OpenRead(paths[i]);
            foreach (var entry in zip.Entries)
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                using var stream = entry.Open();
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    sum += read;
                }

                hash.GetHashAndReset();
            }

            return sum;
        }, sum => Interlocked.Add(ref total, sum));
        return total;
    }

    /// <summary>Samples the process working set every 20 ms while the verification runs; the peak is the figure.</summary>
    private sealed class WorkingSetSampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task<long> _sampling;

        public WorkingSetSampler()
        {
            _sampling = Task.Run(async () =>
            {
                using var process = Process.GetCurrentProcess();
                long peak = 0;
                while (!_stop.IsCancellationRequested)
                {
                    process.Refresh();
                    peak = Math.Max(peak, process.WorkingSet64);
                    try
                    {
                        await Task.Delay(20, _stop.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }

                process.Refresh();
                return Math.Max(peak, process.WorkingSet64);
            });
        }

        public long Stop()
        {
            _stop.Cancel();
            return _sampling.GetAwaiter().GetResult();
        }

        public void Dispose() => _stop.Dispose();
    }
}
