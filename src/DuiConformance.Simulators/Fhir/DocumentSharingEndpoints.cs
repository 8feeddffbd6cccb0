using DuiConformance.Core.Evidence;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DuiConformance.Simulators.Fhir;

/// <summary>
/// The document-sharing interactions of the simulated DMP / Mon espace santé (PDSm, IHE MHD Document Recipient) under
/// <see cref="BasePath"/>: ITI-65 <c>POST [base]</c>, the CapabilityStatement, and (through
/// <see cref="DocumentConsumerEndpoints"/>) ITI-67 search and ITI-68 retrieve. With
/// <see cref="FhirSimulatorOptions.AccessTokens"/> set, everything but <c>/metadata</c> requires a Pro Santé Connect token. Every error body is an OperationOutcome
/// carrying a <see cref="FhirSimulatorFindings"/> code and a FHIRPath (STYLE.md rule 25).
/// </summary>
public static class DocumentSharingEndpoints
{
    /// <summary>The FHIR base path.</summary>
    public const string BasePath = "/fhir";

    /// <summary>The service base as the client addressed it (<c>[base]</c> of the FHIR URLs this service writes).</summary>
    internal static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{BasePath}";

    /// <summary>
    /// Property of <see cref="EvidenceKinds.FhirRequest"/> items holding the request headers, one <c>Name: value</c> per
    /// line, with Authorization, Proxy-Authorization and Cookie values masked.
    /// </summary>
    public const string RequestHeadersProperty = "headers";

    /// <summary>
    /// Property of <see cref="EvidenceKinds.FhirRequest"/> items holding the <c>sub</c> of the Pro Santé Connect token
    /// the request carried (8 + RPPS or 1 + FINESS), when the simulator requires tokens.
    /// </summary>
    public const string AccessTokenSubjectProperty = "pscSubject";

    /// <summary>The interaction property value of an ITI-65 request.</summary>
    public const string ProvideDocumentBundle = "ITI-65";

    /// <summary>Maps the endpoints; needs <see cref="EvidenceStore"/>, <see cref="DocumentRepository"/>, <see cref="FhirSimulatorOptions"/> and <see cref="TimeProvider"/> as services.</summary>
    public static IEndpointRouteBuilder MapDocumentSharing(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var fhir = endpoints.MapGroup(BasePath);
        fhir.AddEndpointFilter(new RequestAbortFilter());
        fhir.MapPost("/", ProvideDocumentBundleAsync).AddEndpointFilter(new AccessTokenFilter(ProvideDocumentBundle));
        fhir.MapGet("/metadata", GetCapabilityStatementAsync);
        fhir.MapDocumentConsumer();
        fhir.MapSimplifiedPublish();
        fhir.MapSubmissionSetSearch();
        fhir.MapDmpStatus();
        fhir.MapMetadataPatch();
        return endpoints;
    }

