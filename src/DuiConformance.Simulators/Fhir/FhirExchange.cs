using System.Globalization;
using System.Security.Cryptography;
using DuiConformance.Core.Evidence;
using Microsoft.AspNetCore.Http;

namespace DuiConformance.Simulators.Fhir;

/// <summary>
/// One HTTP exchange with the FHIR simulator, recorded in two steps: the request body as received, before anything
/// parses it, then the response body before it is sent (DESIGN.md §6). Both carry the same exchange id.
/// </summary>
internal sealed class FhirExchange
{
    private readonly EvidenceStore _evidence;
    private readonly HttpRequest _request;

    private FhirExchange(EvidenceStore evidence, HttpRequest request)
    {
        _evidence = evidence;
        _request = request;
        Id = "fx-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
    }

    /// <summary>The exchange id (<see cref="FhirProperties.Exchange"/>).</summary>
    public string Id { get; }

    /// <summary>The recorded request, once <see cref="RecordRequestAsync"/> ran.</summary>
    public EvidenceItem? RequestItem { get; private set; }

    public static FhirExchange Begin(EvidenceStore evidence, HttpRequest request) => new(evidence, request);

    /// <summary>Records the exact request body with method, path, content type and the recognised interaction.</summary>
    public async Task RecordRequestAsync(ReadOnlyMemory<byte> body, string interaction, CancellationToken cancellationToken)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [FhirProperties.Method] = _request.Method,
            [FhirProperties.Path] = RelativePath(_request),
            [FhirProperties.ContentType] = _request.ContentType ?? string.Empty,
            [FhirProperties.Interaction] = interaction,
            [FhirProperties.Exchange] = Id,
            [DocumentSharingEndpoints.RequestHeadersProperty] = RedactedHeaders(_request.Headers),
        };
        if (_request.HttpContext.Items[AccessTokenFilter.PrincipalKey] is Psc.PscPrincipal principal)
        {
            properties[DocumentSharingEndpoints.AccessTokenSubjectProperty] = principal.Subject;
        }

        // Note: not flushed on its own: the answer is recorded (and flushed, which covers this item too) before anything
        // is sent, so one fsync serves the exchange and nothing is acknowledged that a crash could lose (issue 9 §8).
        RequestItem = await _evidence.RecordUnflushedAsync(EvidenceKinds.FhirRequest, body, MediaTypeOf(_request.ContentType), properties, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records the response body with its status and the id of the request it answers.</summary>
    public async Task<EvidenceItem> RecordResponseAsync(byte[] body, int status, CancellationToken cancellationToken, string mediaType = FhirJson.MediaType)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [FhirProperties.Status] = status.ToString(CultureInfo.InvariantCulture),
            [FhirProperties.Related] = RequestItem?.Id ?? string.Empty,
            [FhirProperties.Exchange] = Id,
        };
        return await _evidence.RecordAsync(EvidenceKinds.FhirResponse, body, mediaType, properties, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The request path and query relative to the FHIR base: <c>/</c> for <c>POST [base]</c>, <c>/metadata</c>.</summary>
    private static string RelativePath(HttpRequest request)
    {
        var path = request.Path.Value ?? string.Empty;
        if (path.StartsWith(DocumentSharingEndpoints.BasePath, StringComparison.OrdinalIgnoreCase))
        {
            path = path[DocumentSharingEndpoints.BasePath.Length..];
        }

        return (path.Length == 0 ? "/" : path) + request.QueryString.Value;
    }

    /// <summary>
    /// The headers in order, with the value of <c>Authorization</c> (after its scheme), <c>Cookie</c> and
    /// <c>Proxy-Authorization</c> masked at the source (STYLE.md rule 10): a Pro Santé Connect bearer token never reaches evidence.
    /// </summary>
    private static string RedactedHeaders(IHeaderDictionary headers)
    {
        var lines = new List<string>();
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                lines.Add($"{name}: {Redact(name, value ?? string.Empty)}");
            }
        }

        return string.Join('\n', lines);
    }

    private static string Redact(string name, string value)
    {
        if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase))
        {
            var space = value.IndexOf(' ', StringComparison.Ordinal);
            return space < 0 ? Smtp.SmtpSecretRedactor.Mask : value[..space] + " " + Smtp.SmtpSecretRedactor.Mask;
        }

        return name.Equals("Cookie", StringComparison.OrdinalIgnoreCase) ? Smtp.SmtpSecretRedactor.Mask : value;
    }

    private static string MediaTypeOf(string? contentType)
    {
        var media = contentType?.Split(';')[0].Trim();
        return string.IsNullOrEmpty(media) ? "application/octet-stream" : media;
    }
}
