using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using DuiConformance.Core.Evidence;
using DuiConformance.Simulators.Insi;

namespace DuiConformance.Benchmarks;

/// <summary>
/// INSi look-ups answered per second by the simulated INSi over mutual TLS (keep-alive, 4 clients), every exchange
/// recorded as evidence, and the median latency of one look-up. No peer: no public INSi simulator exists to compare with.
/// </summary>
public sealed class InsiLookupBenchmark : IBenchmark
{
    private const string Request = """
        <?xml version="1.0" encoding="UTF-8"?>
        <soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope" xmlns:wsa="http://www.w3.org/2005/08/addressing"><soap:Header>
        <wsa:Action>urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite</wsa:Action><wsa:MessageID>uuid:1f7a3c1e-0000-4000-8000-000000000003</wsa:MessageID>
        <ctxlps:ContexteLPS xmlns:ctxlps="urn:siram:lps" Nature="CTXLPS" Version="01_00"><ctxlps:LPS><ctxlps:IDAM R="4">BENCH</ctxlps:IDAM><ctxlps:Version>1</ctxlps:Version>
        <ctxlps:Instance>1f7a3c1e-0000-4000-8000-000000000002</ctxlps:Instance><ctxlps:Nom>urn:lps:bench:1</ctxlps:Nom></ctxlps:LPS></ctxlps:ContexteLPS></soap:Header>
        <soap:Body><insi:RECSANSVITALE xmlns:insi="http://www.cnamts.fr/INSiRecSans"><NomNaissance>MARTINEAU</NomNaissance><Prenom>HELENE</Prenom>
        <Sexe>F</Sexe><DateNaissance>1942-05-17</DateNaissance></insi:RECSANSVITALE></soap:Body></soap:Envelope>
        """;

    /// <inheritdoc/>
    public string Name => "insi";

    /// <inheritdoc/>
    public string Description => "recherches INSi par traits servies par le simulateur en TLS mutuel, preuves enregistrées (sans pair de référence)";

    /// <inheritdoc/>
    public async Task<IReadOnlyList<BenchmarkFigure>> RunAsync(TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        var directory = Directory.CreateTempSubdirectory("insi-bench-").FullName;
        try
        {
            var evidence = new EvidenceStore(directory, new EvidenceTagContext("bench"));
            using var certificates = InsiCertificates.Create();
            await using var simulator = await InsiSimulator.StartAsync(new InsiSimulatorOptions(), certificates, evidence, cancellationToken).ConfigureAwait(false);
            using var client = Client(certificates);
            var body = Encoding.UTF8.GetBytes(Request);

            for (var i = 0; i < 50; i++)
            {
                await LookupAsync(client, simulator.Endpoint, body, cancellationToken).ConfigureAwait(false);
            }

            var latencies = new List<double>();
            for (var i = 0; i < 300; i++)
            {
                var one = Stopwatch.StartNew();
                await LookupAsync(client, simulator.Endpoint, body, cancellationToken).ConfigureAwait(false);
                latencies.Add(one.Elapsed.TotalMilliseconds);
            }

            latencies.Sort();
            const int perClient = 500;
            const int clients = 4;
            var total = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
            {
                for (var i = 0; i < perClient; i++)
                {
                    await LookupAsync(client, simulator.Endpoint, body, cancellationToken).ConfigureAwait(false);
                }
            })).ConfigureAwait(false);
            total.Stop();
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{clients * perClient} recherches en {total.Elapsed.TotalSeconds:0.00} s, {evidence.Items.Count} preuves enregistrées")).ConfigureAwait(false);
            return
            [
                new BenchmarkFigure("insi-lookup-throughput", clients * perClient / total.Elapsed.TotalSeconds, "look-ups/s"),
                new BenchmarkFigure("insi-lookup-latency-p50", latencies[latencies.Count / 2], "ms"),
            ];
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static HttpClient Client(InsiCertificates certificates)
    {
        var handler = new SocketsHttpHandler { UseProxy = false };
        handler.SslOptions.ClientCertificates = new X509CertificateCollection { certificates.Client };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is not null && certificate.GetCertHashString() == certificates.Server.GetCertHashString();
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
    }

    private static async Task LookupAsync(HttpClient client, Uri endpoint, byte[] body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/soap+xml; charset=utf-8");
        using var response = await client.PostAsync(endpoint, content, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"INSi simulator answered {(int)response.StatusCode}.");
        }

        await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }
}
