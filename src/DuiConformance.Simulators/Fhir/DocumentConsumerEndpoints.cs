using DuiConformance.Core.Evidence;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DuiConformance.Simulators.Fhir;

/// <summary>
/// The document-consumer side of the simulated DMP (IHE MHD Document Responder, PDSm flows 05–08, domain.md §3.4) over
/// what ITI-65 stored: ITI-67 <c>GET [base]/DocumentReference?…</c>, the read <c>GET [base]/DocumentReference/{id}</c>,
/// and ITI-68 <c>GET [base]/Binary/{id}</c>. Each exchange is recorded like ITI-65's, request then response.
/// </summary>
public static class DocumentConsumerEndpoints
{
    /// <summary>The interaction property value of an ITI-67 search.</summary>
    public const string FindDocumentReferences = "ITI-67";

    /// <summary>The interaction property value of an ITI-68 retrieve.</summary>
    public const string RetrieveDocument = "ITI-68";

    /// <summary>The interaction property value of a DocumentReference read.</summary>
    public const string ReadDocumentReference = "read";

    internal static RouteGroupBuilder MapDocumentConsumer(this RouteGroupBuilder fhir)
    {
        fhir.MapGet("/DocumentReference", SearchDocumentReferencesAsync).AddEndpointFilter(new AccessTokenFilter(FindDocumentReferences));
        fhir.MapGet("/DocumentReference/{id}", ReadDocumentReferenceAsync).AddEndpointFilter(new AccessTokenFilter(ReadDocumentReference));
        fhir.MapGet("/Binary/{id}", RetrieveDocumentAsync).AddEndpointFilter(new AccessTokenFilter(RetrieveDocument));
        return fhir;
    }

    /// <summary>
    /// ITI-67: a <c>searchset</c> Bundle of the matching DocumentReferences (<c>total</c>, <c>search.mode=match</c>),
    /// or 400 with an OperationOutcome listing every problem of the query.
    /// </summary>
    public static async Task<IResult> SearchDocumentReferencesAsync(HttpRequest request, EvidenceStore evidence, DocumentRepository repository, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(repository);
        var exchange = FhirExchange.Begin(evidence, request);
        await exchange.RecordRequestAsync(ReadOnlyMemory<byte>.Empty, FindDocumentReferences, cancellationToken).ConfigureAwait(false);
        var search = DocumentSearch.Parse(request.Query, out var issues);
        if (search is null)
        {
            return await DocumentSharingEndpoints.RespondAsync(exchange, StatusCodes.Status400BadRequest, FhirIssue.ToOperationOutcome(issues)).ConfigureAwait(false);
        }

        var bundle = SearchsetBundle.For(request, "DocumentReference", search.Run(repository));
        return await DocumentSharingEndpoints.RespondAsync(exchange, StatusCodes.Status200OK, bundle).ConfigureAwait(false);
    }

    /// <summary>The stored DocumentReference with that id, or 404 with an OperationOutcome.</summary>
    public static async Task<IResult> ReadDocumentReferenceAsync(string id, HttpRequest request, EvidenceStore evidence, DocumentRepository repository, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var exchange = FhirExchange.Begin(evidence, request);
        await exchange.RecordRequestAsync(ReadOnlyMemory<byte>.Empty, ReadDocumentReference, cancellationToken).ConfigureAwait(false);
        return repository.Find("DocumentReference", id) is { } document
            ? await DocumentSharingEndpoints.RespondAsync(exchange, StatusCodes.Status200OK, document).ConfigureAwait(false)
            : await NotFoundAsync(exchange, "DocumentReference", id).ConfigureAwait(false);
    }

    /// <summary>
    /// ITI-68: the stored Binary's bytes in its own <c>contentType</c> (PDSm st_consultation.md: no transformation), or
    /// the Binary resource as FHIR JSON when the client asks for it, or 406 when it accepts neither
    /// (<see cref="RetrieveNegotiation"/>); 404 with an OperationOutcome when absent.
    /// </summary>
    public static async Task<IResult> RetrieveDocumentAsync(string id, HttpRequest request, EvidenceStore evidence, DocumentRepository repository, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(repository);
        var exchange = FhirExchange.Begin(evidence, request);
        await exchange.RecordRequestAsync(ReadOnlyMemory<byte>.Empty, RetrieveDocument, cancellationToken).ConfigureAwait(false);
        if (repository.Find("Binary", id) is not Binary binary)
        {
            return await NotFoundAsync(exchange, "Binary", id).ConfigureAwait(false);
        }

        var bytes = binary.Data ?? [];
        var contentType = string.IsNullOrWhiteSpace(binary.ContentType) ? "application/octet-stream" : binary.ContentType;
        switch (RetrieveNegotiation.Choose(request.Query["_format"].ToString(), request.Headers.Accept.ToString(), contentType))
        {
            case RetrieveNegotiation.Choice.FhirResource:
                return await DocumentSharingEndpoints.RespondAsync(exchange, StatusCodes.Status200OK, binary).ConfigureAwait(false);
            case RetrieveNegotiation.Choice.NotAcceptable:
                return await DocumentSharingEndpoints.RespondAsync(exchange, StatusCodes.Status406NotAcceptable, DocumentSharingEndpoints.Outcome(new FhirIssue(
                    FhirSimulatorFindings.NotAcceptable,
                    OperationOutcome.IssueType.NotSupported,
                    $"Le document est disponible en {contentType} ou comme ressource Binary (application/fhir+json) ; Accept reçu : « {request.Headers.Accept} ».",
                    "Binary.contentType"))).ConfigureAwait(false);
            default:
                break;
        }

        // Note: recorded before it is sent, like every response (DESIGN.md §6).
        await exchange.RecordResponseAsync(bytes, StatusCodes.Status200OK, CancellationToken.None, contentType).ConfigureAwait(false);
        return TypedResults.Bytes(bytes, contentType);
    }

    private static async Task<IResult> NotFoundAsync(FhirExchange exchange, string type, string id) =>
        await DocumentSharingEndpoints.RespondAsync(exchange, StatusCodes.Status404NotFound, DocumentSharingEndpoints.Outcome(new FhirIssue(
            FhirSimulatorFindings.ResourceNotFound,
            OperationOutcome.IssueType.NotFound,
            $"Aucune ressource {type}/{id} n'est stockée par le simulateur."))).ConfigureAwait(false);

}
