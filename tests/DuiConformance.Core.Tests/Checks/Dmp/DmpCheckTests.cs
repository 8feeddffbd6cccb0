using System.Security.Cryptography;
using System.Text;
using DuiConformance.Core.Checks.Fhir;
using DuiConformance.Core.Evidence;
using DuiConformance.Core.Outcomes;

namespace DuiConformance.Core.Tests.Checks.Dmp;

/// <summary>The DMP checks beyond ITI-65 structure over synthetic recorded exchanges (domain.md §8.3 DMP-09, §8.4 PDSM-09..11).</summary>
public sealed class DmpCheckTests
{
    private const string Ins = "255072A00412353";
    private const string InsSystem = "urn:oid:1.2.250.1.213.1.4.8";

    [TestCase("/DocumentReference?patient.identifier=urn%3Aoid%3A1.2.250.1.213.1.4.8%7C255072A00412353&status=current", Outcome.Pass)]
    [TestCase("/DocumentReference?patient=Patient/1&status=current,superseded", Outcome.Pass)]
    [TestCase("/DocumentReference?patient.identifier=urn:oid:1.2.250.1.213.1.4.8|255072A00412353", Outcome.Fail)]
    [TestCase("/DocumentReference?status=current", Outcome.Fail)]
    [TestCase("/DocumentReference?patient=&status=current", Outcome.Fail)]
    public void Iti67_queries_need_patient_and_status(string path, Outcome expected)
    {
        var evidence = EvidenceSet.Of(Request("q", "GET", path, "ITI-67", [], 0));

        var result = new Iti67SearchCriteriaCheck().Evaluate(evidence);

        result.Outcome.ShouldBe(expected);
        if (expected == Outcome.Fail)
        {
            result.Findings.ShouldAllBe(finding => finding.Code == "FHIR-5965");
        }
    }

    [Test]
    public void No_iti67_query_is_a_skip()
    {
        new Iti67SearchCriteriaCheck().Evaluate(EvidenceSet.Of()).Outcome.ShouldBe(Outcome.Skip);
    }

    [TestCase("/DocumentReference?identifier=urn:ietf:rfc:3986|urn:oid:1.2.3", """[{"op":"add","path":"/securityLabel/-","value":{"coding":[{"code":"MASQUE_PS"}]}}]""", null)]
    [TestCase("/DocumentReference?identifier=urn:ietf:rfc:3986|urn:oid:1.2.3", """[{"op":"test","path":"/date","value":"x"},{"op":"replace","path":"/status","value":"entered-in-error"}]""", null)]
    [TestCase("/DocumentReference?identifier=urn:ietf:rfc:3986|urn:oid:1.2.3", """[{"op":"add","path":"/securityLabel/-","value":{}},{"op":"replace","path":"/date","value":"2026-01-01"}]""", "FHIR-5967")]
    [TestCase("/DocumentReference/abc", """[{"op":"replace","path":"/status","value":"superseded"}]""", "FHIR-5966")]
    [TestCase("/DocumentReference?identifier=urn:ietf:rfc:3986|urn:oid:1.2.3", """{"resourceType":"Parameters","parameter":[{"name":"operation","part":[{"name":"type","valueCode":"add"},{"name":"path","valueString":"DocumentReference"},{"name":"name","valueString":"description"},{"name":"value","valueString":"x"}]}]}""", "FHIR-5967")]
    [TestCase("/DocumentReference?identifier=urn:ietf:rfc:3986|urn:oid:1.2.3", """{"resourceType":"Parameters","parameter":[{"name":"operation","part":[{"name":"type","valueCode":"replace"},{"name":"path","valueString":"DocumentReference.status"},{"name":"value","valueCode":"superseded"}]}]}""", null)]
    [TestCase("/DocumentReference?identifier=urn:ietf:rfc:3986|urn:oid:1.2.3", "{not json", "FHIR-5967")]
    public void Metadata_patch_is_conditional_and_limited(string path, string body, string? code)
    {
        var evidence = EvidenceSet.Of(Request("p", "PATCH", path, "update-metadata", Encoding.UTF8.GetBytes(body), 0));

        var result = new MetadataPatchCheck().Evaluate(evidence);

        result.Outcome.ShouldBe(code is null ? Outcome.Pass : Outcome.Fail);
        result.Findings.Select(finding => finding.Code).Distinct().ShouldBe(code is null ? [] : [code]);
    }

    [TestCase(true, true, Outcome.Pass)]
    [TestCase(false, true, Outcome.Fail)]
    [TestCase(true, false, Outcome.Pass)]
    public void A_new_cda_version_needs_relates_to_replaces(bool relatesTo, bool newVersion, Outcome expected)
    {
        var cda = newVersion
            ? "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><versionNumber value=\"2\"/><relatedDocument typeCode=\"RPLC\"><parentDocument><id root=\"1.2.3.4\"/></parentDocument></relatedDocument></ClinicalDocument>"
            : "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><versionNumber value=\"1\"/></ClinicalDocument>";
        var relation = relatesTo ? ""","relatesTo":[{"code":"replaces","target":{"identifier":{"system":"urn:ietf:rfc:3986","value":"urn:oid:1.2.3.4"}}}]""" : "";
        var evidence = EvidenceSet.Of(Request("b", "POST", "/", "ITI-65", Bundle(cda, relation, Ins), 0));

        var result = new ReplacementCheck().Evaluate(evidence);

        result.Outcome.ShouldBe(!relatesTo && !newVersion ? Outcome.Skip : expected);
        result.Findings.ShouldAllBe(finding => finding.Code == "FHIR-5968");
    }

