using DuiConformance.Core.Evidence;
using DuiConformance.Simulators.Fhir;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.AspNetCore.Http;

namespace DuiConformance.Benchmarks;

/// <summary>
/// The in-process side of <c>fhir-ingest</c>: process CPU time per bundle (<see cref="CpuClock"/>, robust to a loaded
/// machine) of the simulator's ITI-65 handler without Kestrel or a client, stage by stage and as a whole, next to
/// Firely's bare parse + serialize of the same bundles. One bundle at a time, so each stage's CPU is its own.
/// </summary>
internal static class FhirIngestStages
{
    /// <summary>The stages of <see cref="DocumentSharingEndpoints.ProvideDocumentBundleAsync"/>, in its order.</summary>
    public static readonly string[] Names =
    [
        "body read", "sniff + JSON syntax", "evidence: request (SHA-256, journal + index append)", "Firely parse (NoOverflow)",
        "ITI-65 checks (transaction, DMP, replacement)", "store (ids, references, repository)", "response serialize",
        "evidence: response (the same, then fsync of both)",
    ];

    /// <summary>
    /// CPU-µs per bundle of each of <see cref="Names"/>, the wall-µs of each (fsync waits show there, not in CPU), and
    /// the bytes each allocates per bundle (independent of the machine's load).
    /// </summary>
    public static async Task<(double[] CpuMicroseconds, double[] WallMicroseconds, double[] AllocatedBytes)> MeasureStagesAsync(FhirBundleTemplate template, EvidenceStore evidence, int first, int count, CancellationToken cancellationToken)
    {
        var options = new FhirSimulatorOptions();
        var repository = new DocumentRepository();
        var cpu = new double[Names.Length];
        var wall = new double[Names.Length];
        var allocated = new double[Names.Length];
        for (var sequence = first; sequence < first + count; sequence++)
        {
            var body = template.Create(sequence);
            var request = Request(body);
            var stage = 0;
            var allocatedMark = GC.GetTotalAllocatedBytes(precise: true);
            var cpuMark = CpuClock.NowMicroseconds();
            var wallMark = System.Diagnostics.Stopwatch.GetTimestamp();
            void Lap()
            {
                var cpuNow = CpuClock.NowMicroseconds();
                var wallNow = System.Diagnostics.Stopwatch.GetTimestamp();
                cpu[stage] += cpuNow - cpuMark;
                wall[stage] += System.Diagnostics.Stopwatch.GetElapsedTime(wallMark, wallNow).TotalMicroseconds;
                var allocatedNow = GC.GetTotalAllocatedBytes(precise: true);
                allocated[stage] += allocatedNow - allocatedMark;
                stage++;
                allocatedMark = GC.GetTotalAllocatedBytes(precise: true);
                cpuMark = CpuClock.NowMicroseconds();
                wallMark = System.Diagnostics.Stopwatch.GetTimestamp();
            }

            var exchange = FhirExchange.Begin(evidence, request);
            var read = await FhirRequestBody.ReadAsync(request, options.MaxRequestBodySize, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The bundle is over the simulator's body limit.");
            Lap();
            var interaction = FhirJson.LooksLikeTransaction(read) ? DocumentSharingEndpoints.ProvideDocumentBundle : string.Empty;
            if (FhirJson.SyntaxError(read) is { } syntax)
            {
                throw new InvalidOperationException(syntax);
            }

            Lap();
            await exchange.RecordRequestAsync(read, interaction, cancellationToken).ConfigureAwait(false);
            Lap();
            var resource = FhirJson.Parse(read, options, out var issues) ?? throw new InvalidOperationException(string.Join("; ", issues.Select(issue => issue.Message)));
            Lap();
            if (TransactionProcessor.Check(resource).Count > 0 || ReplacementRules.Check((Bundle)resource, repository, options).Issues.Count > 0)
            {
                throw new InvalidOperationException("The benchmark bundle fails the ITI-65 checks.");
            }

            Lap();
            var response = ReplacementRules.Execute((Bundle)resource, repository, DateTimeOffset.UtcNow);
            Lap();
            var bytes = FhirJson.Serialize(response);
            Lap();
            await exchange.RecordResponseAsync(bytes, StatusCodes.Status200OK, cancellationToken).ConfigureAwait(false);
            Lap();
        }

        return ([.. cpu.Select(total => total / count)], [.. wall.Select(total => total / count)], [.. allocated.Select(total => total / count)]);
    }

    /// <summary>CPU-µs per bundle of the whole handler, called as the endpoint is (200 expected for every bundle).</summary>
    public static async Task<(double Cpu, double User, double System)> MeasureHandlerAsync(FhirBundleTemplate template, EvidenceStore evidence, int first, int count, CancellationToken cancellationToken)
    {
        var options = new FhirSimulatorOptions();
        var repository = new DocumentRepository();
        var (user, system) = CpuClock.UserAndSystemMicroseconds();
        var started = CpuClock.NowMicroseconds();
        for (var sequence = first; sequence < first + count; sequence++)
        {
            var result = await DocumentSharingEndpoints.ProvideDocumentBundleAsync(Request(template.Create(sequence)), evidence, repository, options, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            if (result.StatusCode != StatusCodes.Status200OK)
            {
                throw new InvalidOperationException($"The handler answered {result.StatusCode}: the figure would not measure ingestion.");
            }
        }

        var cpu = (CpuClock.NowMicroseconds() - started) / count;
        var (userAfter, systemAfter) = CpuClock.UserAndSystemMicroseconds();
        return (cpu, (userAfter - user) / count, (systemAfter - system) / count);
    }

    /// <summary>CPU-µs per bundle of Firely alone: parse, and serialize the parsed bundle when <paramref name="serialize"/>.</summary>
    public static double MeasureFirely(FhirBundleTemplate template, bool serialize, int first, int count, DeserializerSettings? settings = null)
    {
        var deserializer = settings is null ? new FhirJsonDeserializer() : new FhirJsonDeserializer(settings);
        var serializer = new FhirJsonSerializer();
        var started = CpuClock.NowMicroseconds();
        for (var sequence = first; sequence < first + count; sequence++)
        {
            var body = template.Create(sequence);
            var reader = new System.Text.Json.Utf8JsonReader(body);
            var bundle = deserializer.DeserializeResource(ref reader);
            if (serialize && serializer.SerializeToBytes(bundle).Length == 0)
            {
                throw new InvalidOperationException("Firely serialized nothing.");
            }
        }

        return (CpuClock.NowMicroseconds() - started) / count;
    }

    private static HttpRequest Request(byte[] body)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("127.0.0.1");
        context.Request.Path = DocumentSharingEndpoints.BasePath;
        context.Request.ContentType = "application/fhir+json";
        context.Request.ContentLength = body.Length;
        context.Request.Headers.Accept = "application/fhir+json";
        context.Request.Body = new MemoryStream(body, writable: false);
        return context.Request;
    }
}
