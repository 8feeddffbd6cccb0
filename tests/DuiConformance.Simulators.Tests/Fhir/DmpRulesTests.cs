using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DuiConformance.Simulators.Fhir;
using DuiConformance.Simulators.Tests.Support;
using Hl7.Fhir.Model;

namespace DuiConformance.Simulators.Tests.Fhir;

/// <summary>
/// The DMP business rules of the FHIR simulator over HTTP on loopback: DMP status by INS (TD0.2), no feeding of an
/// absent, closed or opposed DMP, replacement (relatesTo replaces, TD2.1), conditional metadata PATCH and visibility.
/// </summary>
[Category("Network")]
public sealed class DmpRulesTests
{
    private const string ActiveIns = "255069999999942";
    private const string ClosedIns = "180059999999936";
    private const string OpposedIns = "290019999999911";
    private const string AbsentIns = "199999999999999";
    private const string MasqueLabels = "https://mos.esante.gouv.fr/NOS/TRE_A07-StatutVisibiliteDocument/FHIR/TRE-A07-StatutVisibiliteDocument";

    private TemporaryEvidence _evidence = null!;
    private FhirSimulator _simulator = null!;
    private HttpClient _http = null!;

    [SetUp]
    public async System.Threading.Tasks.Task StartSimulator()
    {
        _evidence = new TemporaryEvidence();
        var registry = new DmpRegistry(new Dictionary<string, DmpStatus> { [ClosedIns] = DmpStatus.Closed, [OpposedIns] = DmpStatus.Opposed, [AbsentIns] = DmpStatus.Absent });
        _simulator = await FhirSimulator.StartAsync(new FhirSimulatorOptions { DmpRegistry = registry }, _evidence.Store).WithTimeout("FHIR start");
        _http = new HttpClient { Timeout = TaskTimeouts.Network };
    }

    [TearDown]
    public async System.Threading.Tasks.Task StopSimulator()
    {
        _http.Dispose();
        await _simulator.DisposeAsync().AsTask().WithTimeout("FHIR stop");
        _evidence.Dispose();
    }

    [TestCase(ActiveIns, 1, true, false)]
    [TestCase(ClosedIns, 1, false, false)]
    [TestCase(OpposedIns, 1, true, true)]
    [TestCase(AbsentIns, 0, false, false)]
    public async System.Threading.Tasks.Task Dmp_status_query_by_ins_tells_absent_closed_or_opposed(string ins, int total, bool active, bool opposed)
    {
        using var response = await _http.GetAsync(new Uri($"{_simulator.BaseAddress}/Patient?identifier=urn:oid:1.2.250.1.213.1.4.8|{ins}")).WithTimeout("TD0.2");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bundle = Iti65Bundles.Parse<Bundle>(await response.Content.ReadAsByteArrayAsync());
        bundle.Total.ShouldBe(total);
        if (total == 1)
        {
            var patient = (Patient)bundle.Entry[0].Resource!;
            patient.Active.ShouldBe(active);
            patient.GetExtension(Core.Documents.DmpPatientStatus.OppositionExtension)!.Value.ShouldBeOfType<FhirBoolean>().Value.ShouldBe(opposed);
        }
    }

    [TestCase(ClosedIns, HttpStatusCode.UnprocessableEntity, "FHIR-5951")]
    [TestCase(AbsentIns, HttpStatusCode.NotFound, "FHIR-5950")]
    public async System.Threading.Tasks.Task Simplified_publish_to_a_dmp_that_is_not_active_is_refused_like_iti65(string ins, HttpStatusCode status, string code)
    {
        using var content = PdsmDocuments.Json(PdsmDocuments.Publication(ins, "<ClinicalDocument/>"u8.ToArray()));
        using var response = await _http.PostAsync(new Uri(_simulator.BaseAddress + "/DocumentReference"), content).WithTimeout("ITI-105");

        response.StatusCode.ShouldBe(status);
        Iti65Bundles.Parse<OperationOutcome>(await response.Content.ReadAsByteArrayAsync()).Issue[0].Details!.Coding[0].Code.ShouldBe(code);
        _simulator.Documents.All.ShouldBeEmpty();
    }

    [TestCase(ClosedIns, HttpStatusCode.UnprocessableEntity, "FHIR-5951")]
    [TestCase(OpposedIns, HttpStatusCode.UnprocessableEntity, "FHIR-5952")]
    [TestCase(AbsentIns, HttpStatusCode.NotFound, "FHIR-5950")]
    public async System.Threading.Tasks.Task Feeding_a_dmp_that_is_not_active_is_refused_and_nothing_is_stored(string ins, HttpStatusCode status, string code)
    {
        using var response = await ProvideAsync(Iti65Bundles.Provide(ins, "74207-2", DateTimeOffset.UtcNow, "<ClinicalDocument/>"u8.ToArray()));

        response.StatusCode.ShouldBe(status);
        CodeOf(await response.Content.ReadAsByteArrayAsync()).ShouldBe(code);
        _simulator.Documents.Count.ShouldBe(0);
    }

