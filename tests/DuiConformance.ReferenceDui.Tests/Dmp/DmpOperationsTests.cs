// Note: Firely POCOs annotate nearly every element as nullable; these assertions fail loudly on null anyway.
#nullable disable warnings
using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using DuiConformance.ReferenceDui.Cda;
using DuiConformance.ReferenceDui.Dmp;
using DuiConformance.ReferenceDui.Storage;
using Hl7.Fhir.Model;

namespace DuiConformance.ReferenceDui.Tests.Dmp;

[Description("DMP beyond the first publication (domain.md §3.4–3.6): status by INS, replacement, masking, search and retrieval.")]
public class DmpOperationsTests
{
    private const string Base = "http://127.0.0.1:9/fhir";
    private const string Opposition = DmpStatusChecker.OppositionExtension;

    [TestCase("""{"resourceType":"Bundle","type":"searchset","total":0}""", false, "n'a pas de DMP")]
    [TestCase("""{"resourceType":"Bundle","type":"searchset","total":1,"entry":[{"resource":{"resourceType":"Patient","active":false}}]}""", false, "est fermé")]
    [TestCase($$$"""{"resourceType":"Bundle","type":"searchset","total":1,"entry":[{"resource":{"resourceType":"Patient","active":true,"extension":[{"url":"{{{Opposition}}}","valueBoolean":true}]}}]}""", false, "opposé")]
    [TestCase("""{"resourceType":"Bundle","type":"searchset","total":1,"entry":[{"resource":{"resourceType":"Patient","active":true}}]}""", true, "")]
    public async System.Threading.Tasks.Task The_dmp_status_by_ins_decides_whether_to_feed(string answer, bool mayFeed, string message)
    {
        var handler = new StubFhirHandler(_ => (HttpStatusCode.OK, answer));
        var checker = new DmpStatusChecker(new DmpHttp(new HttpClient(handler), Base, null), TestData.Organisation());

        var verdict = await checker.CheckAsync(TestData.QualifiedUsager(), CancellationToken.None);

        verdict.MayFeed.ShouldBe(mayFeed);
        verdict.Message.ShouldContain(message);
        handler.Requests.ShouldHaveSingleItem().Url.ShouldStartWith(Base + "/Patient?identifier=urn%3Aoid%3A1.2.250.1.213.1.4.");
    }

    [Test]
    public async System.Threading.Tasks.Task The_status_defects_skip_the_question_or_ignore_the_opposition()
    {
        var opposed = $$$"""{"resourceType":"Bundle","type":"searchset","total":1,"entry":[{"resource":{"resourceType":"Patient","active":true,"extension":[{"url":"{{{Opposition}}}","valueBoolean":true}]}}]}""";
        var handler = new StubFhirHandler(_ => (HttpStatusCode.OK, opposed));
        var http = new DmpHttp(new HttpClient(handler), Base, null);

        (await new DmpStatusChecker(http, TestData.Organisation(ReferenceDuiDefects.PublishesToClosedDmp)).CheckAsync(TestData.QualifiedUsager(), CancellationToken.None)).MayFeed.ShouldBeTrue();
        handler.Requests.ShouldBeEmpty();
        (await new DmpStatusChecker(http, TestData.Organisation(ReferenceDuiDefects.FeedsDespiteOpposition)).CheckAsync(TestData.QualifiedUsager(), CancellationToken.None)).MayFeed.ShouldBeTrue();
        handler.Requests.Count.ShouldBe(1);
    }

    [TestCase(false)]
    [TestCase(true)]
    public void A_new_version_carries_relates_to_replaces_unless_the_defect_is_on(bool defect)
    {
        var organisation = defect ? TestData.Organisation(ReferenceDuiDefects.ReplacementWithoutRelatesTo) : TestData.Organisation();
        var usager = TestData.QualifiedUsager();
        var previous = TestData.Document(usager, organisation);
        var cda = new DluDocumentBuilder(organisation).Build(usager, new DluDocumentBuilder.Request("2.25.9999", previous.SetIdOid, 2, TestData.Now, previous.DocumentOid));
        var next = StoredDocument.From(cda, usager.Id, TestData.Now);

        var bundle = new ProvideDocumentBundleBuilder(organisation).Build(usager, next, TestData.Now, ProvideDocumentBundleBuilder.Identifiers.New(), previous);

        var relations = bundle.Entry.Select(e => e.Resource).OfType<DocumentReference>().Single().RelatesTo;
        if (defect)
        {
            relations.ShouldBeEmpty();
        }
        else
        {
            relations.ShouldHaveSingleItem().Code.ShouldBe(DocumentRelationshipType.Replaces);
            relations[0].Target.Identifier.Value.ShouldBe("urn:oid:" + previous.DocumentOid);
        }

        XNamespace v3 = "urn:hl7-org:v3";
        var root = XDocument.Parse(System.Text.Encoding.UTF8.GetString(cda.Bytes)).Root;
        root.Element(v3 + "setId").Attribute("root").Value.ShouldBe(previous.SetIdOid);
        root.Element(v3 + "versionNumber").Attribute("value").Value.ShouldBe("2");
        var related = root.Element(v3 + "relatedDocument");
        related.Attribute("typeCode").Value.ShouldBe("RPLC");
        related.Element(v3 + "parentDocument").Element(v3 + "id").Attribute("root").Value.ShouldBe(previous.DocumentOid);
    }