    /// <summary>
    /// ITI-65: records the body, parses it, refuses anything but a transaction Bundle (400 + OperationOutcome), stores
    /// the resources and answers a transaction-response, recorded before it is sent.
    /// </summary>
    public static async Task<Utf8ContentHttpResult> ProvideDocumentBundleAsync(
        HttpRequest request,
        EvidenceStore evidence,
        DocumentRepository repository,
        FhirSimulatorOptions options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var exchange = FhirExchange.Begin(evidence, request);
        var body = await FhirRequestBody.ReadAsync(request, options.MaxRequestBodySize, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            // Note: the oversized body is not recorded (it was not read); the refusal is.
            return await RespondAsync(exchange, StatusCodes.Status413PayloadTooLarge, Outcome(new FhirIssue(
                FhirSimulatorFindings.BodyTooLarge,
                OperationOutcome.IssueType.TooCostly,
                $"Corps de requête supérieur à la limite du simulateur ({options.MaxRequestBodySize} octets)."))).ConfigureAwait(false);
        }

        var isTransaction = FhirJson.LooksLikeTransaction(body);
        await exchange.RecordRequestAsync(body, isTransaction ? ProvideDocumentBundle : string.Empty, cancellationToken).ConfigureAwait(false);
        if (isTransaction && TakeRefusal(request) is { } refusal)
        {
            return await RespondAsync(exchange, refusal.Status, refusal.ToOperationOutcome()).ConfigureAwait(false);
        }

        try
        {
            return await ProcessTransactionAsync(exchange, request, body, repository, options, time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Note: a simulator bug answers 500 with an OperationOutcome (and is recorded), never a dropped connection.
            return await RespondAsync(exchange, StatusCodes.Status500InternalServerError, Outcome(new FhirIssue(
                FhirSimulatorFindings.SimulatorFault,
                OperationOutcome.IssueType.Exception,
                $"Erreur interne du simulateur : {exception.GetType().Name}: {exception.Message}"))).ConfigureAwait(false);
        }
    }

    /// <summary>The CapabilityStatement: FHIR 4.0.1, JSON, system-level transaction.</summary>
    public static async Task<Utf8ContentHttpResult> GetCapabilityStatementAsync(HttpRequest request, EvidenceStore evidence, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(time);
        var exchange = FhirExchange.Begin(evidence, request);
        await exchange.RecordRequestAsync(ReadOnlyMemory<byte>.Empty, string.Empty, cancellationToken).ConfigureAwait(false);
        return await RespondAsync(exchange, StatusCodes.Status200OK, FhirCapabilities.Create(time.GetUtcNow(), request.HttpContext.RequestServices.GetService(typeof(FhirSimulatorOptions)) is FhirSimulatorOptions { AccessTokens: not null })).ConfigureAwait(false);
    }

    private static async Task<Utf8ContentHttpResult> ProcessTransactionAsync(
        FhirExchange exchange,
        HttpRequest request,
        byte[] body,
        DocumentRepository repository,
        FhirSimulatorOptions options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!IsFhirJson(request.ContentType))
        {
            return await RespondAsync(exchange, StatusCodes.Status415UnsupportedMediaType, Outcome(new FhirIssue(
                FhirSimulatorFindings.UnsupportedMediaType,
                OperationOutcome.IssueType.NotSupported,
                $"Content-Type attendu : application/fhir+json, reçu « {request.ContentType ?? "aucun"} »."))).ConfigureAwait(false);
        }

        if (FhirJson.SyntaxError(body) is { } syntax)
        {
            return await RespondAsync(exchange, StatusCodes.Status400BadRequest, Outcome(new FhirIssue(
                FhirSimulatorFindings.MalformedJson,
                OperationOutcome.IssueType.Structure,
                $"Le corps de la requête n'est pas du JSON valide : {syntax}"))).ConfigureAwait(false);
        }

        var resource = FhirJson.Parse(body, options, out var parseIssues);
        if (resource is null)
        {
            return await RespondAsync(exchange, StatusCodes.Status400BadRequest, FhirIssue.ToOperationOutcome(parseIssues)).ConfigureAwait(false);
        }

        var issues = TransactionProcessor.Check(resource);
        if (issues.Count > 0)
        {
            return await RespondAsync(exchange, StatusCodes.Status400BadRequest, FhirIssue.ToOperationOutcome(issues)).ConfigureAwait(false);
        }

        var transaction = (Bundle)resource;
        var (dmpIssues, dmpStatus) = ReplacementRules.Check(transaction, repository, options);
        if (dmpIssues.Count > 0)
        {
            return await RespondAsync(exchange, dmpStatus, FhirIssue.ToOperationOutcome(dmpIssues)).ConfigureAwait(false);
        }

        Bundle response;
        try
        {
            response = ReplacementRules.Execute(transaction, repository, time.GetUtcNow());
        }
        catch (DuplicateDocumentException duplicate)
        {
            // Note: the real service refuses a document already stored (domain.md §3.4); 422 as FHIR R4 §3.1.0.11.2 gives
            // for a business-rule failure, and nothing of the transaction is stored.
            var index = transaction.Entry.FindIndex(entry => ReferenceEquals(entry.Resource, duplicate.Document));
            var path = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Bundle.entry[{index}].resource.masterIdentifier");
            return await RespondAsync(exchange, StatusCodes.Status422UnprocessableEntity, Outcome(duplicate.ToIssue(path))).ConfigureAwait(false);
        }

        return await RespondAsync(exchange, StatusCodes.Status200OK, response).ConfigureAwait(false);
    }

    /// <summary>
    /// The refusal a scenario armed for this submission, if any (<see cref="SubmissionRefusals"/>): the DMP refuses it
    /// whatever its content, after recording it (PDSM-07).
    /// </summary>
    internal static SubmissionRefusal? TakeRefusal(HttpRequest request) =>
        (request.HttpContext.RequestServices?.GetService(typeof(SubmissionRefusals)) as SubmissionRefusals)?.Take();

    internal static OperationOutcome Outcome(FhirIssue issue) => FhirIssue.ToOperationOutcome([issue]);

    internal static async Task<Utf8ContentHttpResult> RespondAsync(FhirExchange exchange, int status, Resource body)
    {
        var bytes = FhirJson.Serialize(body);

        // Note: recorded before the response is sent, never cancelled half-way (DESIGN.md §6); a store failure
        // propagates and the client sees a 500 from the host rather than an unrecorded answer.
        await exchange.RecordResponseAsync(bytes, status, CancellationToken.None).ConfigureAwait(false);
        return TypedResults.Text(bytes, FhirJson.ResponseContentType, status);
    }

    private static bool IsFhirJson(string? contentType)
    {
        var media = contentType?.Split(';')[0].Trim();
        return string.Equals(media, FhirJson.MediaType, StringComparison.OrdinalIgnoreCase)
            || string.Equals(media, "application/json", StringComparison.OrdinalIgnoreCase);
    }
}
