using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DuiConformance.ReferenceDui.Hooks;
using DuiConformance.ReferenceDui.Web;

namespace DuiConformance.ReferenceDui;

/// <summary>
/// The HTTP test hooks of the reference DUI (profiles/hooks/openapi.yaml), mapped only when
/// <see cref="ReferenceDuiSettings.HooksSecret"/> is set: every request must carry the shared secret, and every action
/// goes through the DUI's own services (<see cref="HookActions"/>).
/// </summary>
internal static class HooksEndpoints
{
    private const string Prefix = "/conformance-hooks/v1";
    private const string SecretHeader = "X-Conformance-Hooks-Secret";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Maps <c>GET info</c>, <c>POST configure</c>, <c>POST reset</c> and <c>POST actions/{action}</c>.</summary>
    public static void MapConformanceHooks(this IEndpointRouteBuilder app, string secret, ReferenceDuiContextHolder holder)
    {
        var expected = Encoding.UTF8.GetBytes(secret);
        var hooks = app.MapGroup(Prefix).AddEndpointFilter(async (context, next) =>
        {
            var given = Encoding.UTF8.GetBytes(context.HttpContext.Request.Headers[SecretHeader].ToString());
            // Note: constant-time comparison, so the secret cannot be guessed byte by byte from response times.
            return CryptographicOperations.FixedTimeEquals(given, expected)
                ? await next(context).ConfigureAwait(false)
                : Results.Json(new { succeeded = false, message = "secret des points d'accroche absent ou faux" }, statusCode: StatusCodes.Status401Unauthorized);
        });

        hooks.MapGet("/info", () => Results.Json(new
        {
            product = new { name = holder.Settings.ProductName, version = holder.Settings.ProductVersion },
            contractVersion = "1",
            actions = HookActions.Supported,
        }));

        hooks.MapPost("/configure", async (HttpContext http, CancellationToken ct) =>
        {
            JsonElement body;
            try
            {
                body = await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body, Json, ct).ConfigureAwait(false);
            }
            catch (JsonException exception)
            {
                return Results.Json(new { succeeded = false, message = "configuration illisible : " + exception.Message }, statusCode: StatusCodes.Status400BadRequest);
            }

            var (settings, error) = HooksConfigurationReader.Read(body, holder.Settings);
            if (settings is null)
            {
                return Results.Json(new { succeeded = false, message = "configuration refusée : " + error });
            }

            try
            {
                var current = holder.Current;
                holder.Replace(settings, ReferenceDuiComposition.Build(settings, current.Organisation, current.Database, current.Time));
            }
            catch (ArgumentException exception)
            {
                return Results.Json(new { succeeded = false, message = "configuration refusée : " + exception.Message });
            }

            return Results.Json(new { succeeded = true, message = "configuration appliquée" });
        });

        hooks.MapPost("/reset", async (ReferenceDuiContext dui, CancellationToken ct) =>
        {
            await dui.Database.ResetAsync(ct).ConfigureAwait(false);
            if (dui.Mss is { } mss)
            {
                await mss.Store.ResetAsync(ct).ConfigureAwait(false);
            }

            return Results.Json(new { succeeded = true, message = "données de test effacées" });
        });

        hooks.MapPost("/actions/{action}", async (string action, HttpContext http, ReferenceDuiContext dui, CancellationToken ct) =>
        {
            if (!HookActions.Supported.Contains(action))
            {
                return Results.Json(new { succeeded = false, message = $"action « {action} » non proposée" }, statusCode: StatusCodes.Status404NotFound);
            }

            HookActionRequest? request;
            try
            {
                request = await JsonSerializer.DeserializeAsync<HookActionRequest>(http.Request.Body, Json, ct).ConfigureAwait(false);
            }
            catch (JsonException exception)
            {
                return Results.Json(new { succeeded = false, message = "requête illisible : " + exception.Message }, statusCode: StatusCodes.Status400BadRequest);
            }

            if (request is null)
            {
                return Results.Json(new { succeeded = false, message = "corps de requête vide" }, statusCode: StatusCodes.Status400BadRequest);
            }

            var result = await HookActions.PerformAsync(action, request, dui, ct).ConfigureAwait(false);
            return Results.Json(new { succeeded = result.Succeeded, message = result.Message, vars = result.Vars });
        });
    }
}
