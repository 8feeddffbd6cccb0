using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DuiConformance.Core;
using DuiConformance.Core.Evidence;
using DuiConformance.Scenarios.Definitions;

namespace DuiConformance.Scenarios.Drivers.Hooks;

/// <summary>
/// Drives a DUI through its HTTP test hooks (<c>profiles/hooks/openapi.yaml</c>, issue 6 §2): <c>GET info</c> and
/// <c>POST configure</c> once, <c>POST reset</c> before each scenario, <c>POST actions/{action}</c> for each action step.
/// Every call has a timeout, and every exchange is recorded as <c>hook-request</c>/<c>hook-response</c> evidence with
/// the shared secret and the configured passwords redacted.
/// </summary>
public sealed class HttpHooksDriver : IScenarioDriver
{
    private static readonly string[] SecretKeys = ["password", "clientSecret", "clientCertificatePassword", "clientCertificatePkcs12"];

    private readonly HttpClient _http;
    private readonly HttpHooksOptions _options;
    private readonly EvidenceStore _evidence;
    private string? _scenario;
    private int _exchanges;

    private HttpHooksDriver(HttpClient http, HttpHooksOptions options, EvidenceStore evidence)
    {
        _http = http;
        _options = options;
        _evidence = evidence;
    }

    /// <inheritdoc />
    public string Name => "http-hooks";

    /// <summary>What the DUI said about itself when the driver started.</summary>
    public HooksProduct Product { get; private set; } = new("?", "?", new HashSet<string>(StringComparer.Ordinal));

