using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using DuiConformance.Core.Evidence;
using DuiConformance.Simulators.Fhir;
using DuiConformance.Simulators.Tests.Support;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace DuiConformance.Simulators.Tests.Fhir;

/// <summary>
/// Hostile input against the FHIR simulator (issue 9 §8): malformed JSON and XML, wrong resourceType, bodies over the
/// limit, deep nesting, abrupt disconnects. The server stays up, answers each with an OperationOutcome carrying a
/// finding code, and never acknowledges what it has not recorded and stored.
/// </summary>
[Category("Network")]
public sealed class HostileInputTests
{
    private const int Limit = 64 * 1024;
    private const string Ins = "255069999999942";

    private TemporaryEvidence _evidence = null!;
    private FhirSimulator _simulator = null!;
    private HttpClient _http = null!;

    [SetUp]
    public async System.Threading.Tasks.Task StartSimulator()
    {
        _evidence = new TemporaryEvidence();
        _simulator = await FhirSimulator.StartAsync(new FhirSimulatorOptions { MaxRequestBodySize = Limit }, _evidence.Store).WithTimeout("FHIR start");
        _http = new HttpClient { Timeout = TaskTimeouts.Network };
    }

    [TearDown]
    public async System.Threading.Tasks.Task StopSimulator()
    {
        _http.Dispose();
        await _simulator.DisposeAsync().AsTask().WithTimeout("FHIR stop");
        _evidence.Dispose();
    }

    [TestCase("", "<Bundle xmlns=\"http://hl7.org/fhir\"><type value=\"transaction\"/></Bundle>", "application/fhir+xml", 415, "FHIR-5908")]
    [TestCase("/DocumentReference", "<DocumentReference xmlns=\"http://hl7.org/fhir\"><status value=\"current\">", "application/fhir+xml", 415, "FHIR-5908")]
    [TestCase("", "<Bundle xmlns=\"http://hl7.org/fhir\"><type value=\"transaction\"", "application/fhir+json", 400, "FHIR-5901")]
    [TestCase("/DocumentReference", "<?xml version=\"1.0\"?><DocumentReference", "application/fhir+json", 400, "FHIR-5901")]
    [TestCase("", "{\"resourceType\": \"Bundle\", \"type\": \"transaction\", }", "application/fhir+json", 400, "FHIR-5901")]
    [TestCase("/DocumentReference", "{\"resourceType\": \"DocumentReference\" \"status\": \"current\"}", "application/fhir+json", 400, "FHIR-5901")]
    [TestCase("", "\u00ff\u00fe{", "application/fhir+json", 400, "FHIR-5901")]
    [TestCase("", "", "application/fhir+json", 400, "FHIR-5901")]
    [TestCase("", "{\"resourceType\": \"Nonsense\"}", "application/fhir+json", 400, "FHIR-5902")]
    [TestCase("", "{\"type\": \"transaction\"}", "application/fhir+json", 400, "FHIR-5902")]
    [TestCase("", "[]", "application/fhir+json", 400, "FHIR-5902")]
    [TestCase("", "{\"resourceType\": \"DocumentReference\", \"status\": \"current\"}", "application/fhir+json", 400, "FHIR-5903")]
    [TestCase("/DocumentReference", "{\"resourceType\": \"Nonsense\"}", "application/fhir+json", 400, "FHIR-5902")]
    [TestCase("/DocumentReference", "{\"resourceType\": \"Bundle\", \"type\": \"transaction\"}", "application/fhir+json", 400, "FHIR-5920")]
    [TestCase("/DocumentReference", "{\"resourceType\": 42}", "application/fhir+json", 400, "FHIR-5902")]
    public async System.Threading.Tasks.Task Malformed_or_mistyped_body_gets_an_operation_outcome_and_the_server_stays_up(string path, string body, string contentType, int status, string code)
    {
        using var response = await PostAsync(path, Encoding.UTF8.GetBytes(body), contentType);

        ((int)response.StatusCode).ShouldBe(status);
        await ShouldCarryCodeAsync(response, code);
        _simulator.Documents.Count.ShouldBe(0);
        await ShouldStillServeAsync();
    }

