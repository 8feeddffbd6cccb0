using System.Globalization;
using System.Security.Cryptography;
using DuiConformance.Core.Evidence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DuiConformance.Simulators.Insi;

/// <summary>
/// The single SOAP endpoint of the simulated INSi: every request is recorded (exact bytes) with the TLS facts, then
/// judged in order (client certificate, media type, envelope and headers, traits) and answered with a
/// <c>RESULTAT</c> or a SOAP 1.2 fault, recorded before it is sent. Hostile input never crashes it.
/// </summary>
public static class InsiEndpoints
{
    /// <summary>Maps <c>POST {path}</c>; needs <see cref="EvidenceStore"/>, <see cref="InsiIdentityBase"/>, <see cref="InsiCertificates"/> and <see cref="InsiSimulatorOptions"/> as services.</summary>
    public static IEndpointRouteBuilder MapInsi(this IEndpointRouteBuilder endpoints, string path = InsiSimulatorOptions.DefaultPath)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(path, HandleAsync);
        endpoints.MapMethods(path, ["GET", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"], WrongMethodAsync);
        return endpoints;
    }

    /// <summary>Any verb but POST: a SOAP fault saying the SOAP 1.2 HTTP binding posts requests (recorded, never a bare 405).</summary>
    public static async Task<IResult> WrongMethodAsync(HttpContext context, EvidenceStore evidence)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(evidence);
        var exchange = "ix-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var request = await evidence.RecordAsync(EvidenceKinds.InsiRequest, ReadOnlyMemory<byte>.Empty, InsiSoap.MediaType, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [InsiProperties.Exchange] = exchange,
            [FhirProperties.Method] = context.Request.Method,
        }).ConfigureAwait(false);
        return await FaultAsync(evidence, exchange, request.Id, null, new InsiFault(
            InsiFault.MalformedMessage, $"Méthode HTTP {context.Request.Method} : le téléservice INSi attend un POST SOAP 1.2 (application/soap+xml).")).ConfigureAwait(false);
    }

    /// <summary>Handles one INSi call.</summary>
    public static async Task<IResult> HandleAsync(
        HttpContext context,
        EvidenceStore evidence,
        InsiIdentityBase identities,
        InsiCertificates certificates,
        InsiSimulatorOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(identities);
        ArgumentNullException.ThrowIfNull(certificates);
        ArgumentNullException.ThrowIfNull(options);
        var exchange = "ix-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var certificate = context.Connection.ClientCertificate;
        var certificateProblem = certificates.ClientProblem(certificate);
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [InsiProperties.Exchange] = exchange,
            [InsiProperties.ClientCertificate] = certificateProblem is null ? "true" : "false",
            [InsiProperties.ClientSubject] = certificate?.Subject ?? string.Empty,
            [InsiProperties.TlsProtocol] = context.Features.Get<ITlsHandshakeFeature>()?.Protocol.ToString() ?? string.Empty,
            [FhirProperties.ContentType] = context.Request.ContentType ?? string.Empty,
        };

        var body = await Fhir.FhirRequestBody.ReadAsync(context.Request, options.MaxRequestBodySize, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            // Note: the oversized body is not read nor stored; the request item says so and the refusal is recorded.
            properties[InsiProperties.Oversized] = "true";
            var tooLarge = await evidence.RecordAsync(EvidenceKinds.InsiRequest, ReadOnlyMemory<byte>.Empty, InsiSoap.MediaType, properties, cancellationToken).ConfigureAwait(false);
            return await FaultAsync(evidence, exchange, tooLarge.Id, null, new InsiFault(
                InsiFault.TooLarge,
                string.Create(CultureInfo.InvariantCulture, $"Requête supérieure à la limite du simulateur ({options.MaxRequestBodySize} octets).")))
                .ConfigureAwait(false);
        }

        InsiFault? fault;
        InsiRequest? request;
        string action;
        try
        {
            request = InsiRequestParser.Parse(body, out fault, out action);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            request = null;
            action = string.Empty;
            fault = new InsiFault(InsiFault.SimulatorError, $"Erreur interne du simulateur INSi : {exception.GetType().Name}: {exception.Message}", FromSender: false);
        }

        properties[InsiProperties.Action] = action;
        var recorded = await evidence.RecordAsync(EvidenceKinds.InsiRequest, body, InsiSoap.MediaType, properties, cancellationToken).ConfigureAwait(false);
        var relatesTo = request?.MessageId;
        if (certificateProblem is not null)
        {
            return await FaultAsync(evidence, exchange, recorded.Id, relatesTo, new InsiFault(
                certificate is null ? InsiFault.NoClientCertificate : InsiFault.UntrustedClientCertificate, certificateProblem)).ConfigureAwait(false);
        }

        if (!IsSoap12(context.Request.ContentType))
        {
            return await FaultAsync(evidence, exchange, recorded.Id, relatesTo, new InsiFault(
                InsiFault.WrongMediaType,
                $"Content-Type « {context.Request.ContentType ?? "absent"} » : SOAP 1.2 attend application/soap+xml.")).ConfigureAwait(false);
        }

        if (request is null)
        {
            return await FaultAsync(evidence, exchange, recorded.Id, relatesTo, fault!).ConfigureAwait(false);
        }

        var matches = identities.Find(request.Traits);
        var answer = InsiResponseWriter.Result(request, matches, NewMessageId());
        var response = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [InsiProperties.Exchange] = exchange,
            [InsiProperties.Related] = recorded.Id,
            [InsiProperties.Status] = "200",
            [InsiProperties.CodeCr] = InsiResponseWriter.CodeCr(matches.Count),
            [InsiProperties.Action] = InsiResponseWriter.ResponseAction,
        };

        // Note: recorded before it is sent, never cancelled half-way (DESIGN.md §6).
        await evidence.RecordAsync(EvidenceKinds.InsiResponse, answer, InsiSoap.MediaType, response, CancellationToken.None).ConfigureAwait(false);
        return TypedResults.Text(answer, InsiSoap.ContentType, StatusCodes.Status200OK);
    }

    private static async Task<IResult> FaultAsync(EvidenceStore evidence, string exchange, string requestId, string? relatesTo, InsiFault fault)
    {
        var bytes = InsiResponseWriter.Fault(fault, NewMessageId(), relatesTo);
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [InsiProperties.Exchange] = exchange,
            [InsiProperties.Related] = requestId,
            [InsiProperties.Status] = fault.HttpStatus.ToString(CultureInfo.InvariantCulture),
            [InsiProperties.CodeCr] = string.Empty,
            [InsiProperties.Fault] = "insi:" + fault.Subcode,
        };
        await evidence.RecordAsync(EvidenceKinds.InsiResponse, bytes, InsiSoap.MediaType, properties, CancellationToken.None).ConfigureAwait(false);
        return TypedResults.Text(bytes, InsiSoap.ContentType, fault.HttpStatus);
    }

    private static string NewMessageId() => "uuid:" + Guid.NewGuid().ToString("D");

    private static bool IsSoap12(string? contentType)
    {
        var media = contentType?.Split(';')[0].Trim();
        return string.Equals(media, InsiSoap.MediaType, StringComparison.OrdinalIgnoreCase);
    }
}
