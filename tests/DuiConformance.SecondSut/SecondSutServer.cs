using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace DuiConformance.SecondSut;

/// <summary>
/// The second system under test: a minimal API on 127.0.0.1 with its native operation interface (<c>/api/…</c>, for a
/// script or a person) and, only when a hooks secret is given, the DuiConformance test hooks (<c>/conformance-hooks/v1/</c>).
/// </summary>
public static class SecondSutServer
{
    public const string ProductName = "Second SUT DuiConformance";
    public const string ProductVersion = "1.0.0";

    /// <summary>The verbs its hooks perform.</summary>
    public static IReadOnlyList<string> Actions { get; } = ["create-usager", "lookup-ins", "qualify-identity", "create-document", "publish-dmp", "send-mss"];

    /// <summary>Starts listening on 127.0.0.1:<paramref name="port"/> (0: any free port); <paramref name="hooksSecret"/> null keeps the hooks off.</summary>
    public static async Task<RunningSecondSut> StartAsync(int port, string? hooksSecret, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(options => options.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        var app = builder.Build();
        var desk = new Desk();
        MapNative(app.MapGroup("/api"), desk);
        if (!string.IsNullOrEmpty(hooksSecret))
        {
            MapHooks(app.MapGroup("/conformance-hooks/v1"), desk, hooksSecret);
        }

        await app.StartAsync(ct);
        return new RunningSecondSut(app, new Uri(app.Urls.First().TrimEnd('/') + "/"));
    }

    private static void MapNative(RouteGroupBuilder api, Desk desk)
    {
        api.MapPost("/links", async (HttpRequest request) => Configure(desk, await ReadAsync(request)));
        api.MapGet("/residents", () => Results.Json(desk.Residents()));
        api.MapPost("/residents", async (HttpRequest request) =>
            Answer(desk.Admit((await ReadAsync(request))?.ToDictionary(pair => pair.Key, pair => pair.Value?.ToString() ?? "") ?? [])));
        api.MapPost("/residents/{number}/insi", async (string number, CancellationToken ct) => Answer(await desk.LookupInsAsync(number, ct)));
        api.MapPost("/residents/{number}/identity-document", (string number) => Answer(desk.CheckIdentityDocument(number)));
        api.MapPost("/residents/{number}/dlu", (string number) => Answer(desk.WriteDlu(number)));
        api.MapPost("/documents/{number}/dmp", async (string number, CancellationToken ct) => Answer(await desk.PublishAsync(number, ct)));
        api.MapPost("/documents/{number}/mssante", async (string number, HttpRequest request, CancellationToken ct) =>
            Answer(await desk.SendAsync(number, (await ReadAsync(request))?["recipient"]?.ToString() ?? "", ct)));
    }

    private static void MapHooks(RouteGroupBuilder hooks, Desk desk, string secret)
    {
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        hooks.AddEndpointFilter(async (context, next) =>
        {
            var given = SHA256.HashData(Encoding.UTF8.GetBytes(context.HttpContext.Request.Headers["X-Conformance-Hooks-Secret"].ToString()));
            return CryptographicOperations.FixedTimeEquals(given, expected) ? await next(context) : Results.StatusCode(StatusCodes.Status401Unauthorized);
        });
        hooks.MapGet("/info", () => Results.Json(new { product = new { name = ProductName, version = ProductVersion }, contractVersion = "1", actions = Actions }));
        hooks.MapPost("/configure", async (HttpRequest request) => Configure(desk, await ReadAsync(request)));
        hooks.MapPost("/reset", () =>
        {
            desk.Reset();
            return Results.Json(new { succeeded = true, message = "données effacées" });
        });
        hooks.MapPost("/actions/{action}", async (string action, HttpRequest request, CancellationToken ct) =>
        {
            var body = await ReadAsync(request);
            if (body is null)
            {
                return Results.BadRequest();
            }

            string? Var(string name) => body["vars"]?[name]?.ToString();
            var data = (body["data"] as JsonObject ?? []).ToDictionary(pair => pair.Key, pair => pair.Value?.ToString() ?? "");
            var outcome = action switch
            {
                "create-usager" => desk.Admit(data.Where(pair => pair.Key.StartsWith("usager.", StringComparison.Ordinal)).ToDictionary(pair => pair.Key["usager.".Length..], pair => pair.Value)),
                "lookup-ins" => await desk.LookupInsAsync(Var("usagerId"), ct),
                "qualify-identity" => desk.CheckIdentityDocument(Var("usagerId")),
                "create-document" => desk.WriteDlu(Var("usagerId")),
                "publish-dmp" => await desk.PublishAsync(Var("documentId"), ct),
                "send-mss" => await desk.SendAsync(Var("documentId"), body["parameters"]?["recipient"]?.ToString() ?? data.GetValueOrDefault("recipient", ""), ct),
                _ => null,
            };
            return outcome is null
                ? Results.NotFound()
                : Results.Json(new { succeeded = outcome.Ok, message = outcome.Message, vars = outcome.Vars });
        });
    }

    private static IResult Configure(Desk desk, JsonObject? body)
    {
        if (body is null)
        {
            return Results.BadRequest();
        }

        try
        {
            desk.Links = Links.From(body);
            return Results.Json(new { succeeded = true, message = "liens enregistrés" });
        }
        catch (Exception exception) when (exception is FormatException or InvalidOperationException or System.Security.Cryptography.CryptographicException)
        {
            return Results.Json(new { succeeded = false, message = "configuration illisible : " + exception.Message });
        }
    }

    private static async Task<JsonObject?> ReadAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static IResult Answer(Outcome outcome) =>
        Results.Json(new Dictionary<string, object>(outcome.Vars.Select(pair => KeyValuePair.Create(pair.Key, (object)pair.Value))) { ["ok"] = outcome.Ok, ["message"] = outcome.Message });
}