    [Test]
    public void Relates_to_replaces_without_target_fails()
    {
        var evidence = EvidenceSet.Of(Request("b", "POST", "/", "ITI-65", Bundle("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>", ""","relatesTo":[{"code":"replaces"}]""", Ins), 0));

        new ReplacementCheck().Evaluate(evidence).Outcome.ShouldBe(Outcome.Fail);
    }

    [TestCase(null, Outcome.Fail)]
    [TestCase("""{"resourceType":"Bundle","type":"searchset","total":0}""", Outcome.Fail)]
    [TestCase("""{"resourceType":"Bundle","type":"searchset","total":1,"entry":[{"resource":{"resourceType":"Patient","active":false}}]}""", Outcome.Fail)]
    [TestCase("""{"resourceType":"Bundle","type":"searchset","total":1,"entry":[{"resource":{"resourceType":"Patient","active":true,"extension":[{"url":"https://interop.esante.gouv.fr/ig/fhir/pdsm4dmp/StructureDefinition/dmp-opposition-alimentation","valueBoolean":true}]}}]}""", Outcome.Fail)]
    [TestCase("""{"resourceType":"Bundle","type":"searchset","total":1,"entry":[{"resource":{"resourceType":"Patient","active":true}}]}""", Outcome.Pass)]
    public void Feeding_needs_an_earlier_status_query_showing_an_open_dmp(string? answer, Outcome expected)
    {
        var items = new List<(EvidenceItem, byte[])>();
        if (answer is not null)
        {
            items.Add(Request("q", "GET", $"/Patient?identifier={InsSystem}|{Ins}", "TD0.2", [], 0));
            items.Add(Response("r", "q", "200", Encoding.UTF8.GetBytes(answer), 1));
        }

        items.Add(Request("b", "POST", "/", "ITI-65", Bundle("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>", "", Ins), 2));

        var result = new DmpFeedingStatusCheck().Evaluate(EvidenceSet.Of([.. items]));

        result.Outcome.ShouldBe(expected);
        result.Findings.ShouldAllBe(finding => finding.Code == "FHIR-5969");
    }

    [Test]
    public void A_closed_dmp_left_unfed_passes()
    {
        var evidence = EvidenceSet.Of(
            Request("q", "GET", $"/Patient?identifier={InsSystem}|{Ins}", "TD0.2", [], 0),
            Response("r", "q", "200", """{"resourceType":"Bundle","type":"searchset","total":0}"""u8.ToArray(), 1));

        new DmpFeedingStatusCheck().Evaluate(evidence).Outcome.ShouldBe(Outcome.Pass);
    }

    private static byte[] Bundle(string cda, string relation, string ins)
    {
        var data = Convert.ToBase64String(Encoding.UTF8.GetBytes(cda));
        return Encoding.UTF8.GetBytes($$$"""
            {"resourceType":"Bundle","type":"transaction","entry":[
              {"fullUrl":"urn:uuid:00000000-0000-4000-8000-000000000002","resource":{"resourceType":"DocumentReference","status":"current"{{{relation}}},
                "content":[{"attachment":{"contentType":"text/xml","url":"urn:uuid:00000000-0000-4000-8000-000000000003"}}]},"request":{"method":"POST","url":"DocumentReference"}},
              {"fullUrl":"urn:uuid:00000000-0000-4000-8000-000000000003","resource":{"resourceType":"Binary","contentType":"text/xml","data":"{{{data}}}"},"request":{"method":"POST","url":"Binary"}},
              {"fullUrl":"urn:uuid:00000000-0000-4000-8000-000000000004","resource":{"resourceType":"Patient","identifier":[{"system":"{{{InsSystem}}}","value":"{{{ins}}}"}]},"request":{"method":"POST","url":"Patient"}}]}
            """);
    }

    private static (EvidenceItem, byte[]) Request(string id, string method, string path, string interaction, byte[] body, int second) =>
        (Item(id, EvidenceKinds.FhirRequest, body, second, new Dictionary<string, string>
        {
            [FhirProperties.Method] = method,
            [FhirProperties.Path] = path,
            [FhirProperties.Interaction] = interaction,
        }), body);

    private static (EvidenceItem, byte[]) Response(string id, string related, string status, byte[] body, int second) =>
        (Item(id, EvidenceKinds.FhirResponse, body, second, new Dictionary<string, string>
        {
            [FhirProperties.Status] = status,
            [FhirProperties.Related] = related,
        }), body);

    private static EvidenceItem Item(string id, string kind, byte[] content, int second, IReadOnlyDictionary<string, string> properties) =>
        new(id, kind, EvidenceTags.Untagged("test"), Convert.ToHexStringLower(SHA256.HashData(content)), id, "application/fhir+json",
            content.LongLength, DateTimeOffset.UnixEpoch.AddSeconds(second), properties);
}
