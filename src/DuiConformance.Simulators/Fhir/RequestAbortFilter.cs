using DuiConformance.Core.Evidence;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DuiConformance.Simulators.Fhir;

/// <summary>
/// Abrupt ends of a request (issue 9 §8): a client that vanishes mid-body (reset, or FIN, which Kestrel treats as an
/// abort in HTTP/1.1) gets nothing — there is no one to answer, nothing is stored or acknowledged; a body whose framing
/// is broken while the connection stays (malformed chunked encoding) gets 400 with an OperationOutcome (FHIR-5929),
/// recorded. Anything else propagates: a failing evidence store must give a 5xx, never a 2xx for unrecorded data.
/// </summary>
internal sealed class RequestAbortFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (Exception exception) when (http.RequestAborted.IsCancellationRequested && exception is OperationCanceledException or IOException or BadHttpRequestException)
        {
            // Note: the connection is gone; Kestrel would log the exception as an application error otherwise.
            return Results.Empty;
        }
        catch (BadHttpRequestException exception)
        {
            var exchange = FhirExchange.Begin(http.RequestServices.GetRequiredService<EvidenceStore>(), http.Request);
            await exchange.RecordRequestAsync(ReadOnlyMemory<byte>.Empty, string.Empty, CancellationToken.None).ConfigureAwait(false);

            // Note: Kestrel's own body limit (set just above the simulator's) throws with 413 while a chunked body is read.
            var issue = exception.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? new FhirIssue(FhirSimulatorFindings.BodyTooLarge, OperationOutcome.IssueType.TooCostly, $"Corps de requête supérieur à la limite du simulateur : {exception.Message}")
                : new FhirIssue(FhirSimulatorFindings.IncompleteBody, OperationOutcome.IssueType.Incomplete, $"Corps de requête illisible (découpage HTTP invalide) : {exception.Message}");
            var status = exception.StatusCode == StatusCodes.Status413PayloadTooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
            return await DocumentSharingEndpoints.RespondAsync(exchange, status, DocumentSharingEndpoints.Outcome(issue)).ConfigureAwait(false);
        }
    }
}
