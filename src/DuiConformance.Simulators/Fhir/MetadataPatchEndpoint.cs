using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DuiConformance.Core.Evidence;
using DuiConformance.Simulators.Psc;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DuiConformance.Simulators.Fhir;

/// <summary>
/// The metadata update of PDSm flow 03/04 (st_maj.md, domain.md §3.4, PDSM-10):
/// <c>PATCH [base]/DocumentReference?identifier=system|value</c> with a JSON Patch (<c>application/json-patch+json</c>)
/// or a FHIRPath Patch (a Parameters resource, <c>application/fhir+json</c>). Only status, securityLabel and the
/// isArchived extension may change (405 otherwise); the visibility and authorship rules of <see cref="VisibilityRules"/>
/// apply; <c>If-Match</c> is honoured when present; success bumps <c>meta.versionId</c> and answers 200 with the resource.
/// </summary>
public static class MetadataPatchEndpoint
{
    /// <summary>The interaction property value of a metadata update.</summary>
    public const string UpdateMetadata = "update-metadata";

    /// <summary>The JSON Patch media type (RFC 6902 §6).</summary>
    public const string JsonPatchMediaType = "application/json-patch+json";

    /// <summary>Serialises metadata updates and supersedes, so two concurrent updates never both start from the same version.</summary>
    internal static readonly Lock Gate = new();

    internal static RouteGroupBuilder MapMetadataPatch(this RouteGroupBuilder fhir)
    {
        fhir.MapPatch("/DocumentReference", PatchAsync).AddEndpointFilter(new AccessTokenFilter(UpdateMetadata));
        fhir.MapPatch("/DocumentReference/{id}", PatchByIdAsync).AddEndpointFilter(new AccessTokenFilter(UpdateMetadata));
        return fhir;
    }

    /// <summary>The conditional metadata update.</summary>
    public static async Task<IResult> PatchAsync(HttpRequest request, EvidenceStore evidence, DocumentRepository repository, FhirSimulatorOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var exchange = FhirExchange.Begin(evidence, request);
        var body = await FhirRequestBody.ReadAsync(request, options.MaxRequestBodySize, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return await DocumentSharingEndpoints.RespondAsync(exchange, StatusCodes.Status413PayloadTooLarge, DocumentSharingEndpoints.Outcome(new FhirIssue(
                FhirSimulatorFindings.BodyTooLarge, OperationOutcome.IssueType.TooCostly, "Corps de requête supérieur à la limite du simulateur."))).ConfigureAwait(false);
        }

        await exchange.RecordRequestAsync(body, UpdateMetadata, cancellationToken).ConfigureAwait(false);
        var (status, resource) = Process(request, body, repository, options, time.GetUtcNow());
        if (resource is DocumentReference updated)
        {
            request.HttpContext.Response.Headers.ETag = $"W/\"{updated.Meta?.VersionId}\"";
        }

        return await DocumentSharingEndpoints.RespondAsync(exchange, status, resource).ConfigureAwait(false);
    }

    /// <summary><c>PATCH [base]/DocumentReference/{id}</c>: refused, PDSm updates metadata by identifier only (FHIR-5957).</summary>
    public static async Task<IResult> PatchByIdAsync(string id, HttpRequest request, EvidenceStore evidence, FhirSimulatorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var exchange = FhirExchange.Begin(evidence, request);
        var body = await FhirRequestBody.ReadAsync(request, options.MaxRequestBodySize, cancellationToken).ConfigureAwait(false);
        await exchange.RecordRequestAsync(body ?? [], UpdateMetadata, cancellationToken).ConfigureAwait(false);
        return await DocumentSharingEndpoints.RespondAsync(exchange, StatusCodes.Status400BadRequest, DocumentSharingEndpoints.Outcome(NotConditional(
            $"PATCH DocumentReference/{id} : la mise à jour PDSm est conditionnelle, PATCH [base]/DocumentReference?identifier=système|valeur."))).ConfigureAwait(false);
    }

