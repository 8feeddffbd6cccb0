using System.Security.Cryptography;
using System.Text;
using DuiConformance.Core.Checks.Fhir;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Outcomes;

namespace DuiConformance.Core.Tests.Checks.Dmp;

/// <summary>A DMP refusal shown to the user (PDSM-07) and ITI-105 simplified publish (PDSM-08), over synthetic exchanges.</summary>
public sealed class PdsmCheckTests
{
    private const string Diagnostics = "Le DMP refuse le document : l'auteur n'est pas connu du RPPS.";

    private static readonly byte[] Refusal = Encoding.UTF8.GetBytes($$"""
        {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"business-rule",
          "details":{"coding":[{"system":"urn:dui-conformance:dmp-refusal","code":"DMP-AUTEUR-INCONNU"}],"text":"{{Diagnostics}}"},
          "diagnostics":"{{Diagnostics}}"}]}
        """);

    [TestCase("Échec de la publication au DMP (HTTP 422) : error : Le DMP refuse le document : l'auteur   n'est pas connu du RPPS.", Outcome.Pass)]
    [TestCase("Refus du DMP, code DMP-AUTEUR-INCONNU.", Outcome.Pass)]
    [TestCase("Document publié au DMP", Outcome.Fail)]
    [TestCase("Partages du document", Outcome.Fail)]
    public void A_refused_submission_must_show_the_diagnostics_or_the_code(string shown, Outcome expected)
    {
        var evidence = EvidenceSet.Of(
            Request("r", "ITI-65", [0x7b, 0x7d], 0),
            Response("a", "r", "422", Refusal, 1),
            Screen("u", shown, 2));

        var result = new DmpErrorSurfacedCheck().Evaluate(evidence);

        result.Outcome.ShouldBe(expected);
        result.Findings.Select(finding => finding.Code).ShouldBe(expected == Outcome.Fail ? ["FHIR-5600"] : []);
        result.EvidenceIds.ShouldBe(["r", "a", "u"]);
    }

    [Test]
    public void A_transaction_response_entry_that_is_not_2xx_is_a_refusal_judged_entry_by_entry()
    {
        var answer = Encoding.UTF8.GetBytes($$$"""
            {"resourceType":"Bundle","type":"transaction-response","entry":[
              {"response":{"status":"201 Created"}},
              {"response":{"status":"422 Unprocessable Entity","outcome":{{{Encoding.UTF8.GetString(Refusal)}}}}}]}
            """);
        var evidence = EvidenceSet.Of(Request("r", "ITI-65", [0x7b, 0x7d], 0), Response("a", "r", "200", answer, 1), Screen("u", "Document publié au DMP", 2));

        var result = new DmpErrorSurfacedCheck().Evaluate(evidence);

        result.Outcome.ShouldBe(Outcome.Fail);
        result.Findings.Single().Message.ShouldContain("DMP-AUTEUR-INCONNU");
    }

    [Test]
    public void The_screen_recorded_before_the_refusal_is_not_the_one_judged()
    {
        var evidence = EvidenceSet.Of(Screen("old", Diagnostics, 0), Request("r", "ITI-105", [0x7b, 0x7d], 1), Response("a", "r", "422", Refusal, 2), Screen("u", "Document publié au DMP", 3));

        new DmpErrorSurfacedCheck().Evaluate(evidence).Outcome.ShouldBe(Outcome.Fail);
    }

    [Test]
    public void An_accepted_submission_or_a_refusal_without_any_screen_is_a_skip()
    {
        var accepted = EvidenceSet.Of(Request("r", "ITI-65", [0x7b, 0x7d], 0), Response("a", "r", "200", Encoding.UTF8.GetBytes("""{"resourceType":"Bundle","type":"transaction-response","entry":[{"response":{"status":"201 Created"}}]}"""), 1), Screen("u", "ok", 2));
        var unseen = EvidenceSet.Of(Request("r", "ITI-65", [0x7b, 0x7d], 0), Response("a", "r", "422", Refusal, 1));

        var check = new DmpErrorSurfacedCheck();

        check.Evaluate(accepted).Outcome.ShouldBe(Outcome.Skip);
        var result = check.Evaluate(unseen);
        result.Outcome.ShouldBe(Outcome.Skip);
        result.Reason.ShouldNotBeNull().ShouldContain("aucun texte d'interface");
    }

    [Test]
    public void A_conforming_iti105_publication_answered_201_passes()
    {
        var evidence = EvidenceSet.Of(
            Request("p", "ITI-105", Simplified(Cda), 0),
            Response("a", "p", "201", Encoding.UTF8.GetBytes("""{"resourceType":"DocumentReference","id":"d-1","status":"current","content":[{"attachment":{"url":"Binary/b-1"}}]}"""), 1));

        var result = new Iti105SimplifiedPublishCheck().Evaluate(evidence);

        result.Outcome.ShouldBe(Outcome.Pass, string.Join("; ", result.Findings.Select(finding => finding.Message)));
        result.EvidenceIds.ShouldBe(["p", "a"]);
    }