    /// <summary>Reads <c>GET info</c>, then sends <c>POST configure</c>.</summary>
    /// <exception cref="HarnessException">The hooks are unreachable, refuse the secret, break the contract or refuse the configuration.</exception>
    public static async Task<HttpHooksDriver> StartAsync(HttpHooksOptions options, EvidenceStore evidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(evidence);
        if (!options.HooksUrl.AbsolutePath.EndsWith('/'))
        {
            options = options with { HooksUrl = new Uri(options.HooksUrl + "/") };
        }

        var handler = new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(10) };
        var http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan, MaxResponseContentBufferSize = 4 * 1024 * 1024 };
        http.DefaultRequestHeaders.Add(HooksContract.SecretHeader, options.Secret);
        var driver = new HttpHooksDriver(http, options, evidence);
        try
        {
            var (info, _) = await driver.CallAsync(HttpMethod.Get, "info", null, cancellationToken).ConfigureAwait(false);
            driver.Product = ReadProduct(info);
            var (configured, _) = await driver.CallAsync(HttpMethod.Post, "configure", options.Configuration, cancellationToken).ConfigureAwait(false);
            if (!IsSucceeded(configured))
            {
                throw new HarnessException(HarnessCodes.HooksConfigureFailed, $"Le DUI refuse la configuration des simulateurs : {Message(configured) ?? "(sans message)"}.");
            }

            return driver;
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async Task StartScenarioAsync(ScenarioDefinition scenario, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        _scenario = scenario.Id;
        var (reset, _) = await CallAsync(HttpMethod.Post, "reset", new JsonObject { ["scenario"] = scenario.Id }, cancellationToken).ConfigureAwait(false);
        if (!IsSucceeded(reset))
        {
            throw new HarnessException(HarnessCodes.HooksConfigureFailed, $"Le DUI n'a pas remis ses données à zéro pour le scénario « {scenario.Id} » : {Message(reset) ?? "(sans message)"}.");
        }
    }

    /// <inheritdoc />
    public async Task<DriverStepResult> PerformAsync(ScenarioStep step, ScenarioData data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(data);
        var action = step.Action ?? throw new ArgumentException("une étape d'action sans verbe", nameof(step));
        if (!Product.Actions.Contains(action))
        {
            throw new HarnessException(HarnessCodes.HooksActionUnsupported, $"Les points d'accroche de « {Product.Name} » ne proposent pas l'action '{action}' (proposées : {string.Join(", ", Product.Actions.Order(StringComparer.Ordinal))}).");
        }

        var values = new JsonObject();
        var vars = new JsonObject();
        foreach (var (key, value) in data.Values.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (key.StartsWith("vars.", StringComparison.Ordinal))
            {
                vars[key["vars.".Length..]] = value;
            }
            else
            {
                values[key] = value;
            }
        }

        var parameters = new JsonObject();
        foreach (var (key, value) in step.Parameters.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            parameters[key] = value;
        }

        var body = new JsonObject { ["scenario"] = _scenario, ["step"] = step.Id, ["data"] = values, ["parameters"] = parameters, ["vars"] = vars };
        var (answer, evidence) = await CallAsync(HttpMethod.Post, "actions/" + Uri.EscapeDataString(action), body, cancellationToken).ConfigureAwait(false);
        if (answer["vars"] is JsonObject captured)
        {
            foreach (var (name, value) in captured)
            {
                if (value is JsonValue scalar && scalar.TryGetValue<string>(out var text))
                {
                    data.Capture(name, text);
                }
                else
                {
                    throw new HarnessException(HarnessCodes.HooksProtocol, $"Réponse de l'action '{action}' : la variable « {name} » n'est pas une chaîne.");
                }
            }
        }

        // Note: the hook's message is what the DUI would show its user (openapi.yaml); checks such as dmp.error-surfaced judge it.
        if (Message(answer) is { Length: > 0 } shown)
        {
            var screen = await _evidence.RecordAsync(EvidenceKinds.UiText, Encoding.UTF8.GetBytes(shown), "text/plain",
                new Dictionary<string, string>(StringComparer.Ordinal) { ["action"] = action, ["driver"] = Name }, cancellationToken).ConfigureAwait(false);
            evidence = [.. evidence, screen.Id];
        }

        return IsSucceeded(answer)
            ? new DriverStepResult(true, null, evidence)
            : new DriverStepResult(false, Message(answer) ?? $"le DUI signale l'échec de l'action '{action}' sans message", evidence);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> EndScenarioAsync(CancellationToken cancellationToken)
    {
        _scenario = null;
        return Task.FromResult<IReadOnlyList<string>>([]);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<(JsonObject Answer, IReadOnlyList<string> Evidence)> CallAsync(HttpMethod method, string relative, JsonObject? body, CancellationToken cancellationToken)
    {
        var exchange = (++_exchanges).ToString(CultureInfo.InvariantCulture);
        var url = new Uri(_options.HooksUrl, relative);
        var requestBytes = body is null ? [] : Encoding.UTF8.GetBytes(body.ToJsonString());
        var recorded = new List<string>
        {
            (await _evidence.RecordAsync(
                EvidenceKinds.HookRequest,
                body is null ? [] : Encoding.UTF8.GetBytes(Redact(body).ToJsonString()),
                "application/json",
                new Dictionary<string, string>(StringComparer.Ordinal) { ["method"] = method.Method, ["path"] = url.AbsolutePath, ["exchange"] = exchange, [HooksContract.SecretHeader] = HooksContract.Redacted },
                cancellationToken).ConfigureAwait(false)).Id,
        };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.CallTimeout);
        var watch = Stopwatch.StartNew();
        HttpStatusCode status;
        byte[] responseBytes;
        try
        {
            using var request = new HttpRequestMessage(method, url);
            if (body is not null)
            {
                request.Content = new ByteArrayContent(requestBytes);
                request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
            }

            using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            status = response.StatusCode;
            responseBytes = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var why = exception is OperationCanceledException
                ? string.Create(CultureInfo.InvariantCulture, $"pas de réponse en {_options.CallTimeout.TotalSeconds:0.#} s")
                : exception.Message;
            recorded.Add(await RecordResponseAsync(Encoding.UTF8.GetBytes(why), "text/plain", "none", exchange, watch, cancellationToken).ConfigureAwait(false));
            throw new HarnessException(HarnessCodes.HooksUnreachable, $"Points d'accroche injoignables ({method.Method} {url.AbsolutePath}) : {why}.", exception);
        }

        var code = ((int)status).ToString(CultureInfo.InvariantCulture);
        recorded.Add(await RecordResponseAsync(responseBytes, "application/json", code, exchange, watch, cancellationToken).ConfigureAwait(false));
        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            throw new HarnessException(HarnessCodes.HooksRefused, $"Les points d'accroche répondent {code} à {method.Method} {url.AbsolutePath} : secret refusé, ou points d'accroche désactivés dans ce DUI.");
        }

        if (status != HttpStatusCode.OK)
        {
            throw new HarnessException(HarnessCodes.HooksProtocol, $"Les points d'accroche répondent {code} à {method.Method} {url.AbsolutePath} (200 attendu) : {Excerpt(responseBytes)}");
        }

        try
        {
            return (JsonNode.Parse(responseBytes) as JsonObject ?? throw new JsonException("un objet JSON est attendu"), recorded);
        }
        catch (JsonException exception)
        {
            throw new HarnessException(HarnessCodes.HooksProtocol, $"Réponse illisible à {method.Method} {url.AbsolutePath} : {exception.Message}", exception);
        }
    }

    private async Task<string> RecordResponseAsync(byte[] bytes, string mediaType, string status, string exchange, Stopwatch watch, CancellationToken cancellationToken) =>
        (await _evidence.RecordAsync(
            EvidenceKinds.HookResponse,
            bytes,
            mediaType,
            new Dictionary<string, string>(StringComparer.Ordinal) { ["status"] = status, ["exchange"] = exchange, ["elapsedMs"] = watch.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture) },
            cancellationToken).ConfigureAwait(false)).Id;

    private static HooksProduct ReadProduct(JsonObject info)
    {
        var product = info["product"] as JsonObject;
        var name = product?["name"]?.GetValueKind() == JsonValueKind.String ? product["name"]!.GetValue<string>() : null;
        var version = product?["version"]?.GetValueKind() == JsonValueKind.String ? product["version"]!.GetValue<string>() : null;
        if (name is null || version is null || info["actions"] is not JsonArray actions)
        {
            throw new HarnessException(HarnessCodes.HooksProtocol, "GET info : « product.name », « product.version » et « actions » sont obligatoires.");
        }

        var verbs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            if (action?.GetValueKind() == JsonValueKind.String && ActionVocabulary.All.Contains(action.GetValue<string>()))
            {
                verbs.Add(action.GetValue<string>());
            }
        }

        return new HooksProduct(name, version, verbs);
    }

    private static bool IsSucceeded(JsonObject answer) =>
        answer["succeeded"]?.GetValueKind() == JsonValueKind.True;

    private static string? Message(JsonObject answer) =>
        answer["message"]?.GetValueKind() == JsonValueKind.String ? answer["message"]!.GetValue<string>() : null;

    private static JsonNode Redact(JsonNode node)
    {
        var copy = node.DeepClone();
        RedactInPlace(copy);
        return copy;
    }

    private static void RedactInPlace(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            foreach (var key in obj.Select(pair => pair.Key).ToList())
            {
                if (SecretKeys.Contains(key, StringComparer.Ordinal))
                {
                    obj[key] = HooksContract.Redacted;
                }
                else
                {
                    RedactInPlace(obj[key]);
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                RedactInPlace(item);
            }
        }
    }

    private static string Excerpt(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 300));
        return text.Length == 0 ? "(corps vide)" : text;
    }
}
