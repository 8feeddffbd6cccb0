using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;

namespace DuiConformance.Simulators.Psc;

/// <summary>
/// The HTTP face of the simulated Pro Santé Connect, under <see cref="PscSimulatorOptions.RealmPath"/> as on the real
/// Keycloak realm (domain.md §5.3): OIDC discovery (both <c>openid-configuration</c> and PSC's
/// <c>wallet-openid-configuration</c>), the JWKS, and the token endpoint.
/// </summary>
/// <remarks>
/// The token endpoint accepts two grants, each authenticated by a registered client (<see cref="PscOrganisation"/>,
/// <c>client_secret_basic</c> or <c>client_secret_post</c>, RFC 6749 §2.3.1):
/// <list type="bullet">
/// <item><c>grant_type=client_credentials</c> (RFC 6749 §4.4): a token for the organisation, <c>sub</c> = 1 + FINESS;</item>
/// <item><c>grant_type=password</c> with <c>username</c> = RPPS and <c>password</c> (RFC 6749 §4.3): a token for the
/// professional, <c>sub</c> = 8 + RPPS. It stands for PSC's interactive e-CPS login (authorization code with
/// <c>acr_values=eidas1</c>), which a harness cannot drive; the authorization-code flow is not simulated yet.</item>
/// </list>
/// Every refusal is the RFC 6749 §5.2 error JSON (<c>invalid_request</c>, <c>invalid_client</c>, <c>invalid_grant</c>,
/// <c>unsupported_grant_type</c>, <c>invalid_scope</c>), never an exception.
/// </remarks>
public static class PscEndpoints
{
    /// <summary>The token endpoint, relative to the realm.</summary>
    public const string TokenPath = "/protocol/openid-connect/token";

    /// <summary>The JWKS, relative to the realm.</summary>
    public const string JwksPath = "/protocol/openid-connect/certs";

    /// <summary>The OIDC discovery document, relative to the realm.</summary>
    public const string DiscoveryPath = "/.well-known/openid-configuration";

    /// <summary>PSC's own name for the discovery document (domain.md §5.3), relative to the realm.</summary>
    public const string WalletDiscoveryPath = "/.well-known/wallet-openid-configuration";

    /// <summary>The token revocation endpoint (RFC 7009), relative to the realm, as on Keycloak.</summary>
    public const string RevocationPath = "/protocol/openid-connect/revoke";

    private static readonly string[] SupportedScopes = ["openid", "scope_all"];

    internal static IEndpointRouteBuilder MapPsc(this IEndpointRouteBuilder endpoints)
    {
        var realm = endpoints.MapGroup(PscSimulatorOptions.RealmPath);
        realm.MapGet(DiscoveryPath, Discovery);
        realm.MapGet(WalletDiscoveryPath, Discovery);
        realm.MapGet(JwksPath, Jwks);
        realm.MapPost(TokenPath, TokenAsync);
        realm.MapPost(RevocationPath, RevokeAsync);
        return endpoints;
    }

    private static IResult Discovery(PscRealm realm)
    {
        if (realm.Issuer is not { } issuer)
        {
            return NotReady();
        }

        var baseUrl = issuer.Issuer.ToString().TrimEnd('/');
        return Json(StatusCodes.Status200OK, writer =>
        {
            writer.WriteString("issuer", baseUrl);
            writer.WriteString("token_endpoint", baseUrl + TokenPath);
            writer.WriteString("jwks_uri", baseUrl + JwksPath);
            writer.WriteString("revocation_endpoint", baseUrl + RevocationPath);
            WriteArray(writer, "grant_types_supported", ["client_credentials", "password"]);
            WriteArray(writer, "token_endpoint_auth_methods_supported", ["client_secret_basic", "client_secret_post"]);
            WriteArray(writer, "scopes_supported", SupportedScopes);
            WriteArray(writer, "acr_values_supported", [PscClaims.ProfessionalAcr]);
            WriteArray(writer, "subject_types_supported", ["public"]);
            WriteArray(writer, "id_token_signing_alg_values_supported", [PscSigningKey.Algorithm]);
            WriteArray(writer, "response_types_supported", []);
        });
    }