    [TestCase("url", "FHIR-5612")]
    [TestCase("no-data", "FHIR-5612")]
    [TestCase("status", "FHIR-5611")]
    [TestCase("hash", "FHIR-5613")]
    [TestCase("size", "FHIR-5613")]
    [TestCase("no-custodian", "FHIR-5614")]
    [TestCase("language", "FHIR-5614")]
    public void An_iti105_publication_breaking_a_rule_fails_with_its_code(string defect, string code)
    {
        var evidence = EvidenceSet.Of(Request("p", "ITI-105", Simplified(Cda, defect), 0));

        var result = new Iti105SimplifiedPublishCheck().Evaluate(evidence);

        result.Outcome.ShouldBe(Outcome.Fail);
        result.Findings.Select(finding => finding.Code).Distinct().ShouldBe([code]);
        result.Findings.ShouldAllBe(finding => finding.Location.Path == null || finding.Location.Path.StartsWith("DocumentReference", StringComparison.Ordinal));
    }

    [Test]
    public void An_iti105_body_that_is_not_a_document_reference_and_a_201_without_id_fail()
    {
        var wrong = new Iti105SimplifiedPublishCheck().Evaluate(EvidenceSet.Of(Request("p", "ITI-105", Encoding.UTF8.GetBytes("""{"resourceType":"Binary","contentType":"text/xml"}"""), 0)));
        var noId = new Iti105SimplifiedPublishCheck().Evaluate(EvidenceSet.Of(
            Request("p", "ITI-105", Simplified(Cda), 0),
            Response("a", "p", "201", Encoding.UTF8.GetBytes("""{"resourceType":"OperationOutcome"}"""), 1)));

        wrong.Findings.Select(finding => finding.Code).ShouldBe(["FHIR-5610"]);
        noId.Findings.Select(finding => finding.Code).ShouldBe(["FHIR-5615"]);
    }

    [Test]
    public void No_iti105_request_is_a_skip()
    {
        new Iti105SimplifiedPublishCheck().Evaluate(EvidenceSet.Of(Request("r", "ITI-65", [0x7b, 0x7d], 0))).Outcome.ShouldBe(Outcome.Skip);
    }

    private static readonly byte[] Cda = Encoding.UTF8.GetBytes("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>");

    private static byte[] Simplified(byte[] document, string? defect = null)
    {
        var hash = Convert.ToBase64String(SHA1.HashData(defect == "hash" ? [.. document, 0x20] : document));
        var size = defect == "size" ? document.Length + 1 : document.Length;
        var data = defect == "no-data" ? "" : $"\"data\":\"{Convert.ToBase64String(document)}\",";
        var url = defect == "url" ? "\"url\":\"Binary/1\"," : "";
        var status = defect == "status" ? "superseded" : "current";
        var custodian = defect == "no-custodian" ? "" : "\"custodian\":{\"reference\":\"#custodian\"},";
        var language = defect == "language" ? "en" : "fr-FR";
        return Encoding.UTF8.GetBytes($$$"""
            {"resourceType":"DocumentReference",
             "contained":[{"resourceType":"Practitioner","id":"author"},{"resourceType":"Organization","id":"custodian"}],
             "masterIdentifier":{"system":"urn:ietf:rfc:3986","value":"urn:oid:1.2.250.1.999.1"},
             "status":"{{{status}}}",
             "type":{"coding":[{"system":"http://loinc.org","code":"74207-2"}]},
             "category":[{"coding":[{"code":"SYNTH"}]}],
             "subject":{"identifier":{"system":"urn:oid:1.2.250.1.213.1.4.8","value":"255072A00412353"}},
             "date":"2026-01-01T10:00:00+01:00",
             "author":[{"reference":"#author"}],
             {{{custodian}}}
             "content":[{"attachment":{"contentType":"text/xml","language":"{{{language}}}",{{{data}}}{{{url}}}"size":{{{size}}},"hash":"{{{hash}}}","title":"DLU"}}]}
            """);
    }

    private static (EvidenceItem, byte[]) Request(string id, string interaction, byte[] body, int second) =>
        (Item(id, EvidenceKinds.FhirRequest, body, second, new Dictionary<string, string>
        {
            [FhirProperties.Method] = "POST",
            [FhirProperties.Path] = interaction == "ITI-105" ? "/DocumentReference" : "/",
            [FhirProperties.Interaction] = interaction,
        }), body);

    private static (EvidenceItem, byte[]) Response(string id, string related, string status, byte[] body, int second) =>
        (Item(id, EvidenceKinds.FhirResponse, body, second, new Dictionary<string, string>
        {
            [FhirProperties.Status] = status,
            [FhirProperties.Related] = related,
        }), body);

    private static (EvidenceItem, byte[]) Screen(string id, string text, int second)
    {
        var content = Encoding.UTF8.GetBytes(text);
        return (Item(id, EvidenceKinds.UiText, content, second, new Dictionary<string, string> { ["action"] = "attempt-publish-dmp", ["driver"] = "test" }), content);
    }

    private static EvidenceItem Item(string id, string kind, byte[] content, int second, IReadOnlyDictionary<string, string> properties) =>
        new(id, kind, EvidenceTags.Untagged("test"), Convert.ToHexStringLower(SHA256.HashData(content)), id, "application/fhir+json",
            content.LongLength, DateTimeOffset.UnixEpoch.AddSeconds(second), properties);
}
