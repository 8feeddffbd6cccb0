using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DuiConformance.SecondSut;

/// <summary>
/// Publishes a letter to the DMP: a Pro Santé Connect token (password grant), then an ITI-65 transaction bundle
/// (SubmissionSet List, DocumentReference, Binary, Patient) written as JSON by hand and POSTed to the FHIR base.
/// </summary>
public static class DmpSender
{
    public static async Task<Outcome> PublishAsync(Links links, Resident resident, Letter letter, CancellationToken ct)
    {
        if (links.FhirBase is null)
        {
            return Outcome.Fail("DMP non configuré");
        }

        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };
        if (links.TokenEndpoint is not null)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "password",
                ["client_id"] = links.ClientId,
                ["client_secret"] = links.ClientSecret,
                ["username"] = links.Username,
                ["password"] = links.Password,
                ["scope"] = "openid",
            });
            using var tokenResponse = await http.PostAsync(new Uri(links.TokenEndpoint), form, ct);
            if (!tokenResponse.IsSuccessStatusCode)
            {
                return Outcome.Fail($"Pro Santé Connect refuse le jeton (HTTP {(int)tokenResponse.StatusCode})");
            }

            using var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync(ct));
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("access_token").GetString());
        }

        var body = Encoding.UTF8.GetBytes(Bundle(resident, letter).ToJsonString());
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/fhir+json; charset=utf-8");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(links.FhirBase)) { Content = content };
        request.Headers.Accept.ParseAdd("application/fhir+json");
        using var response = await http.SendAsync(request, ct);
        return response.IsSuccessStatusCode
            ? Outcome.Done("Publié au DMP")
            : Outcome.Fail($"Le DMP refuse la publication (HTTP {(int)response.StatusCode}) : {await response.Content.ReadAsStringAsync(ct)}");
    }

    private static JsonObject Bundle(Resident resident, Letter letter)
    {
        var list = "urn:uuid:" + Guid.NewGuid();
        var reference = "urn:uuid:" + Guid.NewGuid();
        var binary = "urn:uuid:" + Guid.NewGuid();
        var patient = "urn:uuid:" + Guid.NewGuid();
        var date = letter.CreatedAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss+00:00", CultureInfo.InvariantCulture);
        var identifiers = new JsonArray
        {
            new JsonObject { ["use"] = "usual", ["system"] = "urn:oid:" + SecondSutIds.IppRoot, ["value"] = resident.Number.ToString("D8", CultureInfo.InvariantCulture) },
        };
        if (resident.Qualified && resident.Ins is not null)
        {
            identifiers.Add(new JsonObject
            {
                ["use"] = "official",
                ["type"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203", ["code"] = "INS-NIR" }) },
                ["system"] = "urn:oid:" + (resident.InsOid ?? "1.2.250.1.213.1.4.10"),
                ["value"] = resident.Ins,
            });
        }

        JsonObject Entry(string fullUrl, JsonObject resource, string type) =>
            new() { ["fullUrl"] = fullUrl, ["resource"] = resource, ["request"] = new JsonObject { ["method"] = "POST", ["url"] = type } };

        return new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "transaction",
            ["entry"] = new JsonArray(
                Entry(list, new JsonObject
                {
                    ["resourceType"] = "List",
                    ["meta"] = new JsonObject { ["profile"] = new JsonArray("https://interop.esante.gouv.fr/ig/fhir/pdsm/StructureDefinition/pdsm-submissionset-comprehensive") },
                    ["extension"] = new JsonArray(new JsonObject { ["url"] = "https://profiles.ihe.net/ITI/MHD/StructureDefinition/ihe-sourceId", ["valueIdentifier"] = new JsonObject { ["system"] = "urn:ietf:rfc:3986", ["value"] = "urn:oid:" + SecondSutIds.SourceOid } }),
                    ["identifier"] = new JsonArray(new JsonObject { ["use"] = "usual", ["system"] = "urn:ietf:rfc:3986", ["value"] = "urn:oid:" + SecondSutIds.NewOid() }),
                    ["status"] = "current",
                    ["mode"] = "working",
                    ["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes", ["code"] = "submissionset" }) },
                    ["subject"] = new JsonObject { ["reference"] = patient },
                    ["date"] = date,
                    ["entry"] = new JsonArray(new JsonObject { ["item"] = new JsonObject { ["reference"] = reference } }),
                }, "List"),
                Entry(reference, new JsonObject
                {
                    ["resourceType"] = "DocumentReference",
                    ["contained"] = new JsonArray(
                        new JsonObject { ["resourceType"] = "Practitioner", ["id"] = "author", ["identifier"] = new JsonArray(new JsonObject { ["system"] = "urn:oid:1.2.250.1.71.4.2.1", ["value"] = "8" + DluFiller.Rpps }), ["name"] = new JsonArray(new JsonObject { ["family"] = "BERNARD-FICTIF", ["given"] = new JsonArray("Claire") }) },
                        new JsonObject { ["resourceType"] = "Organization", ["id"] = "custodian", ["identifier"] = new JsonArray(new JsonObject { ["system"] = "urn:oid:1.2.250.1.71.4.2.2", ["value"] = "1" + DluFiller.Finess }), ["name"] = DluFiller.Organisation }),
                    ["masterIdentifier"] = new JsonObject { ["system"] = "urn:ietf:rfc:3986", ["value"] = "urn:oid:" + letter.DocumentOid },
                    ["status"] = "current",
                    ["type"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://loinc.org", ["code"] = "74207-2", ["display"] = "Dossier de liaison d'urgence" }) },
                    ["category"] = new JsonArray(new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "https://mos.esante.gouv.fr/NOS/TRE_A03-ClasseDocument/FHIR/TRE-A03-ClasseDocument", ["code"] = "11", ["display"] = "Synthèse" }) }),
                    ["subject"] = new JsonObject { ["reference"] = patient },
                    ["date"] = date,
                    ["author"] = new JsonArray(new JsonObject { ["reference"] = "#author" }),
                    ["custodian"] = new JsonObject { ["reference"] = "#custodian" },
                    ["securityLabel"] = new JsonArray(new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", ["code"] = "N" }) }),
                    ["content"] = new JsonArray(new JsonObject
                    {
                        ["attachment"] = new JsonObject
                        {
                            ["contentType"] = "text/xml",
                            ["language"] = "fr-FR",
                            ["url"] = binary,
                            ["size"] = letter.Cda.Length,
                            // Note: attachment.hash is the base64 SHA-1 of the exact Binary bytes (FHIR R4 Attachment).
                            ["hash"] = Convert.ToBase64String(SHA1.HashData(letter.Cda)),
                            ["title"] = "Document de liaison d'urgence",
                            ["creation"] = date,
                        },
                        ["format"] = new JsonObject { ["system"] = "https://mos.esante.gouv.fr/NOS/TRE_A06-FormatCodeComplementaire/FHIR/TRE-A06-FormatCodeComplementaire", ["code"] = "urn:asip:ci-sis:dlu:2015" },
                    }),
                    ["context"] = new JsonObject
                    {
                        ["facilityType"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "https://mos.esante.gouv.fr/NOS/TRE_R02-SecteurActivite/FHIR/TRE-R02-SecteurActivite", ["code"] = "SA17" }) },
                        ["practiceSetting"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "https://mos.esante.gouv.fr/NOS/TRE_A01-CadreExercice/FHIR/TRE-A01-CadreExercice", ["code"] = "ESSMS" }) },
                    },
                }, "DocumentReference"),
                Entry(binary, new JsonObject { ["resourceType"] = "Binary", ["contentType"] = "text/xml", ["data"] = Convert.ToBase64String(letter.Cda) }, "Binary"),
                Entry(patient, new JsonObject
                {
                    ["resourceType"] = "Patient",
                    ["identifier"] = identifiers,
                    ["name"] = new JsonArray(new JsonObject { ["use"] = "official", ["family"] = resident.BirthName, ["given"] = new JsonArray(resident.GivenNames.Split(' ')[0]) }),
                    ["gender"] = resident.Sex == "F" ? "female" : "male",
                    ["birthDate"] = resident.BirthDate,
                }, "Patient")),
        };
    }
}
