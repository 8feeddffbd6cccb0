using DuiConformance.Core.Evidence;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DuiConformance.Simulators.Fhir;

/// <summary>
/// ITI-66 Find Document Lists (IHE MHD, PDSm flows 05/06, domain.md §3.4): <c>GET [base]/List?code=submissionset&amp;patient=…</c>
/// answers a <c>searchset</c> Bundle of the stored SubmissionSets (and Folders) matching <see cref="SubmissionSetSearch"/>,
/// or 400 with an OperationOutcome listing every problem of the query. Recorded like every exchange.
/// </summary>
public static class SubmissionSetEndpoint
{
    /// <summary>The interaction property value of an ITI-66 search.</summary>
    public const string FindDocumentLists = "ITI-66";

    internal static RouteGroupBuilder MapSubmissionSetSearch(this RouteGroupBuilder fhir)
    {
        fhir.MapGet("/List", SearchListsAsync).AddEndpointFilter(new AccessTokenFilter(FindDocumentLists));
        return fhir;
    }

    /// <summary>Runs one ITI-66 search (see the type summary).</summary>
    public static async Task<IResult> SearchListsAsync(HttpRequest request, EvidenceStore evidence, DocumentRepository repository, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(repository);
        var exchange = FhirExchange.Begin(evidence, request);
        await exchange.RecordRequestAsync(ReadOnlyMemory<byte>.Empty, FindDocumentLists, cancellationToken).ConfigureAwait(false);
        var search = SubmissionSetSearch.Parse(request.Query, out var issues);
        if (search is null)
        {
            return await DocumentSharingEndpoints.RespondAsync(exchange, StatusCodes.Status400BadRequest, FhirIssue.ToOperationOutcome(issues)).ConfigureAwait(false);
        }

        var bundle = SearchsetBundle.For(request, "List", search.Run(repository));
        return await DocumentSharingEndpoints.RespondAsync(exchange, StatusCodes.Status200OK, bundle).ConfigureAwait(false);
    }
}