    [TestCase("")]
    [TestCase("/DocumentReference")]
    public async System.Threading.Tasks.Task Body_over_the_limit_gets_413_with_content_length_and_chunked(string path)
    {
        var body = Encoding.ASCII.GetBytes("{\"resourceType\":\"Binary\",\"data\":\"" + new string('A', Limit) + "\"}");
        using var sized = await PostAsync(path, body, "application/fhir+json");
        using var chunked = new StreamContent(new MemoryStream(body));
        chunked.Headers.ContentType = MediaTypeHeaderValue.Parse("application/fhir+json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_simulator.BaseAddress + path)) { Content = chunked };
        request.Headers.TransferEncodingChunked = true;

        using var streamed = await _http.SendAsync(request).WithTimeout("chunked POST");

        sized.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        await ShouldCarryCodeAsync(sized, "FHIR-5907");
        streamed.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        await ShouldCarryCodeAsync(streamed, "FHIR-5907");
        await ShouldStillServeAsync();
    }

    [TestCase("", "", "{\"a\":", "1", "}", "")]
    [TestCase("/DocumentReference", "", "{\"a\":", "1", "}", "")]
    [TestCase("", "", "[", "1", "]", "")]
    [TestCase("", "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":{\"resourceType\":\"Basic\",\"extension\":", "[{\"url\":\"x\",\"extension\":", "[]", "}]", "}}]}")]
    public async System.Threading.Tasks.Task Json_nested_thousands_deep_gets_400_without_recursing(string path, string prefix, string open, string middle, string close, string suffix)
    {
        var body = Encoding.ASCII.GetBytes(prefix + string.Concat(Enumerable.Repeat(open, 2_000)) + middle + string.Concat(Enumerable.Repeat(close, 2_000)) + suffix);

        using var response = await PostAsync(path, body, "application/fhir+json");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await ShouldCarryCodeAsync(response, "FHIR-5901");
        await ShouldStillServeAsync();
    }

    [TestCase(true, Description = "reset (RST) mid-body")]
    [TestCase(false, Description = "FIN mid-body: Kestrel waits for the rest, then drops the request under its minimum data rate")]
    public async System.Threading.Tasks.Task Client_gone_mid_body_is_not_acknowledged_stores_nothing_and_the_server_goes_on(bool reset)
    {
        var body = new FhirJsonSerializer().SerializeToBytes(PdsmDocuments.Transaction(new PdsmDocuments.Metadata(Ins)));

        var answers = await System.Threading.Tasks.Task.WhenAll(Enumerable.Range(0, reset ? 20 : 5).Select(_ => SendPartialAsync(body, body.Length / 2, reset))).WithTimeout("clients gone mid-body");

        answers.ShouldAllBe(answer => !answer.StartsWith("HTTP/1.1 2", StringComparison.Ordinal));
        _simulator.Documents.Count.ShouldBe(0);
        _evidence.OfKind(EvidenceKinds.FhirResponse).ShouldAllBe(item => item.Property(FhirProperties.Status) == "400");
        await ShouldStillServeAsync();
        using var response = await PostAsync(string.Empty, body, "application/fhir+json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        _simulator.Documents.All.OfType<DocumentReference>().ShouldHaveSingleItem();
    }

    [Test, Description("A chunked body whose framing is broken, connection kept open: 400 FHIR-5929, recorded, nothing stored")]
    public async System.Threading.Tasks.Task Malformed_chunked_body_gets_400_fhir_5929()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _simulator.BaseAddress.Port).WithTimeout("connect");
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("POST /fhir HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/fhir+json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\nZZ-not-hex\r\n"));
        await stream.FlushAsync();
        var buffer = new byte[16 * 1024];
        var received = new StringBuilder();
        while (!received.ToString().Contains("</", StringComparison.Ordinal) && !received.ToString().Contains("}]}", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer).AsTask().WithTimeout("answer to a malformed chunked body");
            if (read == 0)
            {
                break;
            }

            received.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        var answer = received.ToString();
        answer.ShouldStartWith("HTTP/1.1 400");
        answer.ShouldContain("FHIR-5929");
        _simulator.Documents.Count.ShouldBe(0);
        _evidence.OfKind(EvidenceKinds.FhirResponse).ShouldHaveSingleItem().Property(FhirProperties.Status).ShouldBe("400");
        await ShouldStillServeAsync();
    }

    [Test, Category("Slow"), Description("1,000 concurrent requests of four kinds: every one answered as it should be, then the server still serves")]
    public async System.Threading.Tasks.Task Thousand_concurrent_requests_are_all_answered()
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1_000 };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        var transaction = new FhirJsonSerializer().SerializeToBytes(PdsmDocuments.Transaction(new PdsmDocuments.Metadata(Ins)));
        var search = new Uri($"{_simulator.BaseAddress}/DocumentReference?patient.identifier={PdsmDocuments.InsSystem}|{Ins}&status=current");
        var stopwatch = Stopwatch.StartNew();

        var statuses = await System.Threading.Tasks.Task.WhenAll(Enumerable.Range(0, 1_000).Select(async index =>
        {
            using var response = (index % 4) switch
            {
                0 => await http.PostAsync(_simulator.BaseAddress, Json(new FhirJsonSerializer().SerializeToBytes(PdsmDocuments.Transaction(new PdsmDocuments.Metadata(Ins))))),
                1 => await http.PostAsync(new Uri(_simulator.BaseAddress + "/DocumentReference"), Json(new FhirJsonSerializer().SerializeToBytes(PdsmDocuments.Publication(Ins, "<ClinicalDocument/>"u8.ToArray())))),
                2 => await http.GetAsync(search),
                _ => await http.PostAsync(_simulator.BaseAddress, Json(transaction.AsSpan(0, transaction.Length / 3).ToArray())),
            };
            await response.Content.ReadAsByteArrayAsync();
            return (index % 4, (int)response.StatusCode);
        })).WaitAsync(TimeSpan.FromSeconds(120));

