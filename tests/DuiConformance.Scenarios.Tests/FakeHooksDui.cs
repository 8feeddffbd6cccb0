using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DuiConformance.Scenarios.Tests;

/// <summary>A tiny DUI on loopback that implements the hooks contract with scripted answers, and keeps every request body.</summary>
internal sealed class FakeHooksDui : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeHooksDui(WebApplication app, Uri hooks)
    {
        _app = app;
        HooksUrl = hooks;
    }

    public Uri HooksUrl { get; }

    public ConcurrentQueue<(string Path, string Body)> Received { get; } = new();

    public TimeSpan ActionDelay { get; set; }

    public static async Task<FakeHooksDui> StartAsync(string secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeHooksDui? fake = null;
        app.Use(async (context, next) =>
        {
            if (context.Request.Headers["X-Conformance-Hooks-Secret"] != secret)
            {
                context.Response.StatusCode = 401;
                return;
            }

            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            fake!.Received.Enqueue((context.Request.Path.Value!, body));
            await next(context);
        });
        app.MapGet("/conformance-hooks/v1/info", () => Results.Json(new { product = new { name = "Faux DUI", version = "9.9" }, actions = new[] { "create-usager", "send-mss", "not-a-verb" } }));
        app.MapPost("/conformance-hooks/v1/configure", () => Results.Json(new { succeeded = true }));
        app.MapPost("/conformance-hooks/v1/reset", () => Results.Json(new { succeeded = true }));
        app.MapPost("/conformance-hooks/v1/actions/create-usager", async () =>
        {
            await Task.Delay(fake!.ActionDelay);
            return Results.Json(new { succeeded = true, vars = new { usagerId = "42" } });
        });
        app.MapPost("/conformance-hooks/v1/actions/send-mss", () => Results.Json(new { succeeded = false, message = "boîte d'envoi pleine" }));
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(20));
        fake = new FakeHooksDui(app, new Uri(app.Urls.First().TrimEnd('/') + "/conformance-hooks/v1/"));
        return fake;
    }

    public static JsonObject Configuration() => new()
    {
        ["smtp"] = new JsonObject { ["host"] = "127.0.0.1", ["port"] = 2525, ["password"] = "mot-de-passe-secret" },
        ["insi"] = new JsonObject { ["clientCertificatePkcs12"] = "AAAA", ["clientCertificatePassword"] = "autre-secret" },
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
