using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using DuiConformance.ReferenceDui.Identity;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace DuiConformance.ReferenceDui.Dmp;

/// <summary>
/// Finds the usager's current documents in the DMP (ITI-67 with <c>patient.identifier</c> and <c>status</c>, PDSm
/// st_recherche_fiche.md, domain.md §3.4 PDSM-09) and retrieves each one (ITI-68, the attachment URL), checking its
/// size and SHA-1 against the metadata.
/// </summary>
internal sealed class DmpDocumentSearch(DmpHttp http, OrganisationProfile organisation)
{
    private static readonly JsonSerializerOptions ReadOptions = new JsonSerializerOptions().ForFhir().UsingMode(DeserializationMode.Recoverable);

    /// <summary>One document found, with what its retrieval gave.</summary>
    public sealed record Found(string Title, string Date, string Status, string Identifier, string Visibility, string Retrieval);

    /// <summary>The documents found, or the error to show (French).</summary>
    public sealed record Result(IReadOnlyList<Found> Documents, string? Error);

    /// <summary>Searches, then retrieves every document found.</summary>
    public async Task<Result> SearchAsync(Usager usager, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(usager);
        var identifier = usager.HasQualifiedIns
            ? "urn:oid:" + (usager.InsOid ?? organisation.InsOid) + "|" + usager.Ins
            : "urn:oid:" + organisation.IppOid + "|" + usager.Ipp;
        var response = await http.SendAsync(HttpMethod.Get, $"DocumentReference?patient.identifier={Uri.EscapeDataString(identifier)}&status=current", null, cancellationToken).ConfigureAwait(false);
        if (response.Error is not null || !response.IsSuccess)
        {
            return new Result([], $"Échec de la recherche dans le DMP : {response.Error ?? Describe(response)}");
        }

        if (Parse(response.Body) is not Bundle bundle)
        {
            return new Result([], "Échec de la recherche dans le DMP : réponse illisible.");
        }

        var found = new List<Found>();
        foreach (var document in bundle.Entry.Select(entry => entry.Resource).OfType<DocumentReference>())
        {
            var attachment = document.Content.FirstOrDefault()?.Attachment;
            found.Add(new Found(
                attachment?.Title ?? "(sans titre)",
                document.Date?.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) ?? "—",
                document.Status?.ToString() ?? "—",
                document.MasterIdentifier?.Value ?? document.Id ?? "—",
                string.Join(", ", document.SecurityLabel.SelectMany(label => label.Coding).Select(coding => coding.Code)),
                await RetrieveAsync(attachment, cancellationToken).ConfigureAwait(false)));
        }

        return new Result(found, null);
    }

    private async Task<string> RetrieveAsync(Attachment? attachment, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(attachment?.Url))
        {
            return "pas d'adresse de contenu";
        }

        var response = await http.SendAsync(HttpMethod.Get, attachment.Url, null, cancellationToken, accept: attachment.ContentType ?? "text/xml").ConfigureAwait(false);
        if (response.Error is not null || !response.IsSuccess)
        {
            return "échec de la récupération : " + (response.Error ?? "HTTP " + response.Status);
        }

        var hashOk = attachment.Hash is null || SHA1.HashData(response.Body).AsSpan().SequenceEqual(attachment.Hash);
        return string.Create(CultureInfo.InvariantCulture, $"récupéré ({response.Body.Length} octets, {(hashOk ? "empreinte conforme" : "empreinte différente des métadonnées")})");
    }

    private static string Describe(DmpHttp.Response response) =>
        Parse(response.Body) is OperationOutcome outcome ? $"HTTP {response.Status} : {DmpPublisher.Describe(outcome)}" : $"HTTP {response.Status}";

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
