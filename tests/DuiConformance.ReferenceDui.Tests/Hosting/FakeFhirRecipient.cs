using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DuiConformance.ReferenceDui.Tests.Hosting;

/// <summary>
/// A minimal stand-in for the DMP FHIR endpoint, on loopback port 0: it records every POST body to <c>/fhir</c> and
/// answers either a transaction-response (one 201 per entry, same order) or a 422 OperationOutcome.
/// </summary>
internal sealed class FakeFhirRecipient : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource<(string ContentType, byte[] Body)> _received = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeFhirRecipient(WebApplication app) => _app = app;

    public Uri FhirBase { get; private set; } = null!;

    /// <summary>When true, the recipient refuses with 422 and an OperationOutcome.</summary>
    public bool Refuse { get; set; }

    /// <summary>The first POST received (content type and exact body).</summary>
    public Task<(string ContentType, byte[] Body)> Received => _received.Task;

    public static async Task<FakeFhirRecipient> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeFhirRecipient(app);
        app.MapPost("/fhir", (Delegate)fake.HandleAsync);
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(10));
        fake.FhirBase = new Uri(app.Urls.First().TrimEnd('/') + "/fhir");
        return fake;
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        _received.TrySetResult((context.Request.ContentType ?? "", body));

        if (Refuse)
        {
            const string outcome = """
                {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"invalid","diagnostics":"Hash SHA-1 incohérent avec le Binary"}]}
                """;
            return Results.Text(outcome, "application/fhir+json", Encoding.UTF8, StatusCodes.Status422UnprocessableEntity);
        }

        var request = JsonNode.Parse(body)!;
        var entries = new JsonArray();
        foreach (var entry in request["entry"]!.AsArray())
        {
            var type = entry!["resource"]!["resourceType"]!.GetValue<string>();
            entries.Add(new JsonObject { ["response"] = new JsonObject { ["status"] = "201 Created", ["location"] = $"{type}/{Guid.NewGuid():N}/_history/1" } });
        }

        var response = new JsonObject { ["resourceType"] = "Bundle", ["type"] = "transaction-response", ["entry"] = entries };
        return Results.Text(response.ToJsonString(), "application/fhir+json", Encoding.UTF8, StatusCodes.Status200OK);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await _app.DisposeAsync();
    }
}