        TestContext.Out.WriteLine($"1,000 concurrent requests answered in {stopwatch.Elapsed.TotalSeconds:0.0} s");
        statuses.Where(pair => pair.Item1 == 0).ShouldAllBe(pair => pair.Item2 == 200);
        statuses.Where(pair => pair.Item1 == 1).ShouldAllBe(pair => pair.Item2 == 201);
        statuses.Where(pair => pair.Item1 == 2).ShouldAllBe(pair => pair.Item2 == 200);
        statuses.Where(pair => pair.Item1 == 3).ShouldAllBe(pair => pair.Item2 == 400);
        _simulator.Documents.All.OfType<DocumentReference>().Count().ShouldBe(500);
        _evidence.OfKind(EvidenceKinds.FhirResponse).Count.ShouldBe(1_000);
        await ShouldStillServeAsync();
    }

    [Test, Description("DESIGN.md §6: when the client reads a 2xx, the response and the stored resources are already there")]
    public async System.Threading.Tasks.Task Every_acknowledgement_is_recorded_and_stored_before_it_is_received()
    {
        for (var round = 0; round < 20; round++)
        {
            var publication = PdsmDocuments.Publication(Ins, Encoding.UTF8.GetBytes($"<ClinicalDocument n=\"{round}\"/>"));
            using var response = await PostAsync("/DocumentReference", new FhirJsonSerializer().SerializeToBytes(publication), "application/fhir+json");

            var snapshot = _evidence.Store.Items;
            var stored = _simulator.Documents.All.OfType<DocumentReference>().Select(document => document.Id).ToList();
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
            var created = Iti65Bundles.Parse<DocumentReference>(await response.Content.ReadAsByteArrayAsync());
            stored.ShouldContain(created.Id);
            snapshot[^1].ShouldSatisfyAllConditions(
                item => item.Kind.ShouldBe(EvidenceKinds.FhirResponse),
                item => item.Property(FhirProperties.Status).ShouldBe("201"),
                item => item.Property(FhirProperties.Related).ShouldBe(snapshot[^2].Id));
        }
    }

    [Test, Description("DESIGN.md §6: with evidence that cannot be written, the simulator answers 5xx and stores nothing")]
    public async System.Threading.Tasks.Task Unrecordable_request_is_never_acknowledged()
    {
        await _evidence.BreakStorageAsync();
        var body = new FhirJsonSerializer().SerializeToBytes(PdsmDocuments.Transaction(new PdsmDocuments.Metadata(Ins)));

        using var response = await PostAsync(string.Empty, body, "application/fhir+json");

        ((int)response.StatusCode).ShouldBeGreaterThanOrEqualTo(500);
        _simulator.Documents.Count.ShouldBe(0);
        _evidence.RepairStorage();
        await ShouldStillServeAsync();
    }

    /// <summary>Sends the headers and the first <paramref name="sent"/> octets of <paramref name="body"/>, then resets or half-closes; returns what the server answered.</summary>
    private async Task<string> SendPartialAsync(byte[] body, int sent, bool reset)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _simulator.BaseAddress.Port).WithTimeout("connect");
        var stream = client.GetStream();
        var head = Encoding.ASCII.GetBytes($"POST /fhir HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/fhir+json\r\nContent-Length: {body.Length}\r\n\r\n");
        await stream.WriteAsync(head);
        await stream.WriteAsync(body.AsMemory(0, sent));
        await stream.FlushAsync();
        if (reset)
        {
            await System.Threading.Tasks.Task.Delay(20);
            client.Client.LingerState = new LingerOption(true, 0);
            client.Close();
            return string.Empty;
        }

        // Note: after a FIN mid-body Kestrel waits for the rest until its minimum data rate drops the request (about
        // 5 s); two seconds without an answer is enough to show nothing was acknowledged.
        client.Client.Shutdown(SocketShutdown.Send);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            return await reader.ReadToEndAsync(patience.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
            // Note: Kestrel may also reset the connection when it drops the request.
            return string.Empty;
        }
    }

    private async System.Threading.Tasks.Task ShouldStillServeAsync()
    {
        using var response = await _http.GetAsync(new Uri(_simulator.BaseAddress + "/metadata")).WithTimeout("metadata");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async System.Threading.Tasks.Task ShouldCarryCodeAsync(HttpResponseMessage response, string code)
    {
        var body = await response.Content.ReadAsByteArrayAsync();
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/fhir+json", Encoding.UTF8.GetString(body));
        var issue = Iti65Bundles.Parse<OperationOutcome>(body).Issue.ShouldHaveSingleItem();
        issue.Severity.ShouldBe(OperationOutcome.IssueSeverity.Error);
        issue.Details!.Coding.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            coding => coding.System.ShouldBe(FhirSimulatorFindings.System),
            coding => coding.Code.ShouldBe(code));
    }

    private async Task<HttpResponseMessage> PostAsync(string path, byte[] body, string contentType)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await _http.PostAsync(new Uri(_simulator.BaseAddress + path), content).WithTimeout("POST " + path);
    }

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/fhir+json");
        return content;
    }
}
