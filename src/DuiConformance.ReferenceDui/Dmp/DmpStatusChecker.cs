using System.Text.Json;
using DuiConformance.ReferenceDui.Identity;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace DuiConformance.ReferenceDui.Dmp;

/// <summary>
/// Before feeding, asks the DMP whether the usager has one and whether it may be fed (PDSm4DMP TD0.2, domain.md §3.4,
/// §3.6, DMP-09): <c>GET [base]/Patient?identifier=&lt;INS OID&gt;|&lt;INS&gt;</c>. An empty searchset means no DMP,
/// <c>Patient.active = false</c> a closed DMP, the opposition extension set to true the usager's opposition.
/// </summary>
internal sealed class DmpStatusChecker(DmpHttp http, OrganisationProfile organisation)
{
    /// <summary>The opposition extension (the simulated DMP's; the PDSm4DMP draft does not pin one yet).</summary>
    public const string OppositionExtension = "https://interop.esante.gouv.fr/ig/fhir/pdsm4dmp/StructureDefinition/dmp-opposition-alimentation";

    private static readonly JsonSerializerOptions ReadOptions = new JsonSerializerOptions().ForFhir().UsingMode(DeserializationMode.Recoverable);

    /// <summary>The verdict: may the DUI feed this DMP, and what to tell the user when not.</summary>
    public sealed record Verdict(bool MayFeed, string Message);

    /// <summary>Asks the DMP status of <paramref name="usager"/>; a usager without qualified INS is not asked (nothing to ask with).</summary>
    public async Task<Verdict> CheckAsync(Usager usager, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(usager);
        if (!usager.HasQualifiedIns || organisation.Has(ReferenceDuiDefects.PublishesToClosedDmp))
        {
            // Note: deliberate defect publishes-to-closed-dmp (DUI-DMP-09) skips the question altogether.
            return new Verdict(true, "");
        }

        var system = "urn:oid:" + (usager.InsOid ?? organisation.InsOid);
        var response = await http.SendAsync(HttpMethod.Get, $"Patient?identifier={Uri.EscapeDataString(system + "|" + usager.Ins)}", null, cancellationToken).ConfigureAwait(false);
        if (response.Error is not null || !response.IsSuccess)
        {
            return new Verdict(false, $"Publication impossible : l'état du DMP de l'usager n'a pas pu être vérifié ({response.Error ?? "HTTP " + response.Status}). Aucun document n'a été envoyé.");
        }

        Bundle? bundle;
        try
        {
            bundle = JsonSerializer.Deserialize<Resource>(response.Body, ReadOptions) as Bundle;
        }
        catch (Exception e) when (e is JsonException or DeserializationFailedException or FormatException)
        {
            bundle = null;
        }

        if (bundle is null)
        {
            return new Verdict(false, "Publication impossible : la réponse du DMP sur l'état du dossier est illisible. Aucun document n'a été envoyé.");
        }

        if (bundle.Entry.Select(entry => entry.Resource).OfType<Patient>().FirstOrDefault() is not { } patient)
        {
            return new Verdict(false, "Publication impossible : l'usager n'a pas de DMP (dossier médical partagé absent). Aucun document n'a été envoyé.");
        }

        if (patient.Active == false)
        {
            return new Verdict(false, "Publication impossible : le DMP de l'usager est fermé. Aucun document n'a été envoyé.");
        }

        var opposed = patient.GetExtension(OppositionExtension)?.Value is FhirBoolean { Value: true };
        if (opposed && !organisation.Has(ReferenceDuiDefects.FeedsDespiteOpposition))
        {
            return new Verdict(false, "Publication impossible : l'usager s'est opposé à l'alimentation de son DMP. Aucun document n'a été envoyé.");
        }

        return new Verdict(true, "");
    }
}
