using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DuiConformance.Core.Evidence;
using DuiConformance.Simulators.Fhir;
using DuiConformance.Simulators.Tests.Support;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace DuiConformance.Simulators.Tests.Fhir;

/// <summary>The FHIR simulator over HTTP on loopback (STYLE.md rule 21).</summary>
[Category("Network")]
public sealed class DocumentSharingEndpointsTests
{
    private TemporaryEvidence _evidence = null!;
    private FhirSimulator _simulator = null!;
    private HttpClient _http = null!;

    [SetUp]
    public async System.Threading.Tasks.Task StartSimulator()
    {
        _evidence = new TemporaryEvidence();
        _simulator = await FhirSimulator.StartAsync(new FhirSimulatorOptions { MaxRequestBodySize = 256 * 1024 }, _evidence.Store).WithTimeout("FHIR start");
        _http = new HttpClient { Timeout = TaskTimeouts.Network };
    }

    [TearDown]
    public async System.Threading.Tasks.Task StopSimulator()
    {
        _http.Dispose();
        await _simulator.DisposeAsync().AsTask().WithTimeout("FHIR stop");
        _evidence.Dispose();
    }

    [Test, Description("domain.md §3.4 / PDSM-07: one response entry per request entry, in the same order, 201 each. " +
        "The bundle is serialized by Firely 6.8, which writes R4 Attachment.size as a JSON string: tolerated (PVAL123).")]
    public async System.Threading.Tasks.Task Transaction_bundle_gets_a_transaction_response_with_entries_in_order()
    {
        var body = new FhirJsonSerializer().SerializeToBytes(ProvideDocumentBundle());

        using var response = await PostAsync(body, "application/fhir+json");

        await ShouldHaveStatusAsync(response, HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/fhir+json");
        var answer = Parse<Bundle>(await response.Content.ReadAsByteArrayAsync());
        answer.Type.ShouldBe(Bundle.BundleType.TransactionResponse);
        answer.Entry.Select(entry => entry.Response!.Status).ShouldBe(["201 Created", "201 Created", "201 Created"]);
        answer.Entry[0].Response!.Location!.ShouldStartWith("List/");
        answer.Entry[1].Response!.Location!.ShouldStartWith("DocumentReference/");
        answer.Entry[2].Response!.Location!.ShouldStartWith("Binary/");
        answer.Entry.ShouldAllBe(entry => entry.Response!.Location!.EndsWith("/_history/1"));
    }

    [Test, Description("DESIGN.md §6: the exact request bytes are recorded before the response, which names its request")]
    public async System.Threading.Tasks.Task Request_is_recorded_byte_exact_before_the_response()
    {
        var body = Encoding.UTF8.GetBytes(new FhirJsonSerializer().SerializeToString(ProvideDocumentBundle()) + "\n  ");

        using var response = await PostAsync(body, "application/fhir+json; charset=utf-8");

        await ShouldHaveStatusAsync(response, HttpStatusCode.OK);
        var responseBytes = await response.Content.ReadAsByteArrayAsync();
        var items = _evidence.Store.Items;
        items.Count.ShouldBe(2);
        var (request, answer) = (items[0], items[1]);
        request.ShouldSatisfyAllConditions(
            () => request.Kind.ShouldBe(EvidenceKinds.FhirRequest),
            () => _evidence.Store.ReadContent(request).ShouldBe(body),
            () => request.Property(FhirProperties.Method).ShouldBe("POST"),
            () => request.Property(FhirProperties.Path).ShouldBe("/"),
            () => request.Property(FhirProperties.ContentType).ShouldBe("application/fhir+json; charset=utf-8"),
            () => request.Property(FhirProperties.Interaction).ShouldBe("ITI-65"),
            () => answer.Kind.ShouldBe(EvidenceKinds.FhirResponse),
            () => answer.Property(FhirProperties.Related).ShouldBe(request.Id),
            () => answer.Property(FhirProperties.Status).ShouldBe("200"),
            () => answer.Property(FhirProperties.Exchange).ShouldBe(request.Property(FhirProperties.Exchange)),
            () => _evidence.Store.ReadContent(answer).ShouldBe(responseBytes));
    }

    [Test, Description("STYLE.md rule 10: headers are kept with the exchange, credentials masked at the source")]
    public async System.Threading.Tasks.Task Request_headers_are_recorded_with_the_bearer_token_masked()
    {
        using var content = new ByteArrayContent(new FhirJsonSerializer().SerializeToBytes(ProvideDocumentBundle()));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/fhir+json");
        using var request = new HttpRequestMessage(HttpMethod.Post, _simulator.BaseAddress) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJSUzI1NiJ9.secret-token");

        using var response = await _http.SendAsync(request).WithTimeout("POST with bearer");

        await ShouldHaveStatusAsync(response, HttpStatusCode.OK);
        var headers = _evidence.Store.Items[0].Property(DocumentSharingEndpoints.RequestHeadersProperty).ShouldNotBeNull();
        headers.ShouldContain("Authorization: Bearer ********");
        headers.ShouldNotContain("secret-token");
    }

    [Test]
    public async System.Threading.Tasks.Task Stored_document_reference_points_at_its_stored_binary()
    {
        using var response = await PostAsync(new FhirJsonSerializer().SerializeToBytes(ProvideDocumentBundle()), "application/fhir+json");
        await ShouldHaveStatusAsync(response, HttpStatusCode.OK);

        var document = _simulator.Documents.All.OfType<DocumentReference>().ShouldHaveSingleItem();
        var binary = _simulator.Documents.All.OfType<Binary>().ShouldHaveSingleItem();
        document.Content[0].Attachment!.Url.ShouldBe($"Binary/{binary.Id}");
        _simulator.Documents.All.OfType<List>().ShouldHaveSingleItem().Entry[0].Item!.Reference.ShouldBe($"DocumentReference/{document.Id}");
        document.Meta!.VersionId.ShouldBe("1");
    }

    [Test]
    public async System.Threading.Tasks.Task Malformed_json_gets_400_with_an_operation_outcome()
    {
        using var response = await PostAsync("{\"resourceType\": \"Bundle\", \"type\": "u8.ToArray(), "application/fhir+json");

        await ShouldHaveStatusAsync(response, HttpStatusCode.BadRequest);
        var issue = Parse<OperationOutcome>(await response.Content.ReadAsByteArrayAsync()).Issue.ShouldHaveSingleItem();
        issue.Severity.ShouldBe(OperationOutcome.IssueSeverity.Error);
        issue.Details!.Coding.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            coding => coding.System.ShouldBe(FhirSimulatorFindings.System),
            coding => coding.Code.ShouldBe("FHIR-5901"));
        _evidence.Store.Items.Select(item => item.Kind).ShouldBe([EvidenceKinds.FhirRequest, EvidenceKinds.FhirResponse]);
        _evidence.Store.Items[1].Property(FhirProperties.Status).ShouldBe("400");
    }

