using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Xml.Linq;
using DuiConformance.Core;
using DuiConformance.Core.Documents;
using DuiConformance.Core.Validation.Schematron;

namespace DuiConformance.Benchmarks;

/// <summary>
/// Documents per second for the CI-SIS schematron that applies to a DLU (CI-SIS_DLU-EHPAD-DLU_2022.01.sch, official
/// TestContenuCDA-3-0 snapshot in shared/reference), run in-process by our engine and, in the same run on the same 100
/// documents, by Saxon-HE (Debian libsaxonhe-java) on the same rules translated to XSLT by <see cref="SchematronXslt"/>.
/// </summary>
/// <remarks>
/// Note: neither shared/reference nor Debian ships the ISO skeleton XSLT (apt-cache search schematron finds nothing),
/// so Saxon runs our skeleton-style translation (one mode per pattern, one template per rule). Saxon's per-document
/// figure is 99 / (t(100 docs) − t(1 doc)) over two JVM runs, so JVM start and stylesheet compilation are not counted
/// against it; its cold start is t(1 doc).
/// </remarks>
public sealed partial class SchematronBenchmark : IBenchmark
{
    private const int BatchSize = 100;
    private const string SaxonJar = "/usr/share/java/Saxon-HE.jar";

    /// <inheritdoc/>
    public string Name => "schematron";

    /// <inheritdoc/>
    public string Description => "schématron CI-SIS du DLU sur 100 documents : moteur en processus contre Saxon-HE (même run, mêmes documents)";

