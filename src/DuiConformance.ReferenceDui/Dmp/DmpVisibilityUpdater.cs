using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using DuiConformance.ReferenceDui.Storage;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace DuiConformance.ReferenceDui.Dmp;

/// <summary>
/// Masks a published document (PDSm flow 03, PDSm4DMP TD3.3a/b, domain.md §3.4, §3.5): a conditional
/// <c>PATCH [base]/DocumentReference?identifier=urn:ietf:rfc:3986|urn:oid:&lt;document id&gt;</c> whose JSON Patch only
/// adds a TRE_A07 securityLabel (INVISIBLE_PATIENT, MASQUE_PS).
/// </summary>
internal sealed class DmpVisibilityUpdater(DmpHttp http, OrganisationProfile organisation, TimeProvider time)
{
    /// <summary>The TRE_A07 code system (StatutVisibiliteDocument).</summary>
    public const string TreA07 = "https://mos.esante.gouv.fr/NOS/TRE_A07-StatutVisibiliteDocument/FHIR/TRE-A07-StatutVisibiliteDocument";

    /// <summary>The French status message shown when the DMP accepted the change.</summary>
    public const string SuccessMessage = "Visibilité du document modifiée dans le DMP";

    private static readonly JsonSerializerOptions ReadOptions = new JsonSerializerOptions().ForFhir().UsingMode(DeserializationMode.Recoverable);

    /// <summary>How the update ended, in words for the user.</summary>
    public sealed record Outcome(bool Succeeded, int? HttpStatus, string Message);

    /// <summary>Adds the TRE_A07 <paramref name="code"/> (INVISIBLE_PATIENT or MASQUE_PS) to the document's securityLabel in the DMP.</summary>
    public async Task<Outcome> MaskAsync(StoredDocument document, string code, string display, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var operations = new JsonArray
        {
            new JsonObject
            {
                ["op"] = "add",
                ["path"] = "/securityLabel/-",
                ["value"] = new JsonObject { ["coding"] = new JsonArray { new JsonObject { ["system"] = TreA07, ["code"] = code, ["display"] = display } } },
            },
        };
        if (organisation.Has(ReferenceDuiDefects.PatchTouchesOtherElements))
        {
            // Note: deliberate defect (DUI-DMP-10), a realistic slip: "stamping" the change by rewriting the date too.
            operations.Add(new JsonObject { ["op"] = "replace", ["path"] = "/date", ["value"] = time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture) });
        }

        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(operations));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json-patch+json");
        var identifier = Uri.EscapeDataString("urn:ietf:rfc:3986|urn:oid:" + document.DocumentOid);
        var response = await http.SendAsync(HttpMethod.Patch, "DocumentReference?identifier=" + identifier, content, cancellationToken).ConfigureAwait(false);
        if (response.Error is not null)
        {
            return new Outcome(false, null, "Échec de la modification de la visibilité : " + response.Error);
        }

        if (!response.IsSuccess)
        {
            var detail = Parse(response.Body) is OperationOutcome outcome ? DmpPublisher.Describe(outcome) : "réponse sans OperationOutcome.";
            return new Outcome(false, response.Status, $"Échec de la modification de la visibilité (HTTP {response.Status}) : {detail}");
        }

        return new Outcome(true, response.Status, SuccessMessage);
    }

    private static Resource? Parse(byte[] body)
    {
        try
        {
            return body.Length == 0 ? null : JsonSerializer.Deserialize<Resource>(body, ReadOptions);
        }
        catch (Exception e) when (e is JsonException or DeserializationFailedException or FormatException or NotSupportedException)
        {
            return null;
        }
    }
}