    [Test]
    public async System.Threading.Tasks.Task Deeply_nested_json_gets_400_not_a_crash()
    {
        var body = Encoding.ASCII.GetBytes(new string('[', 10_000) + new string(']', 10_000));

        using var response = await PostAsync(body, "application/json");

        await ShouldHaveStatusAsync(response, HttpStatusCode.BadRequest);
        Parse<OperationOutcome>(await response.Content.ReadAsByteArrayAsync()).Issue[0].Details!.Coding[0].Code.ShouldBe("FHIR-5901");
    }

    [Test]
    public async System.Threading.Tasks.Task Bundle_that_is_not_a_transaction_gets_400_pointing_at_bundle_type()
    {
        var bundle = ProvideDocumentBundle();
        bundle.Type = Bundle.BundleType.Collection;

        using var response = await PostAsync(new FhirJsonSerializer().SerializeToBytes(bundle), "application/json");

        await ShouldHaveStatusAsync(response, HttpStatusCode.BadRequest);
        var issue = Parse<OperationOutcome>(await response.Content.ReadAsByteArrayAsync()).Issue.ShouldHaveSingleItem();
        issue.Details!.Coding[0].Code.ShouldBe("FHIR-5904");
        issue.Expression.ShouldBe(["Bundle.type"]);
        _evidence.Store.Items[0].Property(FhirProperties.Interaction).ShouldBe(string.Empty);
    }

    [Test]
    public async System.Threading.Tasks.Task Resource_other_than_a_bundle_gets_400()
    {
        var patient = new Patient { Id = "p1" };

        using var response = await PostAsync(new FhirJsonSerializer().SerializeToBytes(patient), "application/fhir+json");

        await ShouldHaveStatusAsync(response, HttpStatusCode.BadRequest);
        Parse<OperationOutcome>(await response.Content.ReadAsByteArrayAsync()).Issue[0].Details!.Coding[0].Code.ShouldBe("FHIR-5903");
    }

    [Test]
    public async System.Threading.Tasks.Task Unknown_element_gets_400_invalid_fhir_content()
    {
        using var response = await PostAsync("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"bogus\":1}"u8.ToArray(), "application/fhir+json");

        await ShouldHaveStatusAsync(response, HttpStatusCode.BadRequest);
        var issue = Parse<OperationOutcome>(await response.Content.ReadAsByteArrayAsync()).Issue.ShouldHaveSingleItem();
        issue.Details!.Coding[0].Code.ShouldBe("FHIR-5902");
        issue.Expression.ShouldBe(["Bundle.bogus"]);
    }