    [TestCase(false, new[] { "/securityLabel/-" })]
    [TestCase(true, new[] { "/securityLabel/-", "/date" })]
    public async System.Threading.Tasks.Task Masking_is_a_conditional_json_patch_of_security_label(bool defect, string[] paths)
    {
        var handler = new StubFhirHandler(_ => (HttpStatusCode.OK, """{"resourceType":"DocumentReference","status":"current"}"""));
        var organisation = defect ? TestData.Organisation(ReferenceDuiDefects.PatchTouchesOtherElements) : TestData.Organisation();
        var updater = new DmpVisibilityUpdater(new DmpHttp(new HttpClient(handler), Base, null), organisation, TimeProvider.System);
        var document = TestData.Document(TestData.QualifiedUsager(), organisation);

        var outcome = await updater.MaskAsync(document, "MASQUE_PS", "Masqué aux professionnels de santé", CancellationToken.None);

        outcome.Succeeded.ShouldBeTrue();
        var request = handler.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe(HttpMethod.Patch);
        Uri.UnescapeDataString(request.Url).ShouldBe(Base + "/DocumentReference?identifier=urn:ietf:rfc:3986|urn:oid:" + document.DocumentOid);
        request.ContentType.ShouldBe("application/json-patch+json");
        JsonNode.Parse(request.Body)!.AsArray().Select(op => op!["path"]!.GetValue<string>()).ShouldBe(paths);
    }

    [Test]
    public async System.Threading.Tasks.Task A_refused_masking_shows_the_operation_outcome()
    {
        var handler = new StubFhirHandler(_ => (HttpStatusCode.UnprocessableEntity,
            """{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"business-rule","diagnostics":"Ce document est déjà visible par le patient"}]}"""));
        var updater = new DmpVisibilityUpdater(new DmpHttp(new HttpClient(handler), Base, null), TestData.Organisation(), TimeProvider.System);

        var outcome = await updater.MaskAsync(TestData.Document(TestData.QualifiedUsager()), "INVISIBLE_PATIENT", "Non visible par le patient", CancellationToken.None);

        outcome.ShouldSatisfyAllConditions(
            () => outcome.Succeeded.ShouldBeFalse(),
            () => outcome.HttpStatus.ShouldBe(422),
            () => outcome.Message.ShouldContain("déjà visible par le patient"));
    }

    [Test]
    public async System.Threading.Tasks.Task Search_asks_patient_identifier_and_status_then_retrieves_each_document()
    {
        var content = "<ClinicalDocument/>"u8.ToArray();
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA1.HashData(content));
        var handler = new StubFhirHandler(request => request.RequestUri!.AbsolutePath.EndsWith("/Binary/b1", StringComparison.Ordinal)
            ? (HttpStatusCode.OK, "<ClinicalDocument/>")
            : (HttpStatusCode.OK, $$$"""{"resourceType":"Bundle","type":"searchset","total":1,"entry":[{"resource":{"resourceType":"DocumentReference","status":"current","masterIdentifier":{"value":"urn:oid:2.25.1"},"content":[{"attachment":{"contentType":"text/xml","url":"Binary/b1","hash":"{{{hash}}}","title":"DLU"}}]}}]}"""));
        var search = new DmpDocumentSearch(new DmpHttp(new HttpClient(handler), Base, null), TestData.Organisation());

        var result = await search.SearchAsync(TestData.QualifiedUsager(), CancellationToken.None);

        result.Error.ShouldBeNull();
        result.Documents.ShouldHaveSingleItem().Retrieval.ShouldContain("empreinte conforme");
        handler.Requests[0].Url.ShouldContain("patient.identifier=");
        handler.Requests[0].Url.ShouldEndWith("&status=current");
        handler.Requests[1].Url.ShouldBe(Base + "/Binary/b1");
    }

    [Test]
    public async System.Threading.Tasks.Task An_attachment_url_outside_the_dmp_is_not_fetched_so_the_token_never_leaves()
    {
        var handler = new StubFhirHandler(_ => (HttpStatusCode.OK,
            """{"resourceType":"Bundle","type":"searchset","total":1,"entry":[{"resource":{"resourceType":"DocumentReference","status":"current","content":[{"attachment":{"contentType":"text/xml","url":"http://203.0.113.7/vol"}}]}}]}"""));
        var search = new DmpDocumentSearch(new DmpHttp(new HttpClient(handler), Base, null), TestData.Organisation());

        var result = await search.SearchAsync(TestData.QualifiedUsager(), CancellationToken.None);

        result.Documents.ShouldHaveSingleItem().Retrieval.ShouldContain("hors du DMP");
        handler.Requests.Count.ShouldBe(1);
    }
}
