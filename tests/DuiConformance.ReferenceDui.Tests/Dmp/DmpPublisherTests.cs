// Note: Firely POCOs annotate nearly every element as nullable; these assertions fail loudly on null anyway.
#nullable disable warnings
using System.Net;
using System.Text.Json.Nodes;
using DuiConformance.ReferenceDui.Dmp;

namespace DuiConformance.ReferenceDui.Tests.Dmp;

[Description("PDSm answers (domain.md §3.4): a refusal shows its OperationOutcome (PDSM-07); ITI-105 simplified publish (PDSM-08).")]
public class DmpPublisherTests
{
    private const string Base = "http://127.0.0.1:9/fhir";
    private const string Refusal = """
        {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"business-rule",
          "details":{"coding":[{"system":"urn:dui-conformance:dmp-refusal","code":"DMP-AUTEUR-INCONNU"}],"text":"L'auteur n'est pas connu du RPPS."},
          "diagnostics":"L'auteur n'est pas connu du RPPS."}]}
        """;

    [Test]
    public async Task A_refused_iti65_is_not_published_and_says_the_diagnostics()
    {
        var handler = new StubFhirHandler(_ => (HttpStatusCode.UnprocessableEntity, Refusal));

        var outcome = await Publisher(handler).PublishAsync(TestData.QualifiedUsager(), Document(), CancellationToken.None);

        outcome.Succeeded.ShouldBeFalse();
        outcome.HttpStatus.ShouldBe(422);
        outcome.Message.ShouldContain("L'auteur n'est pas connu du RPPS.");
    }

    [Test]
    public async Task A_transaction_response_entry_not_201_is_a_refusal_with_its_outcome()
    {
        var answer = $$$"""
            {"resourceType":"Bundle","type":"transaction-response","entry":[
              {"response":{"status":"201 Created"}},{"response":{"status":"422 Unprocessable Entity","outcome":{{{Refusal}}}}},
              {"response":{"status":"201 Created"}},{"response":{"status":"201 Created"}}]}
            """;
        var handler = new StubFhirHandler(_ => (HttpStatusCode.OK, answer));

        var outcome = await Publisher(handler).PublishAsync(TestData.QualifiedUsager(), Document(), CancellationToken.None);

        outcome.Succeeded.ShouldBeFalse();
        outcome.Message.ShouldContain("l'entrée 2");
        outcome.Message.ShouldContain("L'auteur n'est pas connu du RPPS.");
    }

    [Test]
    public async Task Simplified_publish_posts_one_document_reference_with_the_cda_inline_and_no_url()
    {
        var handler = new StubFhirHandler(_ => (HttpStatusCode.Created, """{"resourceType":"DocumentReference","id":"d-1","status":"current"}"""));
        var document = Document();

        var outcome = await Publisher(handler).PublishSimplifiedAsync(TestData.QualifiedUsager(), document, CancellationToken.None);

        outcome.Succeeded.ShouldBeTrue(outcome.Message);
        outcome.Message.ShouldStartWith(DmpPublisher.SimplifiedSuccessMessage);
        var request = handler.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe(HttpMethod.Post);
        request.Url.ShouldBe(Base + "/DocumentReference");
        var json = JsonNode.Parse(request.Body)!;
        json["resourceType"]!.GetValue<string>().ShouldBe("DocumentReference");
        json["status"]!.GetValue<string>().ShouldBe("current");
        var attachment = json["content"]![0]!["attachment"]!;
        Convert.FromBase64String(attachment["data"]!.GetValue<string>()).ShouldBe(document.CdaBytes);
        attachment["url"].ShouldBeNull();
        json["subject"]!["reference"]!.GetValue<string>().ShouldBe("#source-patient");
    }

    [Test]
    public void The_defect_iti105_with_url_keeps_an_attachment_url_next_to_the_data()
    {
        var document = Document();
        var organisation = TestData.Organisation(ReferenceDuiDefects.Iti105WithUrl);

        var attachment = new ProvideDocumentBundleBuilder(organisation).BuildSimplified(TestData.QualifiedUsager(), document, TestData.Now, ProvideDocumentBundleBuilder.Identifiers.New()).Content[0].Attachment;

        attachment.Url.ShouldStartWith("urn:uuid:");
        attachment.Data.ShouldBe(document.CdaBytes);
    }

    [Test]
    public async Task A_refused_simplified_publish_says_the_diagnostics()
    {
        var handler = new StubFhirHandler(_ => (HttpStatusCode.UnprocessableEntity, Refusal));

        var outcome = await Publisher(handler).PublishSimplifiedAsync(TestData.QualifiedUsager(), Document(), CancellationToken.None);

        outcome.Succeeded.ShouldBeFalse();
        outcome.Message.ShouldContain("L'auteur n'est pas connu du RPPS.");
    }

    private static DmpPublisher Publisher(StubFhirHandler handler) =>
        new(new HttpClient(handler), Base, new ProvideDocumentBundleBuilder(TestData.Organisation()), TimeProvider.System);

    private static Storage.StoredDocument Document() => TestData.Document(TestData.QualifiedUsager(), TestData.Organisation());
}