    [Test]
    public async System.Threading.Tasks.Task Every_incomplete_entry_is_reported_not_only_the_first()
    {
        var bundle = new Bundle
        {
            Type = Bundle.BundleType.Transaction,
            Entry =
            [
                new Bundle.EntryComponent { Resource = new Binary { ContentType = "text/plain" } },
                new Bundle.EntryComponent { Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = "Binary" } },
            ],
        };

        using var response = await PostAsync(new FhirJsonSerializer().SerializeToBytes(bundle), "application/fhir+json");

        await ShouldHaveStatusAsync(response, HttpStatusCode.BadRequest);
        var issues = Parse<OperationOutcome>(await response.Content.ReadAsByteArrayAsync()).Issue;
        issues.Select(issue => issue.Expression.Single()).ShouldBe(["Bundle.entry[0].request", "Bundle.entry[1].resource"]);
        _simulator.Documents.Count.ShouldBe(0);
    }

    [Test]
    public async System.Threading.Tasks.Task Body_over_the_limit_gets_413_with_an_operation_outcome()
    {
        var body = Encoding.ASCII.GetBytes("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"id\":\"" + new string('a', 300 * 1024) + "\"}");

        using var response = await PostAsync(body, "application/fhir+json");

        await ShouldHaveStatusAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Parse<OperationOutcome>(await response.Content.ReadAsByteArrayAsync()).Issue[0].Details!.Coding[0].Code.ShouldBe("FHIR-5907");
    }

    [Test]
    public async System.Threading.Tasks.Task Non_json_content_type_gets_415()
    {
        using var response = await PostAsync("<Bundle xmlns=\"http://hl7.org/fhir\"/>"u8.ToArray(), "application/fhir+xml");

        await ShouldHaveStatusAsync(response, HttpStatusCode.UnsupportedMediaType);
        Parse<OperationOutcome>(await response.Content.ReadAsByteArrayAsync()).Issue[0].Details!.Coding[0].Code.ShouldBe("FHIR-5908");
    }

    [Test]
    public async System.Threading.Tasks.Task Metadata_is_a_fhir_4_0_1_capability_statement_with_transaction()
    {
        using var response = await _http.GetAsync(new Uri(_simulator.BaseAddress + "/metadata")).WithTimeout("GET metadata");

        await ShouldHaveStatusAsync(response, HttpStatusCode.OK);
        var capabilities = Parse<CapabilityStatement>(await response.Content.ReadAsByteArrayAsync());
        capabilities.FhirVersion.ShouldBe(FHIRVersion.N4_0_1);
        capabilities.Rest[0]!.Interaction.ShouldContain(interaction => interaction.Code == CapabilityStatement.SystemRestfulInteraction.Transaction);
    }

    private async Task<HttpResponseMessage> PostAsync(byte[] body, string contentType)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await _http.PostAsync(_simulator.BaseAddress, content).WithTimeout("POST [base]");
    }

    /// <summary>Asserts the status, showing the body (an OperationOutcome) when it differs.</summary>
    private static async System.Threading.Tasks.Task ShouldHaveStatusAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
    }

    private static T Parse<T>(byte[] json)
        where T : Resource =>
        (T)new FhirJsonDeserializer().DeserializeResource(Encoding.UTF8.GetString(json));

    /// <summary>A minimal synthetic ITI-65 bundle: SubmissionSet List, DocumentReference, Binary (urn:uuid references).</summary>
    private static Bundle ProvideDocumentBundle()
    {
        const string listUrl = "urn:uuid:0c287d32-01e3-4d87-9953-9fcc9404eb21";
        const string documentUrl = "urn:uuid:2a0b5b1e-7b3f-4c1d-9a59-4d2f3b1f0c11";
        const string binaryUrl = "urn:uuid:93c4ad3b-4c6e-4f0e-8a44-5f6e2b0a7d22";
        var content = Encoding.UTF8.GetBytes("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>");
        return new Bundle
        {
            Type = Bundle.BundleType.Transaction,
            Entry =
            [
                new Bundle.EntryComponent
                {
                    FullUrl = listUrl,
                    Resource = new List
                    {
                        Status = List.ListStatus.Current,
                        Mode = ListMode.Working,
                        Entry = [new List.EntryComponent { Item = new ResourceReference(documentUrl) }],
                    },
                    Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = "List" },
                },
                new Bundle.EntryComponent
                {
                    FullUrl = documentUrl,
                    Resource = new DocumentReference
                    {
                        Status = DocumentReferenceStatus.Current,
                        Content =
                        [
                            new DocumentReference.ContentComponent
                            {
                                Attachment = new Attachment { ContentType = "text/xml", Url = binaryUrl, Size = content.Length, Language = "fr-FR", Title = "DLU" },
                            },
                        ],
                    },
                    Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = "DocumentReference" },
                },
                new Bundle.EntryComponent
                {
                    FullUrl = binaryUrl,
                    Resource = new Binary { ContentType = "text/xml", Data = content },
                    Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = "Binary" },
                },
            ],
        };
    }
}