    private static IResult Jwks(PscRealm realm) => Json(StatusCodes.Status200OK, writer =>
    {
        writer.WritePropertyName("keys");
        writer.WriteStartArray();
        realm.Key.WriteJwk(writer);
        writer.WriteEndArray();
    });

    private static async Task<IResult> TokenAsync(HttpRequest request, PscRealm realm, CancellationToken cancellationToken)
    {
        if (realm.Issuer is not { } issuer)
        {
            return NotReady();
        }

        if (!request.HasFormContentType)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "Content-Type attendu : application/x-www-form-urlencoded (RFC 6749 §4.1.3).");
        }

        if (request.ContentLength > realm.Options.MaxRequestBodySize)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "Requête trop volumineuse.");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or BadHttpRequestException)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "Formulaire illisible.");
        }

        // Note: RFC 6749 §3.2 — request parameters must not be included more than once.
        if (form.Any(field => field.Value.Count > 1))
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", $"Paramètre répété : {form.First(field => field.Value.Count > 1).Key}.");
        }

        var (client, clientError) = Authenticate(request, form, realm.Options);
        if (clientError is not null)
        {
            return clientError;
        }

        var requestedScope = Single(form, "scope") ?? PscClaims.DefaultScope;
        var scopes = requestedScope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (scopes.Length == 0 || scopes.Any(item => !SupportedScopes.Contains(item, StringComparer.Ordinal)))
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_scope", $"Portée non accordée : « {requestedScope} » (permises : {string.Join(' ', SupportedScopes)}).");
        }

        var scope = string.Join(' ', scopes);
        switch (Single(form, "grant_type"))
        {
            case null or "":
                return Error(StatusCodes.Status400BadRequest, "invalid_request", "Paramètre grant_type absent.");
            case "client_credentials":
                return Token(issuer.IssueForOrganisation(client!, scope), scope);
            case "password":
                var username = Single(form, "username");
                var password = Single(form, "password");
                if (string.IsNullOrEmpty(username) || password is null)
                {
                    return Error(StatusCodes.Status400BadRequest, "invalid_request", "Paramètres username (RPPS) et password requis.");
                }

                var professional = realm.Options.Professionals.FirstOrDefault(candidate => candidate.Rpps == username);
                if (professional is null || !SecretEquals(professional.Password, password))
                {
                    return Error(StatusCodes.Status400BadRequest, "invalid_grant", "RPPS ou mot de passe incorrect.");
                }

                return Token(issuer.IssueForProfessional(professional, client!, scope), scope);
            case var other:
                return Error(StatusCodes.Status400BadRequest, "unsupported_grant_type", $"Type d'autorisation non pris en charge : « {other} ».");
        }
    }

    /// <summary>
    /// RFC 7009 §2: the client authenticates as for the token endpoint and names an access token in <c>token</c>
    /// (<c>token_type_hint</c> optional). A valid token issued to another client is refused (<c>unauthorized_client</c>,
    /// §2.1); an unknown, expired or already revoked token still gets 200 (§2.2), so nothing leaks about tokens.
    /// </summary>
    /// <remarks>
    /// Note: the simulator issues no refresh tokens, so revoking the access token is how a test stands for the revoked PSC
    /// session of SC.MSS/CONF.10 (domain.md §4.2, §8.5 MSS-04).
    /// </remarks>
    private static async Task<IResult> RevokeAsync(HttpRequest request, PscRealm realm, CancellationToken cancellationToken)
    {
        if (realm.Validator is not { } validator)
        {
            return NotReady();
        }

        if (!request.HasFormContentType || request.ContentLength > realm.Options.MaxRequestBodySize)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "Formulaire application/x-www-form-urlencoded attendu (RFC 7009 §2.1).");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or BadHttpRequestException)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "Formulaire illisible.");
        }

        var (client, clientError) = Authenticate(request, form, realm.Options);
        if (clientError is not null)
        {
            return clientError;
        }

        if (Single(form, "token") is not { Length: > 0 } token)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "Paramètre token absent (RFC 7009 §2.1).");
        }

        var validation = validator.Validate(token);
        if (validation.Principal is { } principal)
        {
            if (!string.Equals(principal.ClientId, client!.ClientId, StringComparison.Ordinal))
            {
                return Error(StatusCodes.Status400BadRequest, "unauthorized_client", "Ce jeton n'a pas été délivré à ce client (RFC 7009 §2.1).");
            }

            realm.Revocations.Revoke(principal.TokenId);
        }

        return new WithHeader(TypedResults.Ok(), "Cache-Control", "no-store");
    }

    /// <summary>The registered client the request authenticates as (Basic or form), or the error to answer.</summary>
    private static (PscOrganisation? Client, IResult? Error) Authenticate(HttpRequest request, IFormCollection form, PscSimulatorOptions options)
    {
        string? id = null, secret = null;
        var basic = false;
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            basic = true;
            if (!TryDecodeBasic(authorization["Basic ".Length..].Trim(), out id, out secret))
            {
                return (null, ClientError(basic: true, "En-tête Authorization Basic illisible."));
            }

            if (form.ContainsKey("client_secret"))
            {
                return (null, Error(StatusCodes.Status400BadRequest, "invalid_request", "Une seule méthode d'authentification du client est permise (RFC 6749 §2.3)."));
            }
        }
        else
        {
            id = Single(form, "client_id");
            secret = Single(form, "client_secret");
        }

        if (string.IsNullOrEmpty(id) || secret is null)
        {
            return (null, ClientError(basic, "Authentification du client absente (client_id et client_secret)."));
        }

        var client = options.Organisations.FirstOrDefault(candidate => candidate.ClientId == id);
        if (client is null || !SecretEquals(client.ClientSecret, secret))
        {
            return (null, ClientError(basic, "Client inconnu ou secret incorrect."));
        }

        return (client, null);
    }

    // Note: RFC 6749 §2.3.1 — client id and secret are form-urlencoded before being joined with ':' and base64-encoded.
    private static bool TryDecodeBasic(string value, out string? id, out string? secret)
    {
        id = secret = null;
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            return false;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        id = Uri.UnescapeDataString(text[..colon].Replace('+', ' '));
        secret = Uri.UnescapeDataString(text[(colon + 1)..].Replace('+', ' '));
        return true;
    }

    private static bool SecretEquals(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));

    private static string? Single(IFormCollection form, string name) => form.TryGetValue(name, out StringValues values) && values.Count == 1 ? values[0] : null;

    private static IResult Token(PscIssuedToken token, string scope) => Json(StatusCodes.Status200OK, writer =>
    {
        writer.WriteString("access_token", token.AccessToken);
        writer.WriteString("token_type", "Bearer");
        writer.WriteNumber("expires_in", (long)(token.ExpiresAt - token.IssuedAt).TotalSeconds);
        writer.WriteString("scope", scope);
    }, noStore: true);

    private static IResult ClientError(bool basic, string description)
    {
        var result = Error(StatusCodes.Status401Unauthorized, "invalid_client", description);
        return basic ? new WithHeader(result, "WWW-Authenticate", "Basic realm=\"esante-wallet\"") : result;
    }

    private static IResult NotReady() => Error(StatusCodes.Status503ServiceUnavailable, "temporarily_unavailable", "Le simulateur Pro Santé Connect démarre.");

    private static IResult Error(int status, string error, string description) => Json(status, writer =>
    {
        writer.WriteString("error", error);
        writer.WriteString("error_description", description);
    }, noStore: true);

    private static IResult Json(int status, Action<Utf8JsonWriter> body, bool noStore = false)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        var result = TypedResults.Text(buffer.ToArray(), "application/json; charset=utf-8", status);

        // Note: RFC 6749 §5.1 — token responses (and their errors) must not be cached.
        return noStore ? new WithHeader(new WithHeader(result, "Cache-Control", "no-store"), "Pragma", "no-cache") : result;
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WritePropertyName(name);
        writer.WriteStartArray();
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    /// <summary>A result with one more response header.</summary>
    private sealed class WithHeader(IResult inner, string name, string value) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Append(name, value);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
