using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace DuiConformance.ReferenceDui.Dmp;

/// <summary>
/// Obtains the Pro Santé Connect access token the DMP requires: the DUI authenticates as its registered client
/// (<c>client_secret_basic</c>) and asks for the author's token with the password grant the harness's PSC simulator
/// offers in place of the interactive e-CPS login. The token lives in memory only and is reused until 30 s before it
/// expires (domain.md §4.2, SC.MSS/CONF.28: a PSC token is never stored persistently).
/// </summary>
internal sealed class PscTokenClient
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan RenewBefore = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private readonly Uri _tokenEndpoint;
    private readonly string _clientId;
    private readonly string _clientSecret;
    private readonly string _username;
    private readonly string _password;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CachedToken? _current;

    public PscTokenClient(HttpClient http, string tokenEndpoint, string clientId, string clientSecret, string username, string password, TimeProvider time)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        if (!Uri.TryCreate(tokenEndpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"PscTokenEndpoint n'est pas une URL http(s) absolue : « {tokenEndpoint} ».", nameof(tokenEndpoint));
        }

        _tokenEndpoint = uri;
        _clientId = clientId ?? throw new ArgumentNullException(nameof(clientId));
        _clientSecret = clientSecret ?? throw new ArgumentNullException(nameof(clientSecret));
        _username = username ?? throw new ArgumentNullException(nameof(username));
        _password = password ?? throw new ArgumentNullException(nameof(password));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>What obtaining a token gave: the token, or a French sentence saying why there is none.</summary>
    public sealed record Result(string? AccessToken, string? Error);

    /// <summary>A valid access token (cached, or fresh from the token endpoint); never throws for a server or network failure.</summary>
    public async Task<Result> GetAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _current) is { } current && _time.GetUtcNow() < current.RenewAt)
            {
                return new Result(current.Token, null);
            }

            return await RequestAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Forgets <paramref name="accessToken"/> when it is the cached one: a server refused it or closed the session it
    /// opened (revoked at Pro Santé Connect), so the next <see cref="GetAsync"/> asks for a new token and the stale one is
    /// never presented again (domain.md §4.2, §8.5 MSS-04, SC.MSS/CONF.10).
    /// </summary>
    public void Invalidate(string accessToken)
    {
        ArgumentNullException.ThrowIfNull(accessToken);
        if (Volatile.Read(ref _current) is { } current && string.Equals(current.Token, accessToken, StringComparison.Ordinal))
        {
            Interlocked.CompareExchange(ref _current, null, current);
        }
    }

    private sealed record CachedToken(string Token, DateTimeOffset RenewAt);

    private async Task<Result> RequestAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, _tokenEndpoint)
        {
            Content = new FormUrlEncodedContent(
            [
                new("grant_type", "password"),
                new("username", _username),
                new("password", _password),
                new("scope", "openid scope_all"),
            ]),
        };

        // Note: RFC 6749 §2.3.1 — id and secret are form-urlencoded before being joined for HTTP Basic.
        var credentials = Uri.EscapeDataString(_clientId) + ":" + Uri.EscapeDataString(_clientSecret);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        try
        {
            using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (!response.IsSuccessStatusCode)
            {
                var error = root.TryGetProperty("error", out var code) ? code.GetString() : null;
                var description = root.TryGetProperty("error_description", out var text) ? text.GetString() : null;
                return new Result(null, $"Pro Santé Connect a refusé le jeton (HTTP {(int)response.StatusCode}, {error}) : {description}");
            }

            if (!root.TryGetProperty("access_token", out var token) || token.GetString() is not { Length: > 0 } accessToken)
            {
                return new Result(null, "Réponse de Pro Santé Connect sans access_token.");
            }

            var lifetime = root.TryGetProperty("expires_in", out var expires) && expires.TryGetInt64(out var seconds) ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero;
            Volatile.Write(ref _current, new CachedToken(accessToken, _time.GetUtcNow() + lifetime - RenewBefore));
            return new Result(accessToken, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Result(null, $"Pro Santé Connect n'a pas répondu en {Timeout.TotalSeconds:0} s.");
        }
        catch (HttpRequestException e)
        {
            return new Result(null, $"Pro Santé Connect injoignable ({e.Message}).");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return new Result(null, "Réponse de Pro Santé Connect illisible.");
        }
    }
}