    [Test]
    public async System.Threading.Tasks.Task A_replacement_marks_the_old_document_superseded_with_a_new_version()
    {
        var old = await ProvideDocumentAsync("urn:oid:1.2.250.1.999.1");
        var replacement = WithMaster(Iti65Bundles.Provide(ActiveIns, "74207-2", DateTimeOffset.UtcNow, "<v2/>"u8.ToArray()), "urn:oid:1.2.250.1.999.2");
        Document(replacement).RelatesTo = [new DocumentReference.RelatesToComponent
        {
            Code = DocumentRelationshipType.Replaces,
            Target = new ResourceReference { Identifier = new Identifier("urn:ietf:rfc:3986", "urn:oid:1.2.250.1.999.1") },
        }];

        using var response = await ProvideAsync(replacement);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var stored = (DocumentReference)_simulator.Documents.Find("DocumentReference", old.Id!)!;
        stored.Status.ShouldBe(DocumentReferenceStatus.Superseded);
        stored.Meta!.VersionId.ShouldBe("2");
    }

    [Test]
    public async System.Threading.Tasks.Task The_td21_form_with_a_fhirpath_patch_entry_is_accepted_and_answered_in_order()
    {
        var old = await ProvideDocumentAsync("urn:oid:1.2.250.1.999.3");
        var replacement = WithMaster(Iti65Bundles.Provide(ActiveIns, "74207-2", DateTimeOffset.UtcNow, "<v2/>"u8.ToArray()), "urn:oid:1.2.250.1.999.4");
        Document(replacement).RelatesTo = [new DocumentReference.RelatesToComponent { Code = DocumentRelationshipType.Replaces, Target = new ResourceReference("DocumentReference/" + old.Id) }];
        replacement.Entry.Add(new Bundle.EntryComponent
        {
            Resource = SupersedePatch(),
            Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.PATCH, Url = "DocumentReference/" + old.Id },
        });

