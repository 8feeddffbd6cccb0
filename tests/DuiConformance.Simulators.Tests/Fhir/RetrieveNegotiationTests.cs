using System.Net;
using DuiConformance.Simulators.Fhir;
using DuiConformance.Simulators.Tests.Support;
using Hl7.Fhir.Model;
using Choice = DuiConformance.Simulators.Fhir.RetrieveNegotiation.Choice;

namespace DuiConformance.Simulators.Tests.Fhir;

/// <summary>ITI-68 content negotiation (FHIR R4 §3.1.0.1.10, PDSm st_consultation.md).</summary>
public sealed class RetrieveNegotiationTests
{
    [TestCase(null, null, "Document")]
    [TestCase(null, "", "Document")]
    [TestCase(null, "*/*", "Document")]
    [TestCase(null, "text/*", "Document")]
    [TestCase(null, "text/xml", "Document")]
    [TestCase(null, "TEXT/XML; charset=utf-8", "Document")]
    [TestCase(null, "application/fhir+json", "FhirResource")]
    [TestCase(null, "application/json+fhir", "FhirResource")]
    [TestCase(null, "application/fhir+json;q=0.9, text/xml", "Document")]
    [TestCase(null, "text/xml;q=0.5, application/fhir+json", "FhirResource")]
    [TestCase(null, "text/xml;q=0, application/fhir+json;q=0.1", "FhirResource")]
    [TestCase(null, "application/pdf", "NotAcceptable")]
    [TestCase(null, "application/fhir+xml", "NotAcceptable")]
    [TestCase(null, "text/xml;q=0", "NotAcceptable")]
    [TestCase("json", "application/pdf", "FhirResource")]
    public void Accept_and_format_choose_what_is_sent(string? format, string? accept, string expected) =>
        RetrieveNegotiation.Choose(format, accept, "text/xml").ShouldBe(Enum.Parse<Choice>(expected));

    [Test, Category("Network")]
    public async System.Threading.Tasks.Task Unacceptable_media_type_gets_406_with_fhir_5928()
    {
        using var evidence = new TemporaryEvidence();
        await using var simulator = await FhirSimulator.StartAsync(new FhirSimulatorOptions(), evidence.Store).WithTimeout("FHIR start");
        using var http = new HttpClient { Timeout = TaskTimeouts.Network };
        var cda = "<ClinicalDocument/>"u8.ToArray();
        using (var provide = await http.PostAsync(simulator.BaseAddress, Iti65Bundles.Content(Iti65Bundles.Provide("255069999999942", "74207-2", DateTimeOffset.UtcNow, cda))).WithTimeout("ITI-65"))
        {
            provide.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var binary = simulator.Documents.All.OfType<Binary>().Single();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(simulator.BaseAddress + "/Binary/" + binary.Id));
        request.Headers.Accept.ParseAdd("application/pdf");
        using var wildcard = new HttpRequestMessage(HttpMethod.Get, new Uri(simulator.BaseAddress + "/Binary/" + binary.Id));
        wildcard.Headers.Accept.ParseAdd("*/*");

        using var refused = await http.SendAsync(request).WithTimeout("ITI-68 pdf");
        using var accepted = await http.SendAsync(wildcard).WithTimeout("ITI-68 */*");

        refused.StatusCode.ShouldBe(HttpStatusCode.NotAcceptable);
        var issue = Iti65Bundles.Parse<OperationOutcome>(await refused.Content.ReadAsByteArrayAsync()).Issue.ShouldHaveSingleItem();
        issue.Details!.Coding[0].Code.ShouldBe("FHIR-5928");
        issue.Expression.ShouldBe(["Binary.contentType"]);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await accepted.Content.ReadAsByteArrayAsync()).ShouldBe(cda);
    }
}
