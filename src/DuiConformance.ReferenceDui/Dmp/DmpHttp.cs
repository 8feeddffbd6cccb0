using System.Net.Http.Headers;

namespace DuiConformance.ReferenceDui.Dmp;

/// <summary>
/// The DUI's requests to the DMP FHIR base other than ITI-65: each carries the Pro Santé Connect token when one is
/// configured, times out after 30 s and never throws for a server or network failure.
/// </summary>
internal sealed class DmpHttp
{
    /// <summary>FHIR JSON media type.</summary>
    public const string FhirJson = "application/fhir+json";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly HttpClient _http;
    private readonly PscTokenClient? _tokens;

    public DmpHttp(HttpClient http, string? fhirBaseUrl, PscTokenClient? tokens)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _tokens = tokens;
        BaseUrl = string.IsNullOrWhiteSpace(fhirBaseUrl) ? null : fhirBaseUrl.TrimEnd('/');
    }

    /// <summary>The FHIR base without trailing slash, or <c>null</c> when none is configured.</summary>
    public string? BaseUrl { get; }

    /// <summary>An answer: the HTTP status and body, or the reason there is none (<see cref="Error"/>, in French).</summary>
    public sealed record Response(int? Status, byte[] Body, string? Error)
    {
        /// <summary>True for a 2xx answer.</summary>
        public bool IsSuccess => Status is >= 200 and < 300;
    }

    /// <summary>Sends <paramref name="method"/> to <paramref name="relativeOrAbsolute"/> (relative to the FHIR base).</summary>
    public async Task<Response> SendAsync(HttpMethod method, string relativeOrAbsolute, HttpContent? content, CancellationToken cancellationToken, string accept = FhirJson)
    {
        if (BaseUrl is null)
        {
            return new Response(null, [], "l'adresse du DMP (FhirBaseUrl) n'est pas configurée.");
        }

        var url = relativeOrAbsolute.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || relativeOrAbsolute.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? relativeOrAbsolute
            : BaseUrl + "/" + relativeOrAbsolute.TrimStart('/');
        if (!url.StartsWith(BaseUrl + "/", StringComparison.OrdinalIgnoreCase))
        {
            // Note: the Pro Santé Connect token goes only to the configured DMP, never to an address a response named.
            return new Response(null, [], $"adresse hors du DMP configuré refusée : « {url} ».");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        using var request = new HttpRequestMessage(method, new Uri(url)) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        if (_tokens is not null)
        {
            var token = await _tokens.GetAsync(timeout.Token).ConfigureAwait(false);
            if (token.AccessToken is null)
            {
                return new Response(null, [], $"jeton d'accès indisponible. {token.Error}");
            }

            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        }

        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            return new Response((int)response.StatusCode, body, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Response(null, [], $"pas de réponse du DMP en {Timeout.TotalSeconds:0} s.");
        }
        catch (HttpRequestException e)
        {
            return new Response(null, [], $"DMP injoignable ({e.Message}).");
        }
    }
}