    /// <inheritdoc/>
    public async Task<IReadOnlyList<BenchmarkFigure>> RunAsync(TextWriter log, CancellationToken cancellationToken)
    {
        var snapshot = LocateSnapshot();
        if (snapshot is null)
        {
            await log.WriteLineAsync("shared/reference introuvable (DUI_SHARED_REFERENCE) : pas de schématron CI-SIS, aucune mesure.").ConfigureAwait(false);
            return [];
        }

        var schematron = Path.Combine(snapshot, "schematrons", "CI-SIS_DLU-EHPAD-DLU_2022.01.sch");
        var documents = Batch(snapshot);
        var figures = new List<BenchmarkFigure>();

        // Cold start: load + compile the schematron set and judge the first document, in this fresh process.
        var cold = Stopwatch.StartNew();
        var schema = SchematronSchema.Load(schematron);
        var first = schema.Validate(Parse(documents[0]));
        cold.Stop();
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"schéma : {schema.ActivePatterns.Count} patterns, {schema.RuleCount} règles, {schema.AssertionCount} assertions ; 1er document : {first.FiredRules} règles déclenchées")).ConfigureAwait(false);
        figures.Add(new BenchmarkFigure("schematron-cold-start", cold.Elapsed.TotalMilliseconds, "ms"));

        // Warm batches: parse + validate every document; the best of 5 rounds.
        var best = double.MaxValue;
        var ourFailed = 0;
        for (var round = 0; round < 5; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var watch = Stopwatch.StartNew();
            ourFailed = 0;
            foreach (var document in documents)
            {
                ourFailed += schema.Validate(Parse(document)).FailedAsserts.Count();
            }

            watch.Stop();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        var ours = BatchSize / best;
        var saxon = await RunSaxonAsync(schematron, documents, log, cancellationToken).ConfigureAwait(false);
        if (saxon is null)
        {
            figures.Add(new BenchmarkFigure("schematron-throughput", ours, "docs/s"));
            return figures;
        }

        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"failed-assert sur le lot : nous {ourFailed}, Saxon {saxon.Value.FailedAsserts}")).ConfigureAwait(false);
        figures.Add(new BenchmarkFigure("schematron-throughput", ours, "docs/s", "Saxon-HE 9.9 (XSLT 3.0)", saxon.Value.DocumentsPerSecond));
        if (saxon.Value.WarmDocumentsPerSecond is { } warm)
        {
            figures.Add(new BenchmarkFigure("schematron-throughput-vs-saxon-warm", ours, "docs/s", "Saxon-HE -repeat, JVM chaude", warm));
        }

        figures.Add(new BenchmarkFigure("schematron-cold-start-vs-saxon", cold.Elapsed.TotalMilliseconds, "ms", "Saxon-HE JVM + compilation + 1 document", saxon.Value.ColdStartMs));
        return figures;
    }

    private static System.Xml.XPath.XPathNavigator Parse(byte[] content) =>
        (SafeXml.TryLoadNavigable(content, out var error) ?? throw new InvalidOperationException(error?.Message)).CreateNavigator();

    /// <summary>
    /// 100 DLU documents, each with its own id: the official example and our synthetic DLU alternately, and every tenth
    /// one our DLU missing a mandatory section, so that both engines must also produce the same failed asserts.
    /// </summary>
    private static List<byte[]> Batch(string snapshot)
    {
        var sources = new[]
        {
            File.ReadAllText(Path.Combine(snapshot, "ExemplesCDA", "DLU-EHPAD-DLU_2022.01.xml")),
            File.ReadAllText(RepositoryLayout.Fixture("validation", "dlu-valid.xml")),
        };
        var failing = File.ReadAllText(RepositoryLayout.Fixture("validation", "dlu-missing-section.xml"));
        var batch = new List<byte[]>(BatchSize);
        for (var i = 0; i < BatchSize; i++)
        {
            var document = XDocument.Parse(i % 10 == 9 ? failing : sources[i % sources.Length], LoadOptions.PreserveWhitespace);
            var id = document.Root!.Element(XmlPaths.Hl7 + "id");
            id?.SetAttributeValue("extension", i.ToString(CultureInfo.InvariantCulture));
            batch.Add(Encoding.UTF8.GetBytes(document.Declaration + document.ToString(SaveOptions.DisableFormatting)));
        }

        return batch;
    }

    private static async Task<(double DocumentsPerSecond, double ColdStartMs, int FailedAsserts, double? WarmDocumentsPerSecond)?> RunSaxonAsync(string schematron, List<byte[]> documents, TextWriter log, CancellationToken cancellationToken)
    {
        if (!File.Exists(SaxonJar))
        {
            // Note: bench.sh expects each benchmark to install its reference peer (Debian package, Java 17 present).
            await log.WriteLineAsync("Saxon-HE absent : apt-get install -y libsaxonhe-java").ConfigureAwait(false);
            using var install = Process.Start(new ProcessStartInfo("apt-get", "install -y libsaxonhe-java") { UseShellExecute = false });
            if (install is not null)
            {
                await install.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (!File.Exists(SaxonJar))
        {
            await log.WriteLineAsync($"Saxon-HE introuvable ({SaxonJar}) : pas de référence mesurée.").ConfigureAwait(false);
            return null;
        }

        var work = Directory.CreateTempSubdirectory("dui-bench-schematron-");
        try
        {
            var xslt = Path.Combine(work.FullName, "dlu.xsl");
            SchematronXslt.Generate(schematron).Save(xslt);
            var one = Directory.CreateDirectory(Path.Combine(work.FullName, "in1")).FullName;
            var hundred = Directory.CreateDirectory(Path.Combine(work.FullName, "in100")).FullName;
            await File.WriteAllBytesAsync(Path.Combine(one, "doc000.xml"), documents[0], cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < documents.Count; i++)
            {
                await File.WriteAllBytesAsync(Path.Combine(hundred, string.Create(CultureInfo.InvariantCulture, $"doc{i:000}.xml")), documents[i], cancellationToken).ConfigureAwait(false);
            }

            var t1 = double.MaxValue;
            var t100 = double.MaxValue;
            for (var round = 0; round < 3; round++)
            {
                t1 = Math.Min(t1, await TimeSaxonAsync(xslt, one, Path.Combine(work.FullName, "out1"), cancellationToken).ConfigureAwait(false));
                t100 = Math.Min(t100, await TimeSaxonAsync(xslt, hundred, Path.Combine(work.FullName, "out100"), cancellationToken).ConfigureAwait(false));
            }

            // Saxon's own steady state on one document (-repeat re-runs the transform in one warm JVM), for a second view.
            var repeat = await RunSaxonProcessAsync(["-t", "-repeat:200", "-xsl:" + xslt, "-s:" + Path.Combine(one, "doc000.xml"), "-o:" + Path.Combine(work.FullName, "repeat", "out.xml")], Path.Combine(work.FullName, "repeat"), cancellationToken).ConfigureAwait(false);
            var average = AverageRun().Match(repeat.Errors);
            double? warmMs = average.Success ? double.Parse(average.Groups[1].Value, CultureInfo.InvariantCulture) : null;
            await log.WriteLineAsync(warmMs is null ? "Saxon -repeat : moyenne non trouvée dans la sortie." : string.Create(CultureInfo.InvariantCulture, $"Saxon -repeat:200 (JVM chaude, 1 document) : {warmMs:0.###} ms par transformation")).ConfigureAwait(false);

            var failed = Directory.GetFiles(Path.Combine(work.FullName, "out100"))
                .Sum(f => XDocument.Load(f).Descendants(XName.Get("failed-assert", "http://purl.oclc.org/dsdl/svrl")).Count());
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Saxon : 1 document {t1 * 1000:0} ms, {BatchSize} documents {t100 * 1000:0} ms (JVM comprise)")).ConfigureAwait(false);
            return ((BatchSize - 1) / Math.Max(t100 - t1, 1e-6), t1 * 1000, failed, warmMs is { } ms && ms > 0 ? 1000 / ms : null);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<double> TimeSaxonAsync(string xslt, string input, string output, CancellationToken cancellationToken) =>
        (await RunSaxonProcessAsync(["-xsl:" + xslt, "-s:" + input, "-o:" + output], output, cancellationToken).ConfigureAwait(false)).Seconds;

    private static async Task<(double Seconds, string Errors)> RunSaxonProcessAsync(string[] arguments, string outputFolder, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("java")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-cp", SaxonJar, "net.sf.saxon.Transform" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        Directory.CreateDirectory(outputFolder);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("java n'a pas démarré");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        watch.Stop();
        var errorText = await errors.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("Saxon a échoué : " + errorText);
        }

        return (watch.Elapsed.TotalSeconds, errorText);
    }

    private static string? LocateSnapshot()
    {
        var roots = new List<string>();
        if (Environment.GetEnvironmentVariable("DUI_SHARED_REFERENCE") is { Length: > 0 } fromEnvironment)
        {
            roots.Add(fromEnvironment);
        }

        for (var directory = new DirectoryInfo(RepositoryLayout.Root); directory is not null; directory = directory.Parent)
        {
            roots.Add(Path.Combine(directory.FullName, "shared", "reference"));
        }

        return roots.Select(r => Path.Combine(r, "ans-testcontenucda-3-0", "snapshot-cc536395")).FirstOrDefault(Directory.Exists);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"Average execution time over (?:last )?\d+ runs: ([0-9.]+)ms")]
    private static partial System.Text.RegularExpressions.Regex AverageRun();
}
