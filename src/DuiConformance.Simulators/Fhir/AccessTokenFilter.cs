using System.Globalization;
using DuiConformance.Core.Evidence;
using DuiConformance.Simulators.Psc;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DuiConformance.Simulators.Fhir;

/// <summary>
/// Enforces <see cref="FhirSimulatorOptions.AccessTokens"/>: a request without a valid Pro Santé Connect bearer token is
/// recorded (body included, up to the size limit) and answered 401 with an OperationOutcome (FHIR-5910) and an RFC 6750
/// challenge; a valid one goes on with its <see cref="PscPrincipal"/> in <c>HttpContext.Items</c>.
/// </summary>
internal sealed class AccessTokenFilter(string interaction) : IEndpointFilter
{
    /// <summary>The <c>HttpContext.Items</c> key of the request's <see cref="PscPrincipal"/>.</summary>
    public const string PrincipalKey = "DuiConformance.PscPrincipal";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<FhirSimulatorOptions>();
        if (options.AccessTokens is not { } validator)
        {
            return await next(context).ConfigureAwait(false);
        }

        var validation = validator.ValidateAuthorizationHeader(http.Request.Headers.Authorization.ToString());
        if (validation.IsValid)
        {
            http.Items[PrincipalKey] = validation.Principal;
            return await next(context).ConfigureAwait(false);
        }

        var exchange = FhirExchange.Begin(http.RequestServices.GetRequiredService<EvidenceStore>(), http.Request);
        var body = await FhirRequestBody.ReadAsync(http.Request, options.MaxRequestBodySize, http.RequestAborted).ConfigureAwait(false);
        await exchange.RecordRequestAsync(body ?? [], interaction, http.RequestAborted).ConfigureAwait(false);

        // Note: RFC 6750 §3.1 — no error code when the request carried no token at all; invalid_token otherwise. The
        // French description stays in the OperationOutcome: header values must be ASCII.
        http.Response.Headers.WWWAuthenticate = validation.Error == PscTokenError.Missing
            ? "Bearer realm=\"dmp\""
            : string.Create(CultureInfo.InvariantCulture, $"Bearer realm=\"dmp\", error=\"invalid_token\", error_description=\"{validation.Error}\"");
        return await DocumentSharingEndpoints.RespondAsync(exchange, StatusCodes.Status401Unauthorized, DocumentSharingEndpoints.Outcome(new FhirIssue(
            FhirSimulatorFindings.AccessTokenRequired,
            OperationOutcome.IssueType.Login,
            validation.Description))).ConfigureAwait(false);
    }
}