    private static (int Status, Resource Body) Process(HttpRequest request, byte[] body, DocumentRepository repository, FhirSimulatorOptions options, DateTimeOffset now)
    {
        var identifier = request.Query["identifier"];
        var token = identifier.Count == 1 && request.Query.Count == 1 ? identifier[0] ?? string.Empty : string.Empty;
        var bar = token.IndexOf('|', StringComparison.Ordinal);
        if (bar <= 0 || bar == token.Length - 1)
        {
            return Refuse(400, NotConditional("La mise à jour des métadonnées doit être conditionnelle sur un seul paramètre identifier=système|valeur."));
        }

        var media = request.ContentType?.Split(';')[0].Trim() ?? string.Empty;
        var jsonPatch = media.Equals(JsonPatchMediaType, StringComparison.OrdinalIgnoreCase);
        if (!jsonPatch && !media.Equals(FhirJson.MediaType, StringComparison.OrdinalIgnoreCase) && !media.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(415, new FhirIssue(FhirSimulatorFindings.PatchMalformed, OperationOutcome.IssueType.NotSupported,
                $"Content-Type attendu : {JsonPatchMediaType} (JSON Patch) ou {FhirJson.MediaType} (FHIRPath Patch), reçu « {media} »."));
        }

        lock (Gate)
        {
            var matches = FindByIdentifier(repository, token[..bar], token[(bar + 1)..]);
            if (matches.Count != 1)
            {
                return matches.Count == 0
                    ? Refuse(404, new FhirIssue(FhirSimulatorFindings.PatchTargetNotFound, OperationOutcome.IssueType.NotFound, $"Aucune DocumentReference d'identifiant {token}."))
                    : Refuse(412, new FhirIssue(FhirSimulatorFindings.PatchTargetAmbiguous, OperationOutcome.IssueType.MultipleMatches,
                        string.Create(CultureInfo.InvariantCulture, $"{matches.Count} DocumentReference ont l'identifiant {token}.")));
            }

            var stored = matches[0];
            var ifMatch = request.Headers.IfMatch.ToString();
            if (ifMatch.Length > 0 && ifMatch.Replace("W/", "", StringComparison.Ordinal).Trim('"', ' ') != stored.Meta?.VersionId)
            {
                return Refuse(412, new FhirIssue(FhirSimulatorFindings.VersionConflict, OperationOutcome.IssueType.Conflict,
                    $"If-Match {ifMatch} ne correspond pas à la version courante {stored.Meta?.VersionId}."));
            }

            var document = JsonNode.Parse(FhirJson.Serialize(stored))!.AsObject();
            MetadataPatch? patch;
            FhirIssue? problem = null;
            if (jsonPatch)
            {
                patch = MetadataPatch.FromJsonPatch(body, out problem);
            }
            else
            {
                JsonObject? parameters = null;
                try
                {
                    parameters = JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { MaxDepth = 64 }) as JsonObject;
                }
                catch (JsonException)
                {
                    // Note: reported just below as a malformed patch.
                }

                patch = parameters is null ? null : MetadataPatch.FromFhirPathPatch(parameters, document, out problem);
                problem = parameters is null
                    ? new FhirIssue(FhirSimulatorFindings.PatchMalformed, OperationOutcome.IssueType.Invalid, "Le FHIRPath Patch n'est pas un objet JSON Parameters lisible.")
                    : problem;
            }

            if (patch is null)
            {
                return Refuse(400, problem!);
            }

            if (patch.ForbiddenElement(document) is { } forbidden)
            {
                return Refuse(405, forbidden);
            }

            if (patch.ApplyTo(document) is { } failed)
            {
                return Refuse(422, failed);
            }

            if (FhirJson.Parse(JsonSerializer.SerializeToUtf8Bytes(document), options, out var parseIssues) is not DocumentReference updated)
            {
                return (400, FhirIssue.ToOperationOutcome(parseIssues.Count > 0 ? parseIssues
                    : [new FhirIssue(FhirSimulatorFindings.PatchMalformed, OperationOutcome.IssueType.Invalid, "Le résultat du patch n'est pas une DocumentReference.")]));
            }

            var principal = request.HttpContext.Items[AccessTokenFilter.PrincipalKey] as PscPrincipal;
            var requester = principal is null ? null : options.ClientOrganisations.GetValueOrDefault(principal.ClientId) ?? principal.Finess;
            if (VisibilityRules.Check(stored, updated, requester) is { } refusal)
            {
                return Refuse(refusal.Status, refusal.Issue);
            }

            Bump(updated, stored, now);
            repository.Update(updated);
            return (200, updated);
        }
    }

    /// <summary>Sets <paramref name="updated"/>'s version to the stored one plus one (PDSm st_maj.md: the server bumps meta.versionId).</summary>
    internal static void Bump(DocumentReference updated, DocumentReference stored, DateTimeOffset now)
    {
        var version = int.TryParse(stored.Meta?.VersionId, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 1;
        updated.Id = stored.Id;
        updated.Meta ??= new Meta();
        updated.Meta.VersionId = (version + 1).ToString(CultureInfo.InvariantCulture);
        updated.Meta.LastUpdated = now;
    }

    /// <summary>The stored DocumentReferences whose masterIdentifier or one identifier is <paramref name="system"/>|<paramref name="value"/>.</summary>
    internal static List<DocumentReference> FindByIdentifier(DocumentRepository repository, string system, string value) =>
    [
        .. repository.All.OfType<DocumentReference>().Where(document =>
            (document.MasterIdentifier is { } master && master.System == system && master.Value == value)
            || document.Identifier.Exists(identifier => identifier.System == system && identifier.Value == value)),
    ];

    private static FhirIssue NotConditional(string message) =>
        new(FhirSimulatorFindings.PatchNotConditional, OperationOutcome.IssueType.Invalid, message, "DocumentReference.identifier");

    private static (int, Resource) Refuse(int status, FhirIssue issue) => (status, DocumentSharingEndpoints.Outcome(issue));
}