        using var response = await ProvideAsync(replacement);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var answer = Iti65Bundles.Parse<Bundle>(await response.Content.ReadAsByteArrayAsync());
        answer.Entry.Select(entry => entry.Response!.Status).ShouldBe(["201 Created", "201 Created", "201 Created", "201 Created", "200 OK"]);
        ((DocumentReference)_simulator.Documents.Find("DocumentReference", old.Id!)!).Status.ShouldBe(DocumentReferenceStatus.Superseded);
    }

    [Test]
    public async System.Threading.Tasks.Task Replacing_an_unknown_or_already_superseded_document_is_refused()
    {
        var unknown = Iti65Bundles.Provide(ActiveIns, "74207-2", DateTimeOffset.UtcNow, "<x/>"u8.ToArray());
        Document(unknown).RelatesTo = [new DocumentReference.RelatesToComponent { Code = DocumentRelationshipType.Replaces, Target = new ResourceReference("DocumentReference/nope") }];
        using (var refused = await ProvideAsync(unknown))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            CodeOf(await refused.Content.ReadAsByteArrayAsync()).ShouldBe("FHIR-5953");
        }

        var old = await ProvideDocumentAsync("urn:oid:1.2.250.1.999.5");
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var replacement = Iti65Bundles.Provide(ActiveIns, "74207-2", DateTimeOffset.UtcNow, "<v/>"u8.ToArray());
            Document(replacement).RelatesTo = [new DocumentReference.RelatesToComponent { Code = DocumentRelationshipType.Replaces, Target = new ResourceReference("DocumentReference/" + old.Id) }];
            using var response = await ProvideAsync(replacement);
            if (attempt == 1)
            {
                response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
                CodeOf(await response.Content.ReadAsByteArrayAsync()).ShouldBe("FHIR-5954");
            }
        }
    }

    [Test]
    public async System.Threading.Tasks.Task Json_patch_of_security_label_bumps_the_version_and_honours_if_match()
    {
        await ProvideDocumentAsync("urn:oid:1.2.250.1.999.6");
        const string patch = """[{"op":"add","path":"/securityLabel/-","value":{"coding":[{"system":"MASQUE","code":"MASQUE_PS"}]}}]""";

        using (var stale = await PatchAsync("urn:oid:1.2.250.1.999.6", patch, MetadataPatchEndpoint.JsonPatchMediaType, ifMatch: "W/\"7\""))
        {
            stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        }

        using var response = await PatchAsync("urn:oid:1.2.250.1.999.6", patch.Replace("MASQUE\"", MasqueLabels + "\"", StringComparison.Ordinal), MetadataPatchEndpoint.JsonPatchMediaType, ifMatch: "W/\"1\"");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Headers.ETag!.Tag.ShouldBe("\"2\"");
        var updated = Iti65Bundles.Parse<DocumentReference>(await response.Content.ReadAsByteArrayAsync());
        updated.SecurityLabel.SelectMany(label => label.Coding).Select(coding => coding.Code).ShouldContain("MASQUE_PS");
        updated.Meta!.VersionId.ShouldBe("2");
    }

    [TestCase("""[{"op":"replace","path":"/description","value":"autre"}]""", "application/json-patch+json")]
    [TestCase("""{"resourceType":"Parameters","parameter":[{"name":"operation","part":[{"name":"type","valueCode":"replace"},{"name":"path","valueString":"DocumentReference.date"},{"name":"value","valueInstant":"2026-01-01T00:00:00Z"}]}]}""", "application/fhir+json")]
    public async System.Threading.Tasks.Task A_patch_of_another_element_gets_405(string patch, string mediaType)
    {
        await ProvideDocumentAsync("urn:oid:1.2.250.1.999.7");

        using var response = await PatchAsync("urn:oid:1.2.250.1.999.7", patch, mediaType);

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        CodeOf(await response.Content.ReadAsByteArrayAsync()).ShouldBe("FHIR-5958");
    }

    [Test]
    public async System.Threading.Tasks.Task Hiding_from_the_patient_a_document_already_visible_to_them_is_refused()
    {
        await ProvideDocumentAsync("urn:oid:1.2.250.1.999.8");
        var patch = $$$"""{"resourceType":"Parameters","parameter":[{"name":"operation","part":[{"name":"type","valueCode":"add"},{"name":"path","valueString":"DocumentReference"},{"name":"name","valueString":"securityLabel"},{"name":"value","valueCodeableConcept":{"coding":[{"system":"{{{MasqueLabels}}}","code":"INVISIBLE_PATIENT"}]}}]}]}""";

        using var response = await PatchAsync("urn:oid:1.2.250.1.999.8", patch, "application/fhir+json");

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        CodeOf(await response.Content.ReadAsByteArrayAsync()).ShouldBe("FHIR-5963");
    }

    [Test]
    public async System.Threading.Tasks.Task A_patch_not_conditional_on_identifier_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, new Uri(_simulator.BaseAddress + "/DocumentReference?status=current"))
        {
            Content = new StringContent("[]", Encoding.UTF8, MetadataPatchEndpoint.JsonPatchMediaType),
        };

        using var response = await _http.SendAsync(request).WithTimeout("PATCH");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        CodeOf(await response.Content.ReadAsByteArrayAsync()).ShouldBe("FHIR-5957");
    }

    [Test]
    public void Masking_by_another_organisation_than_the_author_is_forbidden()
    {
        var before = new DocumentReference
        {
            Status = DocumentReferenceStatus.Current,
            Contained = [new Organization { Id = "custodian", Identifier = [new Identifier("https://finess.esante.gouv.fr", "690999990")] }],
        };
        var after = (DocumentReference)before.DeepCopy();
        after.SecurityLabel.Add(new CodeableConcept(MasqueLabels, "MASQUE_PS"));

        VisibilityRules.Check(before, after, "130000000")!.Value.Status.ShouldBe(403);
        VisibilityRules.Check(before, after, "690999990").ShouldBeNull();
    }

    private async Task<DocumentReference> ProvideDocumentAsync(string master)
    {
        using var response = await ProvideAsync(WithMaster(Iti65Bundles.Provide(ActiveIns, "74207-2", DateTimeOffset.UtcNow, "<v1/>"u8.ToArray()), master));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return _simulator.Documents.All.OfType<DocumentReference>().Single(document => document.MasterIdentifier?.Value == master);
    }

    private async Task<HttpResponseMessage> ProvideAsync(Bundle bundle) =>
        await _http.PostAsync(_simulator.BaseAddress, Iti65Bundles.Content(bundle)).WithTimeout("ITI-65");

    private async Task<HttpResponseMessage> PatchAsync(string master, string body, string mediaType, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, new Uri($"{_simulator.BaseAddress}/DocumentReference?identifier=urn:ietf:rfc:3986|{master}"))
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await _http.SendAsync(request).WithTimeout("PATCH");
    }

    private static Bundle WithMaster(Bundle bundle, string master)
    {
        Document(bundle).MasterIdentifier = new Identifier("urn:ietf:rfc:3986", master);
        return bundle;
    }

    private static DocumentReference Document(Bundle bundle) => bundle.Entry.Select(entry => entry.Resource).OfType<DocumentReference>().Single();

    private static Parameters SupersedePatch()
    {
        var parameters = new Parameters();
        parameters.Parameter.Add(new Parameters.ParameterComponent
        {
            Name = "operation",
            Part =
            [
                new Parameters.ParameterComponent { Name = "type", Value = new Code("replace") },
                new Parameters.ParameterComponent { Name = "path", Value = new FhirString("DocumentReference.status") },
                new Parameters.ParameterComponent { Name = "value", Value = new Code("superseded") },
            ],
        });
        return parameters;
    }

    private static string CodeOf(byte[] body) => Iti65Bundles.Parse<OperationOutcome>(body).Issue[0].Details!.Coding[0].Code!;
}
